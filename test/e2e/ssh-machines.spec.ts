import os from 'node:os';
import { makeSshKey, startSshd, type SshKeyPair, type SshServer } from '../helpers/sshd';
import { temporaryFolders } from '../helpers/temp-folders';
import { callApi, expectAccessible } from './host-api';
import { expect, test } from './fixtures';

const folders = temporaryFolders('deskside-e2e-ssh-');
let server: SshServer;
let key: SshKeyPair;

test.beforeAll(async () => {
  key = await makeSshKey(await folders.make(), 'analyst_ed25519');
  server = await startSshd({ authorizedKeys: [key.publicKey] });
});

test.afterAll(async () => {
  await server.stop();
  await folders.removeAll();
});

test('an analyst adds a machine over SSH by its host key, sees its inventory, runs a check, attaches both to a ticket, and the list says SSH', async ({
  page,
  desk,
}) => {
  const ticket = await callApi(desk.host, 'tickets.create', {
    requester: 'Jonas Peeters',
    channel: 'phone',
    summary: 'Build server is full',
  });
  await page.goto(desk.host.url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Machines' })
    .click();
  await page.getByRole('button', { name: 'Add machine' }).click();
  await page.getByLabel('Over SSH (no agent)').check();

  const details = page.getByRole('form', { name: 'Connection over SSH' });
  const machine = details.getByRole('group', { name: 'The machine' });
  await machine.getByLabel('Host (name or IP address)').fill(server.host);
  await machine.getByLabel('SSH port').fill(String(server.port));
  await machine.getByLabel('User').fill(server.username);
  const login = details.getByRole('group', { name: 'How you log in to the machine' });
  await expect(login.getByLabel('Private key', { exact: true })).toBeChecked();
  await login.getByLabel('Private key (paste the OpenSSH or PEM text)').fill(key.privateKey);
  await details.getByLabel('Name (optional; defaults to the host name)').fill('Build server');
  // Once entered, the key is not shown back: only that there is one.
  await expect(login.getByText('A private key is entered.')).toBeVisible();
  await expect(page.getByText(/BEGIN OPENSSH PRIVATE KEY/)).toHaveCount(0);
  await expect(login.locator('textarea')).toHaveCount(0);
  await expectAccessible(page, 'add a machine over SSH (en)');
  await details.getByRole('button', { name: 'Get the host key' }).click();

  // The host key the machine presented: the very one sshd holds, as ssh-keygen -l prints it.
  const check = page.getByRole('form', { name: `Host key of ${server.host}:${server.port}` });
  await expect(check.getByLabel('Host key fingerprint (SHA256)')).toHaveText(
    server.hostKey.fingerprint,
  );
  await expect(
    check.getByText('ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub', { exact: true }),
  ).toBeVisible();
  const add = check.getByRole('button', { name: 'Add this machine' });
  await expect(add).toBeDisabled();
  await check.getByLabel('The fingerprint matches the one on the machine').check();
  await add.click();

  // The machine page: how it is reached, and its inventory read over SSH.
  await expect(page.getByRole('heading', { name: 'Build server', level: 1 })).toBeVisible();
  await expect(page.getByText(/through SSH \(no agent\)/)).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Operating system' })
      .getByText(os.hostname(), { exact: true }),
  ).toBeVisible();
  const ssh = page.getByRole('region', { name: 'SSH (no agent)' });
  await expect(
    ssh.getByText(`${server.username}@${server.host}:${server.port}`, { exact: true }),
  ).toBeVisible();
  await expect(ssh.getByText(server.hostKey.fingerprint, { exact: true })).toBeVisible();
  await expect(ssh.getByText('Your login: until the console closes (Private key)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Forget my login' })).toBeVisible();
  await expectAccessible(page, 'machine over SSH (en)');

  // Checks over the same connection: only those that run over SSH are offered.
  const checks = page.getByRole('form', { name: 'Checks' });
  await expect(checks.getByLabel('A folder can be written')).toHaveCount(0);
  await checks.getByLabel('A TCP port is open').check();
  const tcp = page.getByRole('group', { name: 'Settings of “A TCP port is open”' });
  await tcp.getByLabel('Host name or address').fill('127.0.0.1');
  await tcp.getByLabel('Port', { exact: true }).fill(String(server.port));
  await checks.getByRole('button', { name: 'Run checks' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done' })).toBeVisible();
  await expect(
    page
      .getByRole('list', { name: 'Results' })
      .getByText(`Port ${server.port} on 127.0.0.1 is open`, { exact: false }),
  ).toBeVisible();
  const attachResults = page.getByRole('form', { name: 'Attach these results to a ticket' });
  await attachResults
    .getByLabel('Ticket', { exact: true })
    .selectOption({ label: `#${ticket.id} Build server is full` });
  await attachResults.getByRole('button', { name: 'Attach results' }).click();
  await expect(attachResults.getByRole('status')).toHaveText(
    `Attached to ticket #${ticket.id} Open ticket`,
  );

  // Attached to the ticket: exactly the inventory shown.
  const attach = page.getByRole('form', { name: 'Attach to ticket' });
  await attach.getByLabel('Ticket').selectOption(String(ticket.id));
  await attach.getByRole('button', { name: 'Attach inventory' }).click();
  await expect(attach.getByRole('status')).toHaveText(
    `Attached to ticket #${ticket.id} Open ticket`,
  );
  const attached = await callApi(desk.host, 'tickets.get', { id: ticket.id });
  expect(JSON.stringify(attached)).toContain(os.hostname());

  // The list says how each machine is reached, and that this analyst has a login.
  await page.getByRole('link', { name: 'All machines' }).click();
  const row = page.getByRole('row', { name: /Build server/ });
  await expect(row.getByText('SSH (no agent)')).toBeVisible();
  await expect(row.getByText(`${server.username}@${server.host}:${server.port}`)).toBeVisible();
  await expect(row.getByText('Your login: until the console closes')).toBeVisible();
  await expect(row.getByText('Online')).toBeVisible();
});
