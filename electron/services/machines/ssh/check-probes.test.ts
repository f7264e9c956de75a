import { CommandError, type CommandRunner } from '@deskside/agent/collect';
import { describe, expect, it } from 'vitest';
import {
  isMissingPath,
  parseDefaultRoute,
  parseInterfaces,
  parseLoadavg,
  parseMemory,
  parsePs,
  parsePsNamed,
  parseProcStat,
  parseStatFs,
  remoteIsInstalled,
  remoteProbes,
} from './check-probes';
import { recorded } from './fixtures/recorded';

describe('reading what the checks need of a Linux machine, recorded on Debian 12', () => {
  it('reads stat -f as statfs gives it: blocks of the fundamental size, those a user may use', () => {
    expect(parseStatFs(recorded('stat-f.txt'))).toEqual({
      totalBytes: 4096 * 66053021,
      freeBytes: 4096 * 20575112,
    });
    expect(() => parseStatFs('stat: something else\n')).toThrow(/unexpected/);
    expect(
      isMissingPath(
        "stat: cannot read file system information for '/x': No such file or directory",
      ),
    ).toBe(true);
    expect(isMissingPath('stat: Permission denied')).toBe(false);
  });

  it('reads MemTotal and MemAvailable, and refuses a meminfo without a total', () => {
    expect(parseMemory(recorded('meminfo.txt'))).toEqual({
      totalBytes: 24683548 * 1024,
      availableBytes: 23678124 * 1024,
    });
    expect(() => parseMemory('MemFree: 12 kB\n')).toThrow(/MemTotal/);
  });

  it('counts CPU time as Node does (busy: user, nice, system, irq; idle) and the cores', () => {
    expect(parseProcStat(recorded('proc-stat.txt'))).toEqual({
      busy: 173456 + 0 + 75501 + 0,
      total: 173456 + 0 + 75501 + 0 + 80712,
      cores: 2,
    });
    expect(() => parseProcStat('intr 1 2 3\n')).toThrow(/cpu/);
  });

  it('reads the three load averages', () => {
    expect(parseLoadavg(recorded('loadavg.txt'))).toHaveLength(3);
    expect(parseLoadavg('0.52 0.58 0.59 1/467 12345\n')).toEqual([0.52, 0.58, 0.59]);
    expect(() => parseLoadavg('')).toThrow(/loadavg/);
  });

  it('lists processes as shares of the whole machine, leaving out those too young to measure', () => {
    expect(parsePs(recorded('ps-top.txt'), 2)[0]).toEqual({
      pid: 1,
      name: 'process_api',
      cpuPercent: 0.35,
      memoryPercent: 0,
      memoryBytes: 12644 * 1024,
    });
    const ps = [
      '  812   3600 150.0 21.5 3400000 Web Content',
      ' 9001      0 300.0  0.0  3000 ps',
      '  900     12 400.0  1.0  1000 make',
    ].join('\n');
    expect(parsePs(ps, 4)).toEqual([
      {
        pid: 812,
        name: 'Web Content',
        cpuPercent: 37.5,
        memoryPercent: 21.5,
        memoryBytes: 3400000 * 1024,
      },
      { pid: 900, name: 'make', cpuPercent: 100, memoryPercent: 1, memoryBytes: 1000 * 1024 },
    ]);
  });

  it('finds processes by their exact name', () => {
    expect(parsePsNamed(recorded('ps-comm.txt'), 'kthreadd')).toEqual([2]);
    expect(parsePsNamed(recorded('ps-comm.txt'), 'kthread')).toEqual([]);
    expect(parsePsNamed('  70 sshd\n  71 sshd: user\n  72 sshd\n', 'sshd')).toEqual([70, 72]);
  });

  it('sees interfaces as the agent does: loopback internal, every address listed', () => {
    const nics = parseInterfaces(recorded('ip-addr.json'));
    expect(nics.find((n) => n.name === 'lo')).toMatchObject({ internal: true, up: true });
    expect(nics.every((n) => Array.isArray(n.addresses))).toBe(true);
    expect(nics.some((n) => !n.internal && n.addresses.length > 0)).toBe(true);
  });

  it('finds the default gateway, a link-local one with its interface', () => {
    expect(parseDefaultRoute(recorded('ip-route-default.json'))).toBe('192.0.2.1');
    expect(parseDefaultRoute(recorded('ip-route6-default.json'))).toBe('fd00::1');
    expect(parseDefaultRoute('[{"dst":"default","gateway":"fe80::1","dev":"wlan0"}]')).toBe(
      'fe80::1%wlan0',
    );
    expect(parseDefaultRoute('[]')).toBeNull();
    expect(parseDefaultRoute('')).toBeNull();
  });
});

