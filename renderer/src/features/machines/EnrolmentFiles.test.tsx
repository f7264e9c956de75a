import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Enrolment } from '@deskside/core';
import { renderWithApi } from '../../api/fake-api';
import { setupI18n } from '../../i18n';
import { EnrolmentFiles } from './EnrolmentFiles';

beforeAll(async () => {
  await setupI18n('en');
});

const ENROLMENT: Enrolment = {
  id: '6f1d3c52-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  label: 'Finance laptops',
  keyId: '0123456789abcdef0123456789abcdef',
  issuedBy: 'ana.lyst',
  issuedAt: '2026-12-01T08:00:00.000Z',
  expiresAt: '2999-12-15T08:00:00.000Z',
  maxMachines: 50,
  usedMachines: 3,
  revokedAt: null,
  revokedBy: null,
};
const FILE_TEXT = '{"format":"deskside-enrolment","version":1}\n';

describe('enrolment files on the machines page (a fake console answers)', () => {
  it('issues a file with the label, days and machines entered, and offers it as enrolment.json', async () => {
    const call = renderWithApi(<EnrolmentFiles />, {
      'machines.enrolments': () => [],
      'machines.issueEnrolment': () => ({ enrolment: ENROLMENT, fileText: FILE_TEXT }),
    });
    expect(await screen.findByText('No enrolment files issued yet.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Issue enrolment file' });
    fireEvent.change(within(form).getByLabelText('Label'), {
      target: { value: ' Finance laptops ' },
    });
    fireEvent.change(within(form).getByLabelText('Valid for (days)'), { target: { value: '30' } });
    fireEvent.change(within(form).getByLabelText('Machines at most'), { target: { value: '50' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Issue enrolment file' }));
    const link = await screen.findByRole('link', { name: 'Download enrolment.json' });
    expect(link.getAttribute('download')).toBe('enrolment.json');
    expect(decodeURIComponent(link.getAttribute('href')!.split(',')[1]!)).toBe(FILE_TEXT);
    expect(call).toHaveBeenCalledWith('machines.issueEnrolment', {
      label: 'Finance laptops',
      validDays: 30,
      maxMachines: 50,
    });
  });

  it('lists the files with how many machines each added, and revokes one', async () => {
    const call = renderWithApi(<EnrolmentFiles />, {
      'machines.enrolments': () => [ENROLMENT],
      'machines.revokeEnrolment': () => ({ ...ENROLMENT, revokedAt: '2026-12-02T08:00:00.000Z' }),
    });
    const row = (await screen.findByText('Finance laptops')).closest('tr')!;
    expect(within(row).getByText('3 of 50')).toBeTruthy();
    expect(within(row).getByText('In use')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('machines.revokeEnrolment', { id: ENROLMENT.id });
    });
  });
});
