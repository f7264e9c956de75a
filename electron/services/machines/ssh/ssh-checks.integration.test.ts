import { existsSync } from 'node:fs';
import path from 'node:path';
import { CheckRunner } from '@deskside/agent/checks';
import type { CommandRunner } from '@deskside/agent/collect';
import {
  checkCatalog,
  CheckResultSchema,
  DesksideError,
  type CatalogCheckId,
  type CheckRequest,
  type CheckResult,
  type SshMachine,
} from '@deskside/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectDeclaredFacts } from '#test/helpers/check-harness';
import { freePort } from '#test/helpers/free-port';
import { makeSshKey, startSshd, type SshServer } from '#test/helpers/sshd';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { connectMachine, type Connection } from './connect';
import { HOSTILE_VALUES } from './fixtures/hostile-values';
import { remoteRunner } from './runner';
import { sshConnectTcp, sshRunChecks } from './ssh-checks';
import type { RunChecks } from '../transports';

const folders = temporaryFolders('deskside-ssh-checks-');
let dir: string;
let server: SshServer;
let connection: Extract<Connection, { status: 'connected' }>;
/** Every command the checks ran on the machine, as [program, ...args]. */
const commands: string[][] = [];
let runChecks: RunChecks;

beforeAll(async () => {
  dir = await folders.make();
  const key = await makeSshKey(dir, 'id_ed25519', 'ed25519');
  server = await startSshd({ authorizedKeys: [key.publicKey] });
  const machine: SshMachine = {
    target: { host: server.host, port: server.port, username: server.username },
    auth: { kind: 'key', privateKey: key.privateKey },
    hostKey: server.hostKey.fingerprint,
  };
  const opened = await connectMachine(machine);
  if (opened.status !== 'connected') throw new Error('the host key was not taken');
  connection = opened;
  const client = connection.ssh.connection!;
  const remote = remoteRunner(client);
  const run: CommandRunner = (program, args, options) => {
    commands.push([program, ...args]);
    return remote(program, args, options);
  };
  runChecks = sshRunChecks({ run, connectTcp: sshConnectTcp(client) });
}, 60_000);

afterAll(async () => {
  connection.close();
  await server.stop();
  await folders.removeAll();
});

const request = (checkId: CatalogCheckId, params: Record<string, unknown> = {}) =>
  ({ checkId, params: checkCatalog[checkId].params.parse(params) }) as CheckRequest;

/** Thresholds no machine crosses, so both sides end with the same code. */
const comparable = (tcpPort: number): CheckRequest[] => [
  request('disk.free', { path: '/', warnBelowPercent: 0, failBelowPercent: 0 }),
  request('memory.pressure', { warnAbovePercent: 100, failAbovePercent: 100 }),
  request('cpu.load', { sampleMs: 200, warnAbovePercent: 100, failAbovePercent: 100 }),
  request('system.uptime', { warnAfterDays: 3650, failAfterDays: 3650 }),
  request('service.running', { name: 'sshd' }),
  request('processes.top', {
    warnAboveCpuPercent: 100,
    failAboveCpuPercent: 100,
    warnAboveMemoryPercent: 100,
    failAboveMemoryPercent: 100,
  }),
  request('network.interfaces'),
  request('program.installed', { name: 'openssh-server' }),
  request('tcp.port', { host: '127.0.0.1', port: tcpPort }),
];

