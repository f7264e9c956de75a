import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalystAccount, DeskSession, TeamGroup } from '@deskside/core';
import { ApiError } from '../../api/client';
import { renderWithApi, type Answers } from '../../api/fake-api';
import { setupI18n } from '../../i18n';
import en from '../../i18n/en.json';
import { AnalystsSettings, DeskWithoutRoles } from './AnalystsSettings';

beforeAll(async () => {
  await setupI18n('en');
});

const GROUPS: TeamGroup[] = [
  { id: 'network', name: 'Network team', tier: 'tier2', members: [] },
  { id: 'service-desk', name: 'Service desk', tier: 'tier1', members: [] },
];

const account = (login: string, change: Partial<AnalystAccount> = {}): AnalystAccount => ({
  login,
  name: login.toUpperCase(),
  email: `${login}@example.org`,
  language: 'nl',
  role: 'analyst',
  groups: ['network'],
  disabled: false,
  addedBy: 'ada',
  addedAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
  ...change,
});

const ANALYSTS = [account('ada', { role: 'admin', groups: [] }), account('bram')];

/** The settings section with a console that answers `answers` (a method's value, or its error). */
function renderSection(session: DeskSession, answers: Answers = {}) {
  return renderWithApi(<AnalystsSettings session={session} groups={GROUPS} />, {
    'desk.analysts': () => ANALYSTS,
    ...answers,
  });
}

const ADMIN: DeskSession = { analyst: 'ada', role: 'admin', roles: true };
const s = en.settings.analysts;

/** A field's label starts with its name; a refusal's message follows it. */
const label = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

const addForm = () => screen.getByRole('form', { name: s.add });

function fillNewAnalyst(password: string, repeat = password) {
  const form = within(addForm());
  fireEvent.change(form.getByLabelText(label(s.login)), { target: { value: 'cleo' } });
  fireEvent.change(form.getByLabelText(label(s.name)), { target: { value: 'Cleo Dupont' } });
  fireEvent.change(form.getByLabelText(label(s.email)), { target: { value: 'cleo@example.org' } });
  fireEvent.change(form.getByLabelText(label(s.language)), { target: { value: 'fr' } });
  fireEvent.change(form.getByLabelText(label(s.role)), { target: { value: 'lead' } });
  fireEvent.click(form.getByLabelText('Service desk'));
  fireEvent.change(form.getByLabelText(label(s.password)), { target: { value: password } });
  fireEvent.change(form.getByLabelText(label(s.passwordRepeat)), { target: { value: repeat } });
}

