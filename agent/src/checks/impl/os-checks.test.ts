import { describe, expect, it } from 'vitest';
import type { ProcessFacts } from '../context';
import { fixture, recordedExec, runCheck, type Recording } from '#test/helpers/check-harness';
import { judgeSystemd } from './service-running';

// service.running, disk.smart and processes.top: on this machine where it can show the
// answer, with recorded outputs for each OS's tools where it cannot.

describe('service.running', () => {
  it('Linux without systemd (this machine): a running process of that name passes, none fails', async () => {
    expect(await runCheck('service.running', { name: 'node' })).toMatchObject({
      status: 'pass',
      code: 'service.running.ok',
      facts: { manager: 'none' },
    });
    expect(await runCheck('service.running', { name: 'no-such-daemon' })).toMatchObject({
      status: 'fail',
      code: 'service.running.stopped',
    });
  });

  it('Linux with systemd: reads systemctl show (recorded)', () => {
    expect(judgeSystemd('cups', fixture('linux', 'systemctl-show-cups-active.txt'))).toMatchObject({
      status: 'pass',
      code: 'service.running.ok',
      facts: { activeState: 'active', subState: 'running', mainPid: 612 },
    });
    expect(
      judgeSystemd('cups', fixture('linux', 'systemctl-show-cups-inactive.txt')),
    ).toMatchObject({
      status: 'fail',
      code: 'service.running.stopped',
    });
    expect(judgeSystemd('cups', fixture('linux', 'systemctl-show-failed.txt'))).toMatchObject({
      status: 'fail',
      facts: { activeState: 'failed' },
    });
    expect(judgeSystemd('nope', fixture('linux', 'systemctl-show-missing.txt'))).toMatchObject({
      status: 'fail',
      code: 'service.running.not_found',
    });
    expect(judgeSystemd('x', '')).toMatchObject({
      status: 'error',
      code: 'service.running.unknown',
    });
  });

  it('Windows: sc.exe query, by the state keyword, whatever the display language (recorded)', async () => {
    const sc = (file: string, exitCode = 0) =>
      recordedExec([
        { file: 'sc.exe', args: ['query', 'Spooler'], exitCode, stdout: fixture('win32', file) },
      ]);
    const run = (file: string, exitCode?: number) =>
      runCheck(
        'service.running',
        { name: 'Spooler' },
        { platform: 'win32', exec: sc(file, exitCode) },
      );
    expect(await run('sc-query-spooler-running.txt')).toMatchObject({
      status: 'pass',
      facts: { manager: 'windows', state: 'RUNNING' },
    });
    expect(await run('sc-query-spooler-running-de.txt')).toMatchObject({ status: 'pass' });
    expect(await run('sc-query-spooler-stopped.txt')).toMatchObject({
      status: 'fail',
      code: 'service.running.stopped',
      facts: { state: 'STOPPED' },
    });
    expect(await run('sc-query-missing.txt', 1060)).toMatchObject({
      status: 'fail',
      code: 'service.running.not_found',
    });
  });

  it('macOS: launchctl print (recorded)', async () => {
    const run = (file: string, exitCode = 0) =>
      runCheck(
        'service.running',
        { name: 'org.cups.cupsd' },
        {
          platform: 'darwin',
          exec: recordedExec([
            {
              file: '/bin/launchctl',
              args: ['print', 'system/org.cups.cupsd'],
              exitCode,
              stdout: fixture('darwin', file),
            },
          ]),
        },
      );
    expect(await run('launchctl-print-cupsd-running.txt')).toMatchObject({
      status: 'pass',
      facts: { manager: 'launchd', state: 'running', pid: 512 },
    });
    expect(await run('launchctl-print-cupsd-not-running.txt')).toMatchObject({
      status: 'fail',
      code: 'service.running.stopped',
    });
    expect(await run('launchctl-print-missing.txt', 113)).toMatchObject({
      status: 'fail',
      code: 'service.running.not_found',
    });
  });
});

