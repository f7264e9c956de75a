import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckCatalogEntry, Machine, MachineStatus } from '@deskside/core';
import { ApiError } from '../api/client';
import { renderWithApi, type Answers } from '../api/fake-api';
import { setupI18n } from '../i18n';
import en from '../i18n/en.json';
import { MachinePage } from './MachinePage';

beforeAll(async () => {
  await setupI18n('en');
});

const ID = '0b6c5d8e-9f1a-4b2c-8d3e-4f5a6b7c8d9e';
const OLD_KEY = 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8';
const NEW_KEY = 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU';
const JUMP_KEY = 'SHA256:LCa0a2j/xo/5m0U8HTBBNBNCLXBkg7+g+YpeiGJm564';

const SSH_MACHINE: Machine = {
  id: ID,
  name: 'Build server',
  transport: 'ssh',
  address: 'build.example.org',
  port: 22,
  fingerprint: OLD_KEY,
  hostname: 'build',
  addedAt: '2026-12-01T08:00:00.000Z',
  lastContactAt: '2026-12-01T08:00:00.000Z',
  thisComputer: false,
  ssh: {
    username: 'deploy',
    hostKey: OLD_KEY,
    jump: null,
    login: 'session',
    authKind: 'key',
  },
};

const entry = (id: string, transports: CheckCatalogEntry['transports']): CheckCatalogEntry => ({
  id,
  summary: id,
  description: id,
  timeoutMs: 5_000,
  transports,
  os: ['linux'],
  params: {},
  needsParams: false,
  codes: ['ok'],
});
const CATALOG = [
  entry('agent-only', ['agent-https']),
  entry('both-ways', ['agent-https', 'ssh']),
  entry('ssh-only', ['ssh']),
];

const status = (change: Partial<MachineStatus> = {}): MachineStatus => ({
  id: ID,
  state: 'paired',
  agentVersion: null,
  presentedFingerprint: null,
  detail: null,
  checkedAt: '2026-12-02T08:00:00.000Z',
  ...change,
});

function renderPage(machine: Machine, answers: Answers = {}) {
  return renderWithApi(
    <MemoryRouter initialEntries={[`/machines/${machine.id}`]}>
      <Routes>
        <Route path="/machines/:id" element={<MachinePage />} />
      </Routes>
    </MemoryRouter>,
    {
      'machines.get': () => machine,
      'machines.status': () => status(),
      'machines.tickets': () => [],
      'tickets.list': () => [],
      'checks.catalog': () => ({ checks: CATALOG }),
      'machines.inventory': () => {
        throw new ApiError('machine_unreachable', 'not in this test');
      },
      ...answers,
    },
  );
}

const choices = () =>
  within(screen.getByRole('group', { name: en.checks.choose }))
    .getAllByRole('checkbox')
    .map((box) => box.parentElement?.textContent);

