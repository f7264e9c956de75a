import { describe, expect, it } from 'vitest';
import { runCheck } from '#test/helpers/check-harness';
import { fixture, replay } from '../../collect/testing';

// The checks built on the inventory's collectors: on this machine where it has the facts
// (dpkg, apt, no battery, no CUPS), with the collectors' recorded outputs per OS otherwise.

const powershell = (match: RegExp, name: string) =>
  replay([{ file: 'powershell.exe', match, stdout: fixture('windows', name) }]).run;

describe('program.installed', () => {
  it('finds a package on this machine, and fails for one that is not there', async () => {
    expect(await runCheck('program.installed', { name: 'bash' })).toMatchObject({
      status: 'pass',
      code: 'program.installed.found',
      facts: { matches: [expect.objectContaining({ name: 'bash', source: 'dpkg' })] },
    });
    expect(await runCheck('program.installed', { name: 'No Such Program 9' })).toMatchObject({
      status: 'fail',
      code: 'program.installed.missing',
      facts: { matches: [] },
    });
  });

  it('Windows: Apps & features, a name containing the query (recorded)', async () => {
    const exec = () => powershell(/Uninstall/, 'software.json');
    expect(
      await runCheck(
        'program.installed',
        { name: 'acrobat reader' },
        { platform: 'win32', exec: exec() },
      ),
    ).toMatchObject({
      status: 'pass',
      facts: {
        matches: [
          expect.objectContaining({ name: 'Adobe Acrobat Reader DC', version: '24.004.20272' }),
        ],
      },
    });
    expect(
      await runCheck('program.installed', { name: 'AutoCAD' }, { platform: 'win32', exec: exec() }),
    ).toMatchObject({
      status: 'fail',
    });
  });

  it('macOS: applications (recorded)', async () => {
    const exec = replay([
      { file: 'system_profiler', stdout: fixture('macos', 'system-profiler-applications.json') },
    ]).run;
    expect(
      await runCheck('program.installed', { name: 'Google Chrome' }, { platform: 'darwin', exec }),
    ).toMatchObject({
      status: 'pass',
      facts: { matches: [expect.objectContaining({ version: '131.0.6778.86' })] },
    });
  });

  it('says when the machine cannot tell (no package manager)', async () => {
    const exec = replay([
      { file: 'dpkg-query', failure: 'missing' },
      { file: 'rpm', failure: 'missing' },
    ]).run;
    expect(
      await runCheck('program.installed', { name: 'bash' }, { platform: 'linux', exec }),
    ).toMatchObject({
      status: 'error',
      code: 'program.installed.unavailable',
      facts: { reason: 'not_installed' },
    });
  });
});

describe('os.updates', () => {
  it('on this machine: reads apt’s own view without changing anything', async () => {
    const result = await runCheck('os.updates', {});
    expect(result.facts.source).toBe('apt');
    expect(result.status).not.toBe('error');
  });

  it('Windows: pending security updates fail, none pass (recorded)', async () => {
    expect(
      await runCheck(
        'os.updates',
        {},
        { platform: 'win32', exec: powershell(/Online = \$false/, 'updates.json') },
      ),
    ).toMatchObject({
      status: 'fail',
      code: 'os.updates.security_pending',
      facts: { securityCount: 1, pendingCount: 3, rebootRequired: true },
    });
    expect(
      await runCheck(
        'os.updates',
        {},
        { platform: 'win32', exec: powershell(/Online/, 'updates-none.json') },
      ),
    ).toMatchObject({ status: 'pass', code: 'os.updates.none' });
  });

  it('macOS: pending updates warn when security ones are tolerated; a stale catalog warns (recorded)', async () => {
    const exec = () =>
      replay([
        {
          file: 'plutil',
          match: /RecommendedUpdates json/,
          stdout: fixture('macos', 'softwareupdate-recommended.json'),
        },
        {
          file: 'plutil',
          match: /LastSuccessfulDate raw/,
          stdout: fixture('macos', 'softwareupdate-last-successful-date.txt'),
        },
      ]).run;
    expect(
      await runCheck('os.updates', { failAboveSecurity: 5 }, { platform: 'darwin', exec: exec() }),
    ).toMatchObject({
      status: 'warn',
      code: 'os.updates.pending',
    });
    expect(
      await runCheck(
        'os.updates',
        { failAboveSecurity: 5, warnAbovePending: 10 },
        { platform: 'darwin', exec: exec() },
      ),
    ).toMatchObject({ status: 'warn', code: 'os.updates.catalog_stale' });
  });
});