describe('the analysts of a desk with roles', () => {
  it('lists them for an administrator, who adds one with the contract’s fields', async () => {
    const call = renderSection(ADMIN, { 'desk.addAnalyst': () => ANALYSTS });
    const bram = await screen.findByRole('row', { name: /^bram/ });
    expect(within(bram).getByText('Nederlands')).toBeTruthy();
    expect(within(bram).getByText('Network team')).toBeTruthy();
    expect(within(bram).getByText(s.enabled)).toBeTruthy();
    // An administrator does not disable themselves.
    const ada = screen.getByRole('row', { name: /^ada/ });
    expect(within(ada).queryByRole('button', { name: 'Disable ada' })).toBeNull();
    expect(screen.getByText('Signed in as ada (role: Administrator).')).toBeTruthy();

    fillNewAnalyst('correct horse battery');
    fireEvent.click(within(addForm()).getByRole('button', { name: s.addButton }));
    await screen.findByText(s.added.replace('{{login}}', 'cleo'));
    expect(call).toHaveBeenCalledWith('desk.addAnalyst', {
      login: 'cleo',
      password: 'correct horse battery',
      name: 'Cleo Dupont',
      email: 'cleo@example.org',
      language: 'fr',
      role: 'lead',
      groups: ['service-desk'],
    });
    // The form is empty again for the next one.
    expect(within(addForm()).getByLabelText<HTMLInputElement>(label(s.login)).value).toBe('');
  });

  it('sends nothing while the two passwords differ, and says so at the second', async () => {
    const call = renderSection(ADMIN, { 'desk.addAnalyst': () => ANALYSTS });
    await screen.findByRole('row', { name: /^bram/ });
    fillNewAnalyst('correct horse battery', 'correct horse batery');
    fireEvent.click(within(addForm()).getByRole('button', { name: s.addButton }));
    const repeat = within(addForm()).getByLabelText(label(s.passwordRepeat));
    expect(repeat.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(s.errors.repeat)).toBeTruthy();
    expect(call).not.toHaveBeenCalledWith('desk.addAnalyst', expect.anything());
  });

  it('shows the console’s refusal at the fields it names', async () => {
    renderSection(ADMIN, {
      'desk.addAnalyst': () => {
        throw new ApiError('validation', 'Invalid input: password: Use at least 12 characters', [
          { path: 'password', message: 'Use at least 12 characters' },
          { path: 'email', message: 'Invalid email address' },
        ]);
      },
    });
    await screen.findByRole('row', { name: /^bram/ });
    fillNewAnalyst('short');
    fireEvent.click(within(addForm()).getByRole('button', { name: s.addButton }));
    await screen.findByText(s.errors.password);
    const form = within(addForm());
    expect(form.getByLabelText(label(s.password)).getAttribute('aria-invalid')).toBe('true');
    expect(form.getByLabelText(label(s.email)).getAttribute('aria-invalid')).toBe('true');
    expect(form.getByText(s.errors.email)).toBeTruthy();
    expect(form.getByText(en.settings.notSaved)).toBeTruthy();
  });

  it('disables an analyst only once the administrator confirms', async () => {
    const call = renderSection(ADMIN, {
      'desk.disableAnalyst': () => [ANALYSTS[0], account('bram', { disabled: true })],
    });
    const bram = await screen.findByRole('row', { name: /^bram/ });
    fireEvent.click(within(bram).getByRole('button', { name: 'Disable bram' }));
    const confirm = screen.getByRole('group', { name: 'Disable bram' });
    expect(within(confirm).getByText(/cannot be undone/)).toBeTruthy();
    expect(call).not.toHaveBeenCalledWith('desk.disableAnalyst', expect.anything());
    fireEvent.click(within(confirm).getByRole('button', { name: 'Disable bram now' }));
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('desk.disableAnalyst', { login: 'bram' });
    });
  });

  it('changes an analyst’s role and groups', async () => {
    const call = renderSection(ADMIN, { 'desk.changeAnalyst': () => ANALYSTS });
    const bram = await screen.findByRole('row', { name: /^bram/ });
    fireEvent.click(within(bram).getByRole('button', { name: 'Change bram' }));
    const form = within(screen.getByRole('form', { name: 'Change analyst bram' }));
    fireEvent.change(form.getByLabelText(label(s.role)), { target: { value: 'lead' } });
    fireEvent.click(form.getByLabelText('Network team'));
    fireEvent.click(form.getByRole('button', { name: en.settings.save }));
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('desk.changeAnalyst', {
        login: 'bram',
        name: 'BRAM',
        email: 'bram@example.org',
        language: 'nl',
        role: 'lead',
        groups: [],
      });
    });
  });

  it('is read-only for an analyst who is no administrator', async () => {
    renderSection({ analyst: 'bram', role: 'analyst', roles: true });
    await screen.findByRole('row', { name: /^bram/ });
    expect(screen.getByText(s.readOnly)).toBeTruthy();
    expect(screen.queryByRole('form', { name: s.add })).toBeNull();
    expect(screen.queryAllByRole('button')).toEqual([]);
  });
});

describe('a console of its own', () => {
  it('says analysts and roles belong to a shared desk, and who the analyst here is', () => {
    render(<DeskWithoutRoles session={{ analyst: 'jan', role: null, roles: false }} />);
    expect(screen.getByText(s.noRoles)).toBeTruthy();
    expect(screen.getByText(s.thisPc.replace('{{analyst}}', 'jan'))).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
