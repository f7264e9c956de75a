import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, recordedExec, runCheck } from '#test/helpers/check-harness';
import { WRITE_CHECK_PREFIX } from './fs-writable';

// On this machine (Linux) for real; macOS and Windows paths with recorded outputs.

describe('disk.free', () => {
  it('passes when free space is above both thresholds', async () => {
    const result = await runCheck('disk.free', {
      path: '/',
      warnBelowPercent: 0,
      failBelowPercent: 0,
    });
    expect(result).toMatchObject({ status: 'pass', code: 'disk.free.ok', facts: { path: '/' } });
    expect(result.facts.totalBytes).toBeGreaterThan(0);
  });

  it('warns and fails below its thresholds', async () => {
    const warn = await runCheck('disk.free', {
      path: '/',
      warnBelowPercent: 100,
      failBelowPercent: 0,
    });
    expect(warn).toMatchObject({ status: 'warn', code: 'disk.free.low' });
    const fail = await runCheck('disk.free', {
      path: '/',
      warnBelowPercent: 100,
      failBelowPercent: 100,
    });
    expect(fail).toMatchObject({ status: 'fail', code: 'disk.free.critical' });
  });

  it('says so when the path does not exist', async () => {
    const result = await runCheck('disk.free', { path: '/no/such/folder/here' });
    expect(result).toMatchObject({ status: 'error', code: 'disk.free.path_missing' });
  });
});

describe('memory.pressure', () => {
  it('passes and fails against its thresholds on this machine', async () => {
    expect(
      await runCheck('memory.pressure', { warnAbovePercent: 100, failAbovePercent: 100 }),
    ).toMatchObject({
      status: 'pass',
      code: 'memory.pressure.ok',
      facts: { source: 'available' },
    });
    expect(
      await runCheck('memory.pressure', { warnAbovePercent: 0, failAbovePercent: 0 }),
    ).toMatchObject({
      status: 'fail',
      code: 'memory.pressure.critical',
    });
  });

  it('macOS: reads the kernel’s pressure level (recorded)', async () => {
    const onMac = (name: string) =>
      runCheck(
        'memory.pressure',
        {},
        {
          platform: 'darwin',
          exec: recordedExec([
            {
              file: '/usr/sbin/sysctl',
              args: ['-n', 'kern.memorystatus_level'],
              stdout: fixture('darwin', name),
            },
          ]),
        },
      );
    expect(await onMac('sysctl-memorystatus-level-relaxed.txt')).toMatchObject({
      status: 'pass',
      facts: { usedPercent: 29, source: 'kern.memorystatus_level' },
    });
    expect(await onMac('sysctl-memorystatus-level-critical.txt')).toMatchObject({
      status: 'fail',
      code: 'memory.pressure.critical',
      facts: { usedPercent: 97 },
    });
  });
});

describe('cpu.load', () => {
  it('passes and fails against its thresholds on this machine', async () => {
    const pass = await runCheck('cpu.load', {
      sampleMs: 100,
      warnAbovePercent: 100,
      failAbovePercent: 100,
    });
    expect(pass).toMatchObject({
      status: 'pass',
      code: 'cpu.load.ok',
      facts: { cores: os.cpus().length },
    });
    expect(pass.facts.loadAverage).toHaveLength(3);
    // Keep a core busy during the sampling window, so the busy share cannot be 0.
    const sampling = runCheck('cpu.load', {
      sampleMs: 200,
      warnAbovePercent: 0,
      failAbovePercent: 0,
    });
    await new Promise((resolve) => setImmediate(resolve)); // the check has taken its first sample
    const until = Date.now() + 100;
    while (Date.now() < until) {
      // spin
    }
    expect(await sampling).toMatchObject({ status: 'fail', code: 'cpu.load.critical' });
  });

  it('reports no load average on Windows (it has none)', async () => {
    const result = await runCheck('cpu.load', { sampleMs: 100 }, { platform: 'win32' });
    expect(result.facts.loadAverage).toBeNull();
  });
});

