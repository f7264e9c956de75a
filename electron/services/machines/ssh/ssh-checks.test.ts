import { CommandError, type CommandRunner } from '@deskside/agent/collect';
import {
  checkCatalog,
  CheckResultSchema,
  DesksideError,
  type CatalogCheckId,
  type CheckRequest,
} from '@deskside/core';
import type { Client } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { expectDeclaredFacts, fixture } from '#test/helpers/check-harness';
import { fixture as collectorFixture } from '../../../../agent/src/collect/testing';
import type { ConnectFromMachine } from './check-probes';
import { recorded } from './fixtures/recorded';
import {
  forwardFailure,
  isSshCheck,
  platformOf,
  sshCheckIds,
  sshConnectTcp,
  sshRunChecks,
} from './ssh-checks';

const PS = [
  '-A',
  '-o',
  'pid=',
  '-o',
  'etimes=',
  '-o',
  'pcpu=',
  '-o',
  'pmem=',
  '-o',
  'rss=',
  '-o',
  'comm=',
];

/** A Linux machine without systemd, every command answered from a recording. */
const MACHINE: Record<string, { stdout?: string; stderr?: string; exitCode?: number }> = {
  'uname -s': { stdout: 'Linux\n' },
  'stat -f -c %S %b %a -- /': { stdout: recorded('stat-f.txt') },
  'cat -- /proc/meminfo': { stdout: recorded('meminfo.txt') },
  'cat -- /proc/stat': { stdout: recorded('proc-stat.txt') },
  'cat -- /proc/loadavg': { stdout: recorded('loadavg.txt') },
  'cat -- /proc/uptime': { stdout: recorded('uptime.txt') },
  'test -e /run/reboot-required': { exitCode: 0 },
  'head -c 65536 -- /run/reboot-required.pkgs': { stdout: 'linux-image-amd64\nlibc6\n' },
  'test -e /run/systemd/system': { exitCode: 1 },
  'ps -A -o pid= -o comm=': { stdout: '  70 sshd\n  71 cron\n' },
  [`ps ${PS.join(' ')}`]: { stdout: ' 812 3600 150.0 21.5 3400000 Web Content\n' },
  'ip -j -d addr': { stdout: recorded('ip-addr.json') },
  'ip -j route show default': { stdout: recorded('ip-route-default.json') },
  'sh -c command -v -- "$1" >/dev/null 2>&1 sh ping': {},
  'ping -n -c 1 -W 2 192.0.2.1': { stdout: fixture('linux', 'ping-reply.txt') },
};

function recordedMachine(overrides: typeof MACHINE = {}) {
  const answers = { ...MACHINE, ...overrides };
  const calls: string[][] = [];
  const run: CommandRunner = (program, args, options) => {
    calls.push([program, ...args]);
    expect(options?.timeoutMs ?? 0, `${program}: a timeout`).toBeGreaterThan(0);
    expect(options?.maxBytes ?? 0, `${program}: an output cap`).toBeGreaterThan(0);
    if (program === 'dpkg-query') {
      return Promise.resolve({
        stdout: collectorFixture('linux', 'dpkg-query.txt'),
        stderr: '',
        exitCode: 0,
      });
    }
    const answer = answers[[program, ...args].join(' ')];
    if (!answer) return Promise.reject(new CommandError('missing', program, `no ${program}`));
    return Promise.resolve({ stdout: '', stderr: '', exitCode: 0, ...answer });
  };
  return { run, calls };
}

const openPort: ConnectFromMachine = () =>
  Promise.resolve({ result: 'open', ms: 1.2, remoteAddress: null, errorCode: null });

const request = (checkId: CatalogCheckId, params: Record<string, unknown> = {}) =>
  ({ checkId, params: checkCatalog[checkId].params.parse(params) }) as CheckRequest;

describe('which checks run over SSH', () => {
  it('are the catalog’s, read-only, on Linux', () => {
    expect(sshCheckIds()).toEqual([
      'disk.free',
      'memory.pressure',
      'cpu.load',
      'system.uptime',
      'service.running',
      'processes.top',
      'network.interfaces',
      'network.gateway',
      'tcp.port',
      'program.installed',
    ]);
    expect(isSshCheck('fs.writable')).toBe(false);
    expect(isSshCheck('toString')).toBe(false);
    expect(platformOf('Linux\n')).toBe('linux');
    expect(platformOf('Darwin\n')).toBe('darwin');
  });
});