/** A runner answering from outputs by command line; it records what it ran. */
function answering(
  outputs: Record<string, { stdout?: string; stderr?: string; exitCode?: number }>,
) {
  const calls: string[][] = [];
  const run: CommandRunner = (program, args, options) => {
    calls.push([program, ...args]);
    expect(options?.timeoutMs, 'every command has a timeout').toBeGreaterThan(0);
    expect(options?.maxBytes, 'every command has an output cap').toBeGreaterThan(0);
    const answer = outputs[[program, ...args].join(' ')];
    if (!answer) return Promise.reject(new CommandError('missing', program, `${program}?`));
    return Promise.resolve({ stdout: '', stderr: '', exitCode: 0, ...answer });
  };
  return { run, calls };
}

describe('the probes over SSH', () => {
  it('pass a path as the one argument after --, and tell a missing path from a failure', async () => {
    const { run, calls } = answering({
      'stat -f -c %S %b %a -- /srv/$(id)': {
        exitCode: 1,
        stderr:
          "stat: cannot read file system information for '/srv/$(id)': No such file or directory",
      },
      'stat -f -c %S %b %a -- /': { stdout: recorded('stat-f.txt') },
      'stat -f -c %S %b %a -- /locked': { exitCode: 1, stderr: 'stat: Permission denied' },
    });
    const probes = remoteProbes({ run });
    await expect(probes.fileSystemSpace('/srv/$(id)')).resolves.toBeNull();
    await expect(probes.fileSystemSpace('/')).resolves.toMatchObject({
      totalBytes: 4096 * 66053021,
    });
    await expect(probes.fileSystemSpace('/locked')).rejects.toThrow(/Permission denied/);
    expect(calls[0]).toEqual(['stat', '-f', '-c', '%S %b %a', '--', '/srv/$(id)']);
  });

  it('read files, test paths and list processes with fixed commands', async () => {
    const { run, calls } = answering({
      'cat -- /proc/uptime': { stdout: recorded('uptime.txt') },
      'test -e /run/reboot-required': { exitCode: 1 },
      'head -c 65536 -- /run/reboot-required.pkgs': { exitCode: 1 },
      'ps -A -o pid= -o comm=': { stdout: recorded('ps-comm.txt') },
    });
    const probes = remoteProbes({ run });
    await expect(probes.uptimeSeconds()).resolves.toBe(36965);
    await expect(probes.pathExists('/run/reboot-required')).resolves.toBe(false);
    await expect(probes.readTextFile('/run/reboot-required.pkgs')).resolves.toBeNull();
    await expect(probes.processIdsNamed('kthreadd')).resolves.toEqual([2]);
    expect(calls.map((c) => c[0])).toEqual(['cat', 'test', 'head', 'ps']);
  });

  it('has no TCP probing without a connection that forwards', async () => {
    const probes = remoteProbes({ run: answering({}).run });
    await expect(
      probes.answersTcp('192.0.2.1', 100, new AbortController().signal),
    ).resolves.toBeNull();
    await expect(
      probes.connectTcp('192.0.2.1', 80, 100, new AbortController().signal),
    ).rejects.toThrow(/cannot open TCP/);
  });

  it('asks the machine’s sh whether a program is installed, the name only as "$1"', async () => {
    const { run, calls } = answering({
      'sh -c command -v -- "$1" >/dev/null 2>&1 sh ping': {},
    });
    const isInstalled = remoteIsInstalled(run);
    await expect(isInstalled('ping')).resolves.toBe(true);
    await expect(isInstalled('ping')).resolves.toBe(true);
    // dash's command -v exits 127 for an unknown program, which the runner reports as missing.
    await expect(isInstalled('needs-restarting')).resolves.toBe(false);
    expect(calls).toHaveLength(2);
  });
});
