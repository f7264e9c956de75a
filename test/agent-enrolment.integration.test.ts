import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolment, enrolmentFileText } from '../agent/src/security/enrolment-crypto';
import { loadOrCreateIdentity } from '../agent/src/server/identity';
import { readAuditLog, runAgentCli } from './helpers/agent-cli';
import { startAgent, type RunningAgent } from './helpers/agent-process';
import { callError, openTestConsole, type TestConsole } from './helpers/console';

// A real, built agent given an enrolment file beside its config file, and real consoles on
// SQLite files: the desk adds the agent by its address alone, with no code typed.
let desk: TestConsole;
let otherDesk: TestConsole;
let agent: RunningAgent;
let agentDir: string;
let fileText: string;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  desk = await openTestConsole();
  otherDesk = await openTestConsole();
  ({ fileText } = await desk.call('machines.issueEnrolment', {
    label: 'Finance laptops',
    validDays: 7,
    maxMachines: 3,
  }));
  agentDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-agent-enrolled-'));
  // startAgent's config file is test-config.json in the data folder: enrolment.json goes beside it.
  await writeFile(path.join(agentDir, 'enrolment.json'), fileText);
  agent = await startAgent({ token: null, dataDir: agentDir });
});
afterAll(async () => {
  await agent.stop();
  await desk.dispose();
  await otherDesk.dispose();
  await rm(agentDir, { recursive: true, force: true });
});

const consolesFile = () => readFile(path.join(agentDir, 'consoles.json'), 'utf8');

describe('pairing with an enrolment file', () => {
  it('takes enrolment.json beside its config file when it starts', async () => {
    expect(agent.stdout()).toMatch(
      /Enrolment: .*enrolment\.json, desk .* \(Finance laptops\), taken now/,
    );
    const audit = await readAuditLog(agentDir);
    expect(audit).toContainEqual(
      expect.objectContaining({ event: 'enrolment', via: 'serve', outcome: 'enrolled' }),
    );
  });

  it('is added by address alone, with its certificate pinned, and reads its inventory', async () => {
    const machine = await desk.call('machines.addEnrolled', {
      address: '127.0.0.1',
      port: agent.port,
    });
    expect(machine.fingerprint).toBe(agent.fingerprint);
    const snapshot = await desk.call('machines.inventory', { id: machine.id });
    expect(snapshot.machineId).toBe(machine.id);
    const [enrolment] = await desk.call('machines.enrolments', {});
    expect(enrolment?.usedMachines).toBe(1);
    const registry = JSON.parse(await consolesFile()) as {
      consoles: { enrolmentId?: string; revokedAt: string | null }[];
    };
    expect(registry.consoles).toEqual([
      expect.objectContaining({ enrolmentId: enrolment?.id, revokedAt: null }),
    ]);
    const listed = await runAgentCli(['consoles', 'list', '--json', '--data-dir', agentDir], {
      DESKSIDE_AGENT_CONFIG: path.join(agentDir, 'test-config.json'),
    });
    expect(JSON.parse(listed.stdout)).toMatchObject({
      enrolments: [{ id: enrolment?.id, label: 'Finance laptops', claimsUsed: 1 }],
    });
    expect(listed.stdout).not.toContain((JSON.parse(fileText) as { secret: string }).secret);
    const page = await desk.call('audit.list', { action: 'machine.enrolled' });
    expect(page.entries.map((entry) => entry.subject)).toEqual([machine.id]);
  });

  it('refuses a desk whose enrolment file the agent does not hold, and adds nothing', async () => {
    await otherDesk.call('machines.issueEnrolment', { label: 'Another desk' });
    const error = await callError(
      otherDesk.call('machines.addEnrolled', { address: '127.0.0.1', port: agent.port }),
    );
    expect(error.code).toBe('enrolment_refused');
    expect(error.message).toMatch(/holds no enrolment file of this desk/);
    expect((await otherDesk.call('machines.list', {})).filter((m) => m.address)).toEqual([]);
  });

  it('refuses a machine in the middle that presents its own certificate, and pins nothing', async () => {
    // A TLS relay with a certificate of its own, passing every byte on to the real agent.
    const relayDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-relay-'));
    const relayIdentity = await loadOrCreateIdentity(relayDir);
    const relay = tls.createServer(
      { key: relayIdentity.keyPem, cert: relayIdentity.certPem },
      (socket) => {
        const upstream = tls.connect({
          host: '127.0.0.1',
          port: agent.port,
          rejectUnauthorized: false,
        });
        socket.pipe(upstream).pipe(socket);
        socket.on('error', () => upstream.destroy());
        upstream.on('error', () => socket.destroy());
      },
    );
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const relayPort = (relay.address() as net.AddressInfo).port;
    try {
      const before = await desk.call('machines.list', {});
      const error = await callError(
        desk.call('machines.addEnrolled', { address: '127.0.0.1', port: relayPort }),
      );
      expect(error.code).toBe('certificate_mismatch');
      expect(error.message).toContain(relayIdentity.fingerprint);
      expect(await desk.call('machines.list', {})).toEqual(before);
      const [enrolment] = await desk.call('machines.enrolments', {});
      expect(enrolment?.usedMachines).toBe(1);
    } finally {
      relay.close();
      await rm(relayDir, { recursive: true, force: true });
    }
  });

  it('stops adding machines with a revoked file', async () => {
    const [enrolment] = await desk.call('machines.enrolments', {});
    const revoked = await desk.call('machines.revokeEnrolment', { id: enrolment!.id });
    expect(revoked.revokedAt).not.toBeNull();
    await desk.call('machines.remove', {
      id: (await desk.call('machines.list', {})).find((m) => m.address)!.id,
    });
    const error = await callError(
      desk.call('machines.addEnrolled', { address: '127.0.0.1', port: agent.port }),
    );
    expect(error.code).toBe('enrolment_refused');
    expect(error.message).toMatch(/revoked/);
  });
});

describe('deskside-agent enrol', () => {
  it('takes the same file again without changing anything', async () => {
    const file = path.join(agentDir, 'enrolment.json');
    const before = await consolesFile();
    const result = await runAgentCli(['enrol', '--file', file, '--data-dir', agentDir], {
      DESKSIDE_AGENT_CONFIG: path.join(agentDir, 'test-config.json'),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Already enrolled/);
    expect(await consolesFile()).toBe(before);
  });

  it.each([
    [
      'a file changed after it was signed',
      () =>
        fileText
          .replace('"maxMachines": 3', '"maxMachines": 4')
          .replace(/"claims": \[/, '"claims": [\n    "' + 'a'.repeat(64) + '",'),
      /signature does not match/,
    ],
    [
      'an expired file',
      () =>
        enrolmentFileText(
          createEnrolment({
            deskName: 'desk',
            label: 'Old rollout',
            validDays: 1,
            maxMachines: 1,
            now: new Date(Date.now() - 2 * DAY_MS),
          }).file,
        ),
      /expired/,
    ],
  ])('refuses %s with a clear error and changes nothing', async (_name, make, message) => {
    const file = path.join(agentDir, 'bad-enrolment.json');
    await writeFile(file, make());
    const before = await consolesFile();
    const result = await runAgentCli(['enrol', '--file', file, '--data-dir', agentDir], {
      DESKSIDE_AGENT_CONFIG: path.join(agentDir, 'test-config.json'),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(await consolesFile()).toBe(before);
    expect(await readAuditLog(agentDir)).toContainEqual(
      expect.objectContaining({ event: 'enrolment', via: 'enrol', outcome: 'refused' }),
    );
  });
});