describe('checks over SSH, from recorded outputs', () => {
  it('give the agent’s codes and facts for each check', async () => {
    const { run, calls } = recordedMachine();
    const failures: unknown[] = [];
    const results = await sshRunChecks(
      { run, connectTcp: openPort },
      { onCheckFailure: (_id, error) => failures.push(error) },
    )([
      request('disk.free', { path: '/' }),
      request('memory.pressure'),
      request('cpu.load', { sampleMs: 100 }),
      request('system.uptime'),
      request('service.running', { name: 'sshd' }),
      request('processes.top'),
      request('network.interfaces'),
      request('network.gateway'),
      request('tcp.port', { host: 'db.example.org', port: 5432 }),
      request('program.installed', { name: 'openssh-server' }),
    ]);
    expect(failures).toEqual([]);
    for (const result of results) {
      expect(CheckResultSchema.parse(result)).toEqual(result);
      expectDeclaredFacts(result);
    }
    expect(results.map((r) => [r.checkId, r.code])).toEqual([
      ['disk.free', 'disk.free.ok'],
      ['memory.pressure', 'memory.pressure.ok'],
      ['cpu.load', 'cpu.load.ok'],
      ['system.uptime', 'system.uptime.reboot_pending'],
      ['service.running', 'service.running.ok'],
      ['processes.top', 'processes.top.ok'],
      ['network.interfaces', 'network.interfaces.up'],
      ['network.gateway', 'network.gateway.reachable'],
      ['tcp.port', 'tcp.port.open'],
      ['program.installed', expect.stringMatching(/^program\.installed\./)],
    ]);
    expect(results[0]!.facts).toMatchObject({
      path: '/',
      totalBytes: 4096 * 66053021,
      freeBytes: 4096 * 20575112,
      freePercent: 31.1,
    });
    expect(results[1]!.facts).toMatchObject({ totalBytes: 24683548 * 1024, usedPercent: 4.1 });
    expect(results[2]!.facts).toMatchObject({ cores: 2, usedPercent: 0 });
    expect(results[3]!.facts).toMatchObject({
      uptimeSeconds: 36965,
      pendingReboot: true,
      pendingRebootPackages: ['linux-image-amd64', 'libc6'],
    });
    expect(results[4]!.facts).toEqual({ name: 'sshd', manager: 'none', pids: [70] });
    expect(results[5]!.facts).toMatchObject({
      byCpu: [{ pid: 812, name: 'Web Content', cpuPercent: 75 }],
    });
    expect(results[7]!.facts).toMatchObject({ gateway: '192.0.2.1', method: 'icmp' });
    // Nothing but the fixed programs ran.
    expect(new Set(calls.map((c) => c[0]))).toEqual(
      new Set([
        'uname',
        'stat',
        'cat',
        'test',
        'head',
        'ps',
        'ip',
        'sh',
        'ping',
        'dpkg-query',
        'rpm',
      ]),
    );
  });

  it('refuse a check that does not run over SSH, or tcp.port without forwarding, running nothing', async () => {
    const { run, calls } = recordedMachine();
    const runChecks = sshRunChecks({ run });
    for (const checks of [
      [request('disk.free'), request('http.reach', { url: 'https://example.org' })],
      [request('tcp.port', { host: 'example.org', port: 443 })],
    ]) {
      await expect(runChecks(checks)).rejects.toBeInstanceOf(DesksideError);
    }
    await expect(runChecks([request('clock.offset')])).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('clock.offset does not run over SSH') as string,
    });
    expect(calls).toEqual([]);
  });

  it('answer check.unsupported_os on a machine that is not Linux', async () => {
    const { run, calls } = recordedMachine({ 'uname -s': { stdout: 'Darwin\n' } });
    const [result] = await sshRunChecks({ run })([request('memory.pressure')]);
    expect(result).toMatchObject({
      status: 'error',
      code: 'check.unsupported_os',
      facts: { platform: 'darwin' },
    });
    expect(calls).toEqual([['uname', '-s']]);
  });
});

describe('TCP from the machine, through the SSH connection', () => {
  it('reads OpenSSH’s refusals in the agent’s terms', () => {
    expect(forwardFailure('(SSH) Channel open failure: Connection refused', 3.21)).toEqual({
      result: 'refused',
      ms: 3.2,
      remoteAddress: null,
      errorCode: 'ECONNREFUSED',
    });
    expect(
      forwardFailure('(SSH) Channel open failure: Name or service not known', 1),
    ).toMatchObject({
      result: 'name_not_found',
    });
    expect(forwardFailure('(SSH) Channel open failure: No route to host', 1)).toMatchObject({
      result: 'unreachable',
      errorCode: 'EHOSTUNREACH',
    });
    expect(forwardFailure('(SSH) Channel open failure: Connection timed out', 1)).toMatchObject({
      result: 'timeout',
    });
    expect(forwardFailure('(SSH) Channel open failure: open failed', 1)).toMatchObject({
      result: 'unreachable',
      errorCode: null,
    });
  });

  /** A client whose forwardOut answers with `error`, or a channel, after `delayMs`. */
  const client = (error: (Error & { reason?: number }) | null, delayMs = 0) => {
    const closed: boolean[] = [];
    const fake = {
      forwardOut: (
        _srcIp: string,
        _srcPort: number,
        _host: string,
        _port: number,
        callback: (error: Error | undefined, channel: { close: () => void }) => void,
      ) => {
        setTimeout(() => {
          callback(error ?? undefined, { close: () => closed.push(true) });
        }, delayMs);
      },
    };
    return { client: fake as unknown as Client, closed };
  };

  it('closes an opened connection at once, and times out a slow one', async () => {
    const signal = new AbortController().signal;
    const open = client(null);
    await expect(sshConnectTcp(open.client)('db', 5432, 1000, signal)).resolves.toMatchObject({
      result: 'open',
    });
    expect(open.closed).toEqual([true]);
    const slow = client(null, 200);
    await expect(sshConnectTcp(slow.client)('db', 5432, 50, signal)).resolves.toMatchObject({
      result: 'timeout',
    });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(slow.closed).toEqual([true]);
  });

  it('makes tcp.port fail as a check (not a port finding) where the server forbids forwarding', async () => {
    const prohibited = Object.assign(
      new Error('(SSH) Channel open failure: administratively prohibited: open failed'),
      { reason: 1 },
    );
    const failures: unknown[] = [];
    const { run } = recordedMachine();
    const [result] = await sshRunChecks(
      { run, connectTcp: sshConnectTcp(client(prohibited).client) },
      { onCheckFailure: (_id, error) => failures.push(error) },
    )([request('tcp.port', { host: 'db', port: 5432 })]);
    expect(result).toMatchObject({ status: 'error', code: 'check.failed' });
    expect(String(failures[0])).toMatch(/does not allow TCP forwarding/);
  });
});
