import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Machine, SshProbeResult } from '@deskside/core';
import { setupI18n } from '../../../i18n';
import en from '../../../i18n/en.json';
import { renderWithApi, type Answers } from '../../../api/fake-api';
import { AddSshMachineForm } from './AddSshMachineForm';

beforeAll(async () => {
  await setupI18n('en');
});

const s = en.ssh;
const MACHINE_KEY = 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8';
const JUMP_KEY = 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU';
const PRIVATE_KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
const PASSWORD = 'jump-host secret 42';

const ADDED = { id: '0b6c5d8e-9f1a-4b2c-8d3e-4f5a6b7c8d9e', name: 'Build server' } as Machine;

function renderForm(answers: Answers) {
  const onAdded = vi.fn();
  const call = renderWithApi(<AddSshMachineForm onAdded={onAdded} />, {
    'machines.addSsh': () => ADDED,
    ...answers,
  });
  return { call, onAdded };
}

const details = () => screen.getByRole('form', { name: s.details });
const group = (name: string) => within(details()).getByRole('group', { name });

function fillTarget(name: string, host: string, port: string, user: string) {
  const fields = within(group(name));
  fireEvent.change(fields.getByLabelText(s.host), { target: { value: host } });
  fireEvent.change(fields.getByLabelText(s.port), { target: { value: port } });
  fireEvent.change(fields.getByLabelText(s.username), { target: { value: user } });
}

function pasteKey(legend: string) {
  const key = within(group(legend)).getByLabelText(s.auth.pasteKey);
  fireEvent.change(key, { target: { value: PRIVATE_KEY } });
  fireEvent.blur(key);
}

/** No secret is on screen: neither as text nor as the value of a field. */
function expectNoSecretShown(...secrets: string[]) {
  const values = [...document.querySelectorAll('textarea, input:not([type=password])')].map(
    (field) => (field as HTMLInputElement).value,
  );
  for (const secret of secrets) {
    expect(document.body.textContent).not.toContain(secret.trim());
    expect(values.filter((value) => value.includes(secret.trim()))).toEqual([]);
  }
}

const machineAnswer = (): SshProbeResult => ({
  hop: 'machine',
  host: 'build.example.org',
  port: 2222,
  fingerprint: MACHINE_KEY,
});