describe('catalog checks over SSH', () => {
  it('run end to end on the machine, each result in its check’s codes and facts', async () => {
    const checks = [...comparable(server.port), request('network.gateway', { waitMs: 500 })];
    const events: string[] = [];
    const results = await runChecks(checks, (event) => events.push(event.type));
    expect(results.map((r) => r.checkId)).toEqual(checks.map((c) => c.checkId));
    for (const result of results) {
      expect(CheckResultSchema.parse(result)).toEqual(result);
      expectDeclaredFacts(result);
    }
    const byId = new Map(results.map((r) => [r.checkId, r]));
    expect(byId.get('disk.free')).toMatchObject({ status: 'pass', code: 'disk.free.ok' });
    expect(byId.get('service.running')).toMatchObject({ code: 'service.running.ok' });
    expect(byId.get('program.installed')).toMatchObject({ code: 'program.installed.found' });
    expect(byId.get('tcp.port')).toMatchObject({
      code: 'tcp.port.open',
      facts: { host: '127.0.0.1', port: server.port },
    });
    expect(events[0]).toBe('accepted');
    expect(events.at(-1)).toBe('done');
  }, 60_000);

  it('answer as the agent answers for this same machine: same codes, same facts', async () => {
    const checks = comparable(server.port);
    const [overSsh, local] = await Promise.all([runChecks(checks), new CheckRunner().run(checks)]);
    const shape = (r: CheckResult) => ({
      checkId: r.checkId,
      status: r.status,
      code: r.code,
      facts: Object.keys(r.facts).sort(),
    });
    expect(overSsh.map(shape)).toEqual(local.map(shape));
    const facts = (results: CheckResult[], id: string) =>
      results.find((r) => r.checkId === id)!.facts;
    for (const [id, fact] of [
      ['disk.free', 'totalBytes'],
      ['memory.pressure', 'totalBytes'],
      ['cpu.load', 'cores'],
      ['service.running', 'manager'],
    ] as const) {
      expect(facts(overSsh, id)[fact], `${id} ${fact}`).toEqual(facts(local, id)[fact]);
    }
  }, 60_000);

  it('say a closed port is refused and an unknown name is not found, from the machine', async () => {
    const closed = await freePort();
    const [refused, unknown] = await runChecks([
      request('tcp.port', { host: '127.0.0.1', port: closed }),
      request('tcp.port', { host: 'no-such-host.invalid', port: 80, waitMs: 5_000 }),
    ]);
    expect(refused).toMatchObject({ code: 'tcp.port.refused', facts: { port: closed } });
    expect(unknown).toMatchObject({ code: 'tcp.port.name_not_found' });
    for (const result of [refused!, unknown!]) {
      expect(CheckResultSchema.parse(result)).toEqual(result);
      expectDeclaredFacts(result);
    }
  }, 30_000);

  it('pass a hostile parameter as one literal argument and run nothing in it', async () => {
    const marker = path.join(dir, 'ran');
    const paths = [
      ...HOSTILE_VALUES.filter((v) => v !== '' && !v.includes('\n')).map((v) => `/${v}`),
      `/tmp/$(touch ${marker})`,
      `/tmp/\`touch ${marker}\``,
      `/tmp/'; touch ${marker} #`,
      `/tmp/x; touch ${marker}`,
      `/tmp/x | touch ${marker}`,
    ];
    const before = commands.length;
    const results = await runChecks(paths.map((p) => request('disk.free', { path: p })));
    for (const [i, result] of results.entries()) {
      expect(result, paths[i]).toMatchObject({
        code: 'disk.free.path_missing',
        facts: { path: paths[i] },
      });
    }
    // Each path arrived whole, as stat's one argument after `--`.
    const asked = commands.slice(before).filter(([program]) => program === 'stat');
    expect(asked.map((c) => c.at(-1))).toEqual(expect.arrayContaining(paths));
    expect(existsSync(marker)).toBe(false);
    // A service name with shell syntax is refused by its schema before anything runs.
    const count = commands.length;
    await expect(
      runChecks([
        { checkId: 'service.running', params: { name: `x$(touch ${marker})` } },
      ] as CheckRequest[]),
    ).rejects.toThrow(/name/);
    expect(commands.length).toBe(count);
    expect(existsSync(marker)).toBe(false);
  }, 60_000);

  it('refuse a check that does not run over SSH before anything runs', async () => {
    const count = commands.length;
    const error = await runChecks([
      request('disk.free'),
      request('fs.writable', { path: '/tmp' }),
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DesksideError);
    expect(error).toMatchObject({
      code: 'validation',
      message: expect.stringContaining('fs.writable does not run over SSH') as string,
    });
    expect(commands.length).toBe(count);
  });
});
