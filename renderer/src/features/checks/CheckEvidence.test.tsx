import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { CheckResultsEvidenceSchema, type CheckResult } from '@deskside/core';
import { LOW_DISK_FACTS } from '#test/helpers/check-results';
import { setupI18n } from '../../i18n';
import { CheckEvidence } from './CheckEvidence';

beforeAll(async () => {
  await setupI18n('en');
});

const result = (checkId: string, code: string, facts: CheckResult['facts']): CheckResult => ({
  checkId,
  status: 'warn',
  code,
  facts,
  startedAt: '2026-11-30T09:15:00.000Z',
  durationMs: 12.5,
});

/** Check results kept on a ticket, as the store gives them back (the wire schema parses them). */
const evidenceOf = (results: CheckResult[]) =>
  CheckResultsEvidenceSchema.parse({
    id: '6f1c1f7e-8a7e-4c4e-9d0a-1b2c3d4e5f60',
    ticketId: 42,
    machineId: '0b7e6d5c-4a39-4281-9f0e-1d2c3b4a5968',
    machineName: 'PC-RECEPTION',
    transport: 'agent-https',
    takenBy: 'analyst',
    takenAt: '2026-11-30T09:15:00.000Z',
    sha256: 'a'.repeat(64),
    kind: 'checks',
    content: { state: 'done', checks: [], results },
  });

const items = () => within(screen.getByRole('list', { name: 'Results' })).getAllByRole('listitem');

describe('check results kept as evidence', () => {
  it('shows facts this console cannot read as they were recorded, beside readable ones', () => {
    render(
      <CheckEvidence
        evidence={evidenceOf([
          result('disk.free', 'disk.free.low', LOW_DISK_FACTS),
          // An older agent's: sizes as text, a field since renamed, a nested list.
          result('disk.free', 'disk.free.low', {
            mount: '/home',
            freeBytes: '5 GB',
            volumes: [{ name: 'sda1', free: 0.05 }],
            tags: ['ssd', 'system'],
          }),
          // A newer agent's check.
          result('gpu.temp', 'gpu.temp.hot', { celsius: 97, throttling: true, fan: null }),
        ])}
      />,
    );
    const [readable, older, newer] = items();

    expect(within(readable!).getByText(/^Only 5 GB free on \/ \(5% of 100 GB\)/)).toBeTruthy();

    expect(
      within(older!).getByText(
        'Result disk.free.low, recorded in a form this console cannot read: its facts are shown as recorded.',
      ),
    ).toBeTruthy();
    const recorded = (item: HTMLElement) =>
      [...item.querySelectorAll('dl.facts > .fact')].map((fact) => [
        fact.querySelector('dt')?.textContent,
        fact.querySelector('dd')?.textContent,
      ]);
    expect(recorded(older!)).toEqual([
      ['mount', '/home'],
      ['freeBytes', '5 GB'],
      ['volumes', '[{"name":"sda1","free":0.05}]'],
      ['tags', 'ssd, system'],
    ]);
    // In plain view, not folded away under the details of a readable result.
    expect(older!.querySelector('details')).toBeNull();

    expect(
      within(newer!).getByText(/^Result gpu\.temp\.hot \(this console does not know/),
    ).toBeTruthy();
    expect(recorded(newer!)).toEqual([
      ['celsius', '97'],
      ['throttling', 'true'],
      ['fan', 'null'],
    ]);
  });

  it('folds readable facts under their details, and shows nothing for a result without facts', () => {
    render(
      <CheckEvidence
        evidence={evidenceOf([
          result('disk.free', 'disk.free.low', LOW_DISK_FACTS),
          result('disk.free', 'check.cancelled', {}),
        ])}
      />,
    );
    const [readable, cancelled] = items();
    expect(readable!.querySelector('details dl.facts')).not.toBeNull();
    expect(within(cancelled!).getByText('The check was cancelled.')).toBeTruthy();
    expect(cancelled!.querySelector('details, dl')).toBeNull();
  });
});