describe('adding a machine over SSH', () => {
  it('probes, shows the host key to compare, and adds it with the key the analyst confirmed', async () => {
    const { call, onAdded } = renderForm({ 'machines.probeSsh': machineAnswer });
    fillTarget(s.machine, 'build.example.org', '2222', 'deploy');
    pasteKey(s.auth.legendMachine);
    // The key entered is not shown back, only that there is one.
    expect(within(group(s.auth.legendMachine)).getByText(s.auth.keyEntered)).toBeTruthy();
    expectNoSecretShown(PRIVATE_KEY);
    fireEvent.change(within(details()).getByLabelText(en.machines.nameOptional), {
      target: { value: 'Build server' },
    });
    fireEvent.click(within(details()).getByLabelText(s.remember));
    fireEvent.click(within(details()).getByRole('button', { name: s.probe }));

    const check = await screen.findByRole('form', {
      name: 'Host key of build.example.org:2222',
    });
    expect(call).toHaveBeenCalledWith('machines.probeSsh', {
      target: { host: 'build.example.org', port: 2222, username: 'deploy' },
    });
    expect(within(check).getByLabelText(s.hostKey).textContent).toBe(MACHINE_KEY);
    expect(
      within(check).getByText('ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub'),
    ).toBeTruthy();
    const add = within(check).getByRole('button', { name: en.machines.confirmAdd });
    expect((add as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(check).getByLabelText(s.confirmMatch));
    fireEvent.click(add);

    await waitFor(() => {
      expect(onAdded).toHaveBeenCalledWith(ADDED);
    });
    expect(call).toHaveBeenCalledWith('machines.addSsh', {
      name: 'Build server',
      target: { host: 'build.example.org', port: 2222, username: 'deploy' },
      auth: { kind: 'key', privateKey: PRIVATE_KEY },
      hostKey: MACHINE_KEY,
      remember: true,
    });
    expectNoSecretShown(PRIVATE_KEY);
  });

  it('confirms a jump host’s key first, then asks through it for the machine’s', async () => {
    const probes: unknown[] = [];
    const { call } = renderForm({
      'machines.probeSsh': (input) => {
        probes.push(input);
        return probes.length === 1
          ? { hop: 'jump', host: 'bastion.example.org', port: 22, fingerprint: JUMP_KEY }
          : { ...machineAnswer(), host: '10.0.4.7', port: 22 };
      },
    });
    fillTarget(s.machine, '10.0.4.7', '22', 'deploy');
    pasteKey(s.auth.legendMachine);
    fireEvent.click(within(details()).getByLabelText(s.useJump));
    fillTarget(s.jump, 'bastion.example.org', '22', 'ops');
    const jumpLogin = within(group(s.auth.legendJump));
    fireEvent.click(jumpLogin.getByLabelText(s.auth.password));
    fireEvent.change(jumpLogin.getByLabelText(s.auth.passwordField), {
      target: { value: PASSWORD },
    });
    fireEvent.click(within(details()).getByRole('button', { name: s.probe }));

    const jumpCheck = await screen.findByRole('form', {
      name: 'Host key of bastion.example.org:22',
    });
    const jump = {
      target: { host: 'bastion.example.org', port: 22, username: 'ops' },
      auth: { kind: 'password', password: PASSWORD },
    };
    expect(probes[0]).toEqual({
      target: { host: '10.0.4.7', port: 22, username: 'deploy' },
      jump: { ...jump, hostKey: null },
    });
    expect(within(jumpCheck).getByLabelText(s.hostKey).textContent).toBe(JUMP_KEY);
    fireEvent.click(within(jumpCheck).getByLabelText(s.confirmMatch));
    fireEvent.click(within(jumpCheck).getByRole('button', { name: s.confirmJump }));

    const check = await screen.findByRole('form', { name: 'Host key of 10.0.4.7:22' });
    expect(probes[1]).toEqual({
      target: { host: '10.0.4.7', port: 22, username: 'deploy' },
      jump: { ...jump, hostKey: JUMP_KEY },
    });
    // A new key to confirm: the confirmation of the jump host's does not carry over.
    const add = within(check).getByRole('button', { name: en.machines.confirmAdd });
    expect((add as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(check).getByLabelText(s.confirmMatch));
    fireEvent.click(add);
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('machines.addSsh', {
        target: { host: '10.0.4.7', port: 22, username: 'deploy' },
        auth: { kind: 'key', privateKey: PRIVATE_KEY },
        hostKey: MACHINE_KEY,
        jump: { ...jump, hostKey: JUMP_KEY },
        remember: false,
      });
    });
    expectNoSecretShown(PRIVATE_KEY, PASSWORD);
  });

  it('offers the fingerprint a known_hosts file holds for the host, to confirm', async () => {
    const KNOWN_HOSTS = '[build.example.org]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI...\n';
    const { call } = renderForm({
      'machines.probeSsh': machineAnswer,
      'machines.knownHosts': () => ({ fingerprints: [MACHINE_KEY] }),
    });
    fillTarget(s.machine, 'build.example.org', '2222', 'deploy');
    fireEvent.click(within(group(s.auth.legendMachine)).getByLabelText(s.auth.agent));
    fireEvent.click(within(details()).getByRole('button', { name: s.probe }));
    const check = await screen.findByRole('form', {
      name: 'Host key of build.example.org:2222',
    });

    fireEvent.click(within(check).getByText(s.knownHosts.title));
    fireEvent.change(within(check).getByLabelText(s.knownHosts.paste), {
      target: { value: KNOWN_HOSTS },
    });
    fireEvent.click(within(check).getByRole('button', { name: 'Look up build.example.org:2222' }));
    await within(check).findByText(
      s.knownHosts.match.replace('{{host}}', 'build.example.org:2222'),
    );
    expect(call).toHaveBeenCalledWith('machines.knownHosts', {
      text: KNOWN_HOSTS,
      host: 'build.example.org',
      port: 2222,
    });
    const confirm = within(check).getByLabelText<HTMLInputElement>(s.confirmMatch);
    expect(confirm.checked).toBe(false);
    fireEvent.click(within(check).getByRole('button', { name: s.knownHosts.useMatch }));
    expect(confirm.checked).toBe(true);
    fireEvent.click(within(check).getByRole('button', { name: en.machines.confirmAdd }));
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith(
        'machines.addSsh',
        expect.objectContaining({ auth: { kind: 'agent' }, hostKey: MACHINE_KEY }),
      );
    });
  });

  it('warns when the known_hosts file holds another key for the host, and confirms nothing', async () => {
    renderForm({
      'machines.probeSsh': machineAnswer,
      'machines.knownHosts': () => ({ fingerprints: [JUMP_KEY] }),
    });
    fillTarget(s.machine, 'build.example.org', '2222', 'deploy');
    pasteKey(s.auth.legendMachine);
    fireEvent.click(within(details()).getByRole('button', { name: s.probe }));
    const check = await screen.findByRole('form', {
      name: 'Host key of build.example.org:2222',
    });
    fireEvent.change(within(check).getByLabelText(s.knownHosts.paste), {
      target: { value: 'build.example.org ssh-ed25519 AAAA\n' },
    });
    fireEvent.click(within(check).getByRole('button', { name: 'Look up build.example.org:2222' }));
    expect(await within(check).findByText(JUMP_KEY)).toBeTruthy();
    expect(within(check).queryByRole('button', { name: s.knownHosts.useMatch })).toBeNull();
    expect(within(check).getByLabelText<HTMLInputElement>(s.confirmMatch).checked).toBe(false);
  });
});