describe('printers.queues', () => {
  const cups = (lpstat: string, exitCode = 0, stderr?: string) =>
    replay([
      {
        file: 'lpstat',
        stdout: fixture('linux', lpstat),
        exitCode,
        ...(stderr ? { stderr: fixture('linux', stderr) } : {}),
      },
      ...['Hallway_Copier', 'Office_LaserJet', 'Reception_Label'].map((name) => ({
        file: 'lpoptions',
        match: new RegExp(`^-p ${name}$`),
        stdout: fixture('linux', `lpoptions-${name}.txt`),
      })),
    ]).run;

  it('CUPS: a paused default printer with jobs fails; a healthy named one passes (recorded)', async () => {
    const all = await runCheck(
      'printers.queues',
      {},
      { platform: 'linux', exec: cups('lpstat.txt') },
    );
    expect(all).toMatchObject({
      status: 'fail',
      code: 'printers.queues.printer_error',
      facts: { spooler: 'cups' },
    });
    expect(all.facts.printers).toContainEqual(
      expect.objectContaining({
        name: 'Office_LaserJet',
        isDefault: true,
        status: 'stopped',
        jobs: 2,
      }),
    );
    expect(
      await runCheck(
        'printers.queues',
        { name: 'Hallway_Copier' },
        { platform: 'linux', exec: cups('lpstat.txt') },
      ),
    ).toMatchObject({ status: 'pass', code: 'printers.queues.ok' });
    expect(
      await runCheck(
        'printers.queues',
        { name: 'Basement' },
        { platform: 'linux', exec: cups('lpstat.txt') },
      ),
    ).toMatchObject({ status: 'fail', code: 'printers.queues.missing' });
  });

  it('CUPS: a stopped scheduler fails; no printers warns (recorded)', async () => {
    expect(
      await runCheck(
        'printers.queues',
        {},
        {
          platform: 'linux',
          exec: cups('lpstat-scheduler-stopped.txt', 1, 'lpstat-scheduler-stopped.stderr.txt'),
        },
      ),
    ).toMatchObject({ status: 'fail', code: 'printers.queues.spooler_stopped' });
    expect(
      await runCheck(
        'printers.queues',
        {},
        {
          platform: 'linux',
          exec: cups('lpstat-no-destinations.txt', 1, 'lpstat-no-destinations.stderr.txt'),
        },
      ),
    ).toMatchObject({ status: 'warn', code: 'printers.queues.none' });
  });

  it('Windows: a jammed network printer with jobs fails; queue thresholds grade the rest (recorded)', async () => {
    const exec = () => powershell(/Win32_Printer/, 'printers.json');
    expect(
      await runCheck('printers.queues', {}, { platform: 'win32', exec: exec() }),
    ).toMatchObject({
      status: 'fail',
      code: 'printers.queues.printer_error',
    });
    expect(
      await runCheck(
        'printers.queues',
        { name: 'Microsoft Print to PDF' },
        { platform: 'win32', exec: exec() },
      ),
    ).toMatchObject({ status: 'pass' });
  });

  it('says when there is no print system to ask', async () => {
    const exec = replay([{ file: 'lpstat', failure: 'missing' }]).run;
    expect(await runCheck('printers.queues', {}, { platform: 'linux', exec })).toMatchObject({
      status: 'error',
      code: 'printers.queues.unavailable',
      facts: { reason: 'not_installed' },
    });
  });
});

describe('battery.health', () => {
  it('passes on this machine, which has no battery', async () => {
    const result = await runCheck('battery.health', {});
    // A server or container has none; a laptop running the tests has one to judge.
    if ((result.facts.batteries as unknown[]).length === 0) {
      expect(result).toMatchObject({ status: 'pass', code: 'battery.health.absent' });
    } else {
      expect(result.code).not.toBe('battery.health.absent');
    }
  });

  it('Windows: grades wear against the thresholds (recorded, 85.6 % of design)', async () => {
    const exec = () => powershell(/Win32_Battery/, 'battery.json');
    expect(await runCheck('battery.health', {}, { platform: 'win32', exec: exec() })).toMatchObject(
      {
        status: 'pass',
        code: 'battery.health.ok',
        facts: { batteries: [expect.objectContaining({ healthPercent: 85.6 })] },
      },
    );
    expect(
      await runCheck(
        'battery.health',
        { warnBelowPercent: 90, failBelowPercent: 50 },
        { platform: 'win32', exec: exec() },
      ),
    ).toMatchObject({ status: 'warn', code: 'battery.health.worn' });
    expect(
      await runCheck(
        'battery.health',
        { warnBelowPercent: 95, failBelowPercent: 90 },
        { platform: 'win32', exec: exec() },
      ),
    ).toMatchObject({ status: 'fail', code: 'battery.health.replace' });
  });

  it('macOS: reads the smart battery (recorded); a desktop has none', async () => {
    const laptop = replay([
      { file: 'ioreg', stdout: fixture('macos', 'ioreg-applesmartbattery.txt') },
      { file: 'pmset', stdout: fixture('macos', 'pmset-batt-charging.txt') },
    ]).run;
    const result = await runCheck('battery.health', {}, { platform: 'darwin', exec: laptop });
    expect(['pass', 'warn', 'fail']).toContain(result.status);
    expect(
      (result.facts.batteries as { healthPercent: number | null }[])[0]?.healthPercent,
    ).toBeGreaterThan(0);
    const desktop = replay([
      { file: 'ioreg', stdout: '' },
      { file: 'pmset', stdout: fixture('macos', 'pmset-batt-desktop.txt') },
    ]).run;
    expect(
      await runCheck('battery.health', {}, { platform: 'darwin', exec: desktop }),
    ).toMatchObject({
      status: 'pass',
      code: 'battery.health.absent',
    });
  });
});