describe('disk.smart', () => {
  type Os = 'linux' | 'win32' | 'darwin';
  /** smartctl at `file` finds `disks` (device, type, recorded health output) in its scan. */
  const smartctl = (
    os: Os,
    file: string,
    scan: string,
    disks: [string, string, string][],
  ): Recording[] => [
    { file, args: ['--scan', '--json=c'], stdout: fixture(os, scan) },
    ...disks.map(([device, type, health]) => ({
      file,
      args: ['--json=c', '--info', '--health', '-d', type, '--', device],
      stdout: fixture(os, health),
    })),
  ];

  it('says smartmontools is missing when smartctl is nowhere', async () => {
    const exec = recordedExec([
      { file: '/usr/sbin/smartctl', missing: true },
      { file: '/usr/local/sbin/smartctl', missing: true },
      { file: 'smartctl', missing: true },
    ]);
    expect(await runCheck('disk.smart', {}, { platform: 'linux', exec })).toMatchObject({
      status: 'error',
      code: 'disk.smart.unavailable',
    });
  });

  it('Linux: every disk passed -> pass; one failing -> fail; an error log -> warn (recorded)', async () => {
    const run = (sda: string) =>
      runCheck(
        'disk.smart',
        {},
        {
          platform: 'linux',
          exec: recordedExec(
            smartctl('linux', '/usr/sbin/smartctl', 'smartctl-scan.json', [
              ['/dev/sda', 'sat', sda],
              ['/dev/nvme0', 'nvme', 'smartctl-nvme0-passed.json'],
            ]),
          ),
        },
      );
    const pass = await run('smartctl-sda-passed.json');
    expect(pass).toMatchObject({ status: 'pass', code: 'disk.smart.passed' });
    expect(pass.facts.devices).toEqual([
      expect.objectContaining({
        device: '/dev/sda',
        verdict: 'passed',
        model: 'Samsung SSD 860 EVO 500GB',
      }),
      expect.objectContaining({
        device: '/dev/nvme0',
        verdict: 'passed',
        temperatureC: 38,
        powerOnHours: 6140,
      }),
    ]);
    expect(await run('smartctl-sda-failing.json')).toMatchObject({
      status: 'fail',
      code: 'disk.smart.failing',
    });
    expect(await run('smartctl-sda-error-log.json')).toMatchObject({
      status: 'warn',
      code: 'disk.smart.warning',
    });
  });

  it('Linux: no disks, or a disk it may not open (captured on this machine)', async () => {
    const none = recordedExec([
      {
        file: '/usr/sbin/smartctl',
        args: ['--scan', '--json=c'],
        stdout: fixture('linux', 'smartctl-scan-none.json'),
      },
    ]);
    expect(await runCheck('disk.smart', {}, { platform: 'linux', exec: none })).toMatchObject({
      status: 'error',
      code: 'disk.smart.no_devices',
    });
    const closed = recordedExec([
      {
        file: '/usr/sbin/smartctl',
        args: ['--json=c', '--info', '--health', '--', '/dev/sda'],
        exitCode: 2,
        stdout: fixture('linux', 'smartctl-open-failed.json'),
      },
    ]);
    expect(
      await runCheck('disk.smart', { device: '/dev/sda' }, { platform: 'linux', exec: closed }),
    ).toMatchObject({
      status: 'error',
      code: 'disk.smart.device_error',
      facts: { devices: [expect.objectContaining({ verdict: 'open_failed' })] },
    });
  });

  it('Windows and macOS: the same verdicts from their smartctl builds (recorded)', async () => {
    const win = 'C:\\Program Files\\smartmontools\\bin\\smartctl.exe';
    for (const [health, status] of [
      ['smartctl-sda-passed.json', 'pass'],
      ['smartctl-sda-failing.json', 'fail'],
    ] as const) {
      const exec = recordedExec(
        smartctl('win32', win, 'smartctl-scan.json', [['/dev/sda', 'nvme', health]]),
      );
      expect((await runCheck('disk.smart', {}, { platform: 'win32', exec })).status).toBe(status);
    }
    for (const [health, status] of [
      ['smartctl-disk0-passed.json', 'pass'],
      ['smartctl-disk0-failing.json', 'fail'],
    ] as const) {
      // Homebrew on Apple silicon: not in /usr/local.
      const exec = recordedExec([
        { file: '/usr/local/sbin/smartctl', missing: true },
        ...smartctl('darwin', '/opt/homebrew/sbin/smartctl', 'smartctl-scan.json', [
          ['/dev/disk0', 'nvme', health],
        ]),
      ]);
      expect((await runCheck('disk.smart', {}, { platform: 'darwin', exec })).status).toBe(status);
    }
  });

  it('passes the device after `--`, so it can never be read as an option', async () => {
    const exec = recordedExec([
      { file: '/usr/sbin/smartctl', stdout: fixture('linux', 'smartctl-sda-passed.json') },
    ]);
    await runCheck('disk.smart', { device: '/dev/sda' }, { platform: 'linux', exec });
    expect(exec.calls[0]!.slice(-2)).toEqual(['--', '/dev/sda']);
  });
});

describe('processes.top', () => {
  it('passes and fails on this machine’s real processes, listing names but never command lines', async () => {
    const pass = await runCheck('processes.top', {
      count: 3,
      warnAboveCpuPercent: 100,
      failAboveCpuPercent: 100,
      warnAboveMemoryPercent: 100,
      failAboveMemoryPercent: 100,
    });
    expect(pass).toMatchObject({ status: 'pass', code: 'processes.top.ok' });
    expect(pass.facts.byMemory).toHaveLength(3);
    expect(Object.keys((pass.facts.byMemory as object[])[0]!).sort()).toEqual(
      ['cpuPercent', 'memoryBytes', 'memoryPercent', 'name', 'pid'].sort(),
    );
    // CPU left out of it: a busy machine may have a process above the default CPU limits.
    const fail = await runCheck('processes.top', {
      warnAboveCpuPercent: 100,
      failAboveCpuPercent: 100,
      warnAboveMemoryPercent: 0,
      failAboveMemoryPercent: 0,
    });
    expect(fail).toMatchObject({ status: 'fail', code: 'processes.top.memory_critical' });
  });

  it('Windows: the idle pseudo-process is not a CPU hog (recorded facts)', async () => {
    const processes: ProcessFacts[] = [
      { pid: 0, name: 'System Idle Process', cpuPercent: 97, memoryPercent: 0, memoryBytes: 8192 },
      {
        pid: 4120,
        name: 'Teams.exe',
        cpuPercent: 85,
        memoryPercent: 6.5,
        memoryBytes: 1_040_000_000,
      },
      { pid: 988, name: 'svchost.exe', cpuPercent: 1, memoryPercent: 0.4, memoryBytes: 64_000_000 },
    ];
    const result = await runCheck(
      'processes.top',
      { count: 2 },
      {
        platform: 'win32',
        probes: { processes: () => Promise.resolve(processes) },
      },
    );
    expect(result).toMatchObject({ status: 'warn', code: 'processes.top.cpu_high' });
    expect((result.facts.byCpu as { name: string }[]).map((process) => process.name)).toEqual([
      'Teams.exe',
      'svchost.exe',
    ]);
  });
});