describe('system.uptime', () => {
  it('passes within its thresholds and fails beyond them on this machine', async () => {
    const pass = await runCheck('system.uptime', { warnAfterDays: 3650, failAfterDays: 3650 });
    expect(pass).toMatchObject({
      status: 'pass',
      code: 'system.uptime.ok',
      facts: { pendingReboot: false },
    });
    const fail = await runCheck('system.uptime', { warnAfterDays: 0, failAfterDays: 0 });
    expect(fail).toMatchObject({ status: 'fail', code: 'system.uptime.very_long' });
  });

  it('Linux with dnf: a reboot needed by updates warns (recorded needs-restarting)', async () => {
    const exec = recordedExec([
      { file: 'needs-restarting', args: ['-r'], exitCode: 1, stdout: 'Reboot is required\n' },
    ]);
    const result = await runCheck(
      'system.uptime',
      { warnAfterDays: 3650, failAfterDays: 3650 },
      { exec },
    );
    expect(result).toMatchObject({
      status: 'warn',
      code: 'system.uptime.reboot_pending',
      facts: { pendingReboot: true, pendingRebootReasons: ['needs-restarting'] },
    });
  });

  it('Windows: reads the servicing and Windows Update reboot flags (recorded reg.exe)', async () => {
    const flags = (updatePending: boolean) =>
      recordedExec([
        {
          file: 'reg.exe',
          args: [
            'query',
            'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending',
          ],
          exitCode: 1,
          stderr: fixture('win32', 'reg-query-missing.txt'),
        },
        {
          file: 'reg.exe',
          args: [
            'query',
            'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired',
          ],
          exitCode: updatePending ? 0 : 1,
          stdout: updatePending ? fixture('win32', 'reg-query-reboot-required.txt') : '',
        },
      ]);
    const params = { warnAfterDays: 3650, failAfterDays: 3650 };
    expect(
      await runCheck('system.uptime', params, { platform: 'win32', exec: flags(false) }),
    ).toMatchObject({
      status: 'pass',
      facts: { pendingReboot: false },
    });
    expect(
      await runCheck('system.uptime', params, { platform: 'win32', exec: flags(true) }),
    ).toMatchObject({
      status: 'warn',
      code: 'system.uptime.reboot_pending',
      facts: { pendingRebootReasons: ['windowsUpdate'] },
    });
  });

  it('macOS: cannot tell about a pending reboot, and says so with null', async () => {
    const result = await runCheck('system.uptime', {}, { platform: 'darwin' });
    expect(result.facts.pendingReboot).toBeNull();
  });
});

describe('fs.writable', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'deskside-writable-'));
    await writeFile(path.join(folder, 'existing.txt'), 'keep me');
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('passes in a writable folder and leaves it exactly as it was', async () => {
    const result = await runCheck('fs.writable', { path: folder });
    expect(result).toMatchObject({
      status: 'pass',
      code: 'fs.writable.ok',
      facts: { path: folder },
    });
    expect(await readdir(folder)).toEqual(['existing.txt']);
  });

  it('uses the temp folder by default and leaves no file of its own there', async () => {
    // Compared with before: a process killed in the middle of a check may have left one.
    const ownFiles = async () =>
      (await readdir(os.tmpdir())).filter((name) => name.startsWith(WRITE_CHECK_PREFIX));
    const before = await ownFiles();
    const result = await runCheck('fs.writable', {});
    expect(result).toMatchObject({ status: 'pass', facts: { path: os.tmpdir() } });
    expect(await ownFiles()).toEqual(before);
  });

  it('fails where writing is refused (sysfs, even for root)', async () => {
    const result = await runCheck('fs.writable', { path: '/sys' });
    expect(result.status).toBe('fail');
    expect(['fs.writable.permission_denied', 'fs.writable.read_only']).toContain(result.code);
  });

  it('fails for a missing folder and for a file, creating nothing', async () => {
    expect(await runCheck('fs.writable', { path: path.join(folder, 'missing') })).toMatchObject({
      status: 'fail',
      code: 'fs.writable.path_missing',
    });
    expect(
      await runCheck('fs.writable', { path: path.join(folder, 'existing.txt') }),
    ).toMatchObject({
      status: 'fail',
      code: 'fs.writable.not_a_directory',
    });
    expect(await readdir(folder)).toEqual(['existing.txt']);
  });

  it('names the error for a folder under a file, creating nothing', async () => {
    expect(
      await runCheck('fs.writable', { path: path.join(folder, 'existing.txt', 'below') }),
    ).toMatchObject({
      status: 'fail',
      code: 'fs.writable.failed',
      facts: { errorCode: 'ENOTDIR' },
    });
    expect(await readdir(folder)).toEqual(['existing.txt']);
  });
});