describe('the checks a machine page offers', () => {
  it('are only those the catalog lists for SSH, for a machine reached over SSH', async () => {
    renderPage(SSH_MACHINE);
    await screen.findByRole('group', { name: en.checks.choose });
    expect(choices()).toEqual(['Check both-ways', 'Check ssh-only']);
  });

  it('are those listing the agent, for a machine with the agent', async () => {
    renderPage({ ...SSH_MACHINE, transport: 'agent-https', ssh: null });
    await screen.findByRole('group', { name: en.checks.choose });
    expect(choices()).toEqual(['Check agent-only', 'Check both-ways']);
  });

  it('says so when no check runs over SSH yet', async () => {
    renderPage(SSH_MACHINE, { 'checks.catalog': () => ({ checks: [CATALOG[0]] }) });
    expect(
      await screen.findByText('None of the checks runs through SSH (no agent) yet.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: en.checks.run })).toBeNull();
  });
});

describe('an SSH machine whose host key changed', () => {
  const changed = (detail: string) =>
    status({ state: 'certificate_changed', presentedFingerprint: NEW_KEY, detail });

  it('is a prominent warning; the new key is confirmed only as typed from the machine', async () => {
    const call = renderPage(SSH_MACHINE, {
      'machines.status': () =>
        changed(
          `build.example.org:22 presented the host key ${NEW_KEY}, not the confirmed ${OLD_KEY}. It may have been reinstalled…`,
        ),
      'machines.inventory': () => {
        throw new ApiError('host_key_changed', 'presented another key');
      },
      'machines.confirmSshHostKey': () => ({ ...SSH_MACHINE, fingerprint: NEW_KEY }),
    });
    const warning = await screen.findByRole('region', {
      name: 'Warning: the host key of build.example.org:22 has changed',
    });
    expect(within(warning).getAllByRole('alert')[0]?.textContent).toContain(en.hostKeyChanged.body);
    expect(within(warning).getByText(OLD_KEY)).toBeTruthy();
    expect(within(warning).getByText(NEW_KEY)).toBeTruthy();

    // Nothing is confirmed by a click alone, nor by a key other than the one presented.
    const form = within(warning).getByRole('form', { name: en.hostKeyChanged.confirm });
    const typed = within(form).getByLabelText(en.hostKeyChanged.typeKey);
    fireEvent.click(within(form).getByRole('button', { name: en.hostKeyChanged.confirm }));
    expect(await within(form).findByText(en.hostKeyChanged.mismatch)).toBeTruthy();
    fireEvent.change(typed, { target: { value: OLD_KEY } });
    fireEvent.click(within(form).getByRole('button', { name: en.hostKeyChanged.confirm }));
    expect(typed.getAttribute('aria-invalid')).toBe('true');
    expect(call).not.toHaveBeenCalledWith('machines.confirmSshHostKey', expect.anything());

    fireEvent.change(typed, { target: { value: ` ${NEW_KEY} ` } });
    fireEvent.click(within(form).getByRole('button', { name: en.hostKeyChanged.confirm }));
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('machines.confirmSshHostKey', {
        id: ID,
        hop: 'machine',
        hostKey: NEW_KEY,
      });
    });
  });

  it('names the jump host when it is the jump host’s key that changed', async () => {
    const call = renderPage(
      {
        ...SSH_MACHINE,
        ssh: {
          ...SSH_MACHINE.ssh!,
          jump: { host: 'bastion.example.org', port: 22, username: 'ops', hostKey: JUMP_KEY },
        },
      },
      {
        'machines.status': () =>
          changed(
            `bastion.example.org:22 presented the host key ${NEW_KEY}, not the confirmed ${JUMP_KEY}. It may…`,
          ),
        'machines.confirmSshHostKey': () => SSH_MACHINE,
      },
    );
    const warning = await screen.findByRole('region', {
      name: 'Warning: the host key of bastion.example.org:22 has changed',
    });
    fireEvent.change(within(warning).getByLabelText(en.hostKeyChanged.typeKey), {
      target: { value: NEW_KEY.replace('SHA256:', '') },
    });
    fireEvent.click(within(warning).getByRole('button', { name: en.hostKeyChanged.confirm }));
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('machines.confirmSshHostKey', {
        id: ID,
        hop: 'jump',
        hostKey: NEW_KEY,
      });
    });
  });
});

describe('an SSH machine this analyst has no login to', () => {
  it('asks for their own login instead of collecting anything, and sends it', async () => {
    const machine: Machine = {
      ...SSH_MACHINE,
      ssh: { ...SSH_MACHINE.ssh!, login: 'none', authKind: null },
    };
    const call = renderPage(machine, {
      'machines.status': () => status({ state: 'refused' }),
      'machines.sshLogin': () => SSH_MACHINE,
    });
    const form = await screen.findByRole('form', { name: 'Log in as deploy on build.example.org' });
    expect(screen.getByText(en.ssh.inventoryNeedsLogin)).toBeTruthy();
    expect(screen.queryByRole('button', { name: en.ssh.forget })).toBeNull();
    expect(call).not.toHaveBeenCalledWith('machines.inventory', expect.anything());
    fireEvent.click(within(form).getByLabelText(en.ssh.auth.password));
    fireEvent.change(within(form).getByLabelText(en.ssh.auth.passwordField), {
      target: { value: 'my own secret' },
    });
    fireEvent.click(within(form).getByRole('button', { name: en.ssh.logIn }));
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('machines.sshLogin', {
        id: ID,
        auth: { kind: 'password', password: 'my own secret' },
        remember: false,
      });
    });
    expect(await screen.findByText(en.ssh.state.refused)).toBeTruthy();
  });
});
