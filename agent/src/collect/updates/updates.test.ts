import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PendingUpdatesSchema, securityUpdateCount } from '@deskside/core';
import { fixture, replay } from '../testing';
import { collectPendingUpdates } from './index';
import type { LinuxUpdatePaths } from './linux';

describe('collectPendingUpdates with recorded outputs', () => {
  let dir: string;
  let paths: LinuxUpdatePaths;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-updates-'));
    paths = {
      rebootRequired: path.join(dir, 'reboot-required'),
      aptLists: path.join(dir, 'lists'),
      aptUpdateStamp: path.join(dir, 'update-success-stamp'),
    };
    await writeFile(paths.aptUpdateStamp, '');
    await utimes(
      paths.aptUpdateStamp,
      new Date('2024-11-21T06:00:00Z'),
      new Date('2024-11-21T06:00:00Z'),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('Linux apt: simulated full upgrade, security updates by origin, no restart pending', async () => {
    const { run, calls } = replay([
      { file: 'apt-get', stdout: fixture('linux', 'apt-get-dist-upgrade.txt') },
    ]);
    const pending = PendingUpdatesSchema.parse(
      await collectPendingUpdates({ platform: 'linux', run, linuxPaths: paths }),
    );
    expect(calls).toEqual([['apt-get', '-s', '-q', '-o', 'Debug::NoLocking=true', 'dist-upgrade']]);
    expect(pending.source).toBe('apt');
    expect(pending.updates).toHaveLength(12);
    expect(pending.updates[0]).toEqual({
      name: 'base-files',
      currentVersion: '12.4+deb12u11',
      availableVersion: '12.4+deb12u15',
      security: false,
    });
    expect(pending.updates.find((u) => u.name === 'liblzma5')).toMatchObject({
      availableVersion: '5.4.1-1+deb12u2',
      security: true,
    });
    expect(securityUpdateCount(pending)).toBe(10);
    expect(pending.rebootRequired).toBe(false);
    expect(pending.catalogCheckedAt).toBe('2024-11-21T06:00:00.000Z');
  });

  it('Linux apt: a restart pending shows', async () => {
    await writeFile(paths.rebootRequired, '*** System restart required ***\n');
    const { run } = replay([{ file: 'apt-get', stdout: '' }]);
    const pending = await collectPendingUpdates({ platform: 'linux', run, linuxPaths: paths });
    expect(pending).toMatchObject({ updates: [], rebootRequired: true });
    await rm(paths.rebootRequired);
  });

  it('Linux dnf: cached metadata only; exit 100 means updates, obsoletes are skipped', async () => {
    const { run, calls } = replay([
      { file: 'apt-get', failure: 'missing' },
      { file: 'dnf', stdout: fixture('linux', 'dnf-check-update.txt'), exitCode: 100 },
    ]);
    const pending = await collectPendingUpdates({ platform: 'linux', run, linuxPaths: paths });
    expect(calls[1]).toEqual(['dnf', '-q', '--cacheonly', 'check-update']);
    expect(pending.source).toBe('dnf');
    expect(pending.updates.map((u) => [u.name, u.availableVersion])).toEqual([
      ['firefox', '126.0-1.fc40'],
      ['kernel', '6.8.10-300.fc40'],
      ['openssl-libs', '1:3.2.1-6.fc40'],
    ]);
  });

  it('Linux dnf without cached metadata is an error with a reason, not "no updates"', async () => {
    const { run } = replay([
      { file: 'apt-get', failure: 'missing' },
      { file: 'dnf', stdout: '', stderr: 'Error: Cache-only enabled but no cache', exitCode: 1 },
    ]);
    await expect(
      collectPendingUpdates({ platform: 'linux', run, linuxPaths: paths }),
    ).rejects.toMatchObject({ reason: 'failed' });
  });

  it('Linux with neither apt nor dnf', async () => {
    const { run } = replay([
      { file: 'apt-get', failure: 'missing' },
      { file: 'dnf', failure: 'missing' },
    ]);
    await expect(
      collectPendingUpdates({ platform: 'linux', run, linuxPaths: paths }),
    ).rejects.toMatchObject({ reason: 'not_installed' });
  });

  it('Windows: Windows Update from its cache, security by severity or category, restart pending', async () => {
    const { run } = replay([
      {
        file: 'powershell.exe',
        match: /Online = \$false/,
        stdout: fixture('windows', 'updates.json'),
      },
    ]);
    const pending = PendingUpdatesSchema.parse(
      await collectPendingUpdates({ platform: 'win32', run }),
    );
    expect(pending).toMatchObject({
      source: 'windows-update',
      rebootRequired: true,
      catalogCheckedAt: '2024-11-20T07:31:12.000Z',
    });
    expect(pending.updates.map((u) => [u.availableVersion, u.security])).toEqual([
      ['KB5046633', true],
      ['KB2267602', false],
      ['', false],
    ]);
  });

  it('Windows: nothing pending', async () => {
    const { run } = replay([
      { file: 'powershell.exe', stdout: fixture('windows', 'updates-none.json') },
    ]);
    expect(await collectPendingUpdates({ platform: 'win32', run })).toEqual({
      source: 'windows-update',
      updates: [],
      rebootRequired: false,
      catalogCheckedAt: null,
    });
  });

  it('macOS: the recommended updates of the last scheduled check', async () => {
    const { run } = replay([
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
    ]);
    const pending = PendingUpdatesSchema.parse(
      await collectPendingUpdates({ platform: 'darwin', run }),
    );
    expect(pending.catalogCheckedAt).toBe('2024-11-21T06:12:44.000Z');
    expect(pending.updates.map((u) => [u.name, u.availableVersion, u.security])).toEqual([
      ['macOS Sonoma 14.7.1', '14.7.1', null],
      ['Background Security Improvement 14.7.1 (a)', '14.7.1 (a)', true],
      ['Command Line Tools for Xcode', '16.1', null],
    ]);
  });

  it('macOS: no recommended updates recorded (plutil finds no such key)', async () => {
    const { run } = replay([{ file: 'plutil', stderr: 'Could not extract value', exitCode: 1 }]);
    expect(await collectPendingUpdates({ platform: 'darwin', run })).toEqual({
      source: 'macos-softwareupdate',
      updates: [],
      rebootRequired: null,
      catalogCheckedAt: null,
    });
  });
});

describe('collectPendingUpdates on this Debian machine (real apt-get simulation)', () => {
  it('reads apt without changing anything', async () => {
    const pending = PendingUpdatesSchema.parse(await collectPendingUpdates());
    expect(pending.source).toBe('apt');
    for (const update of pending.updates) expect(update.availableVersion).not.toBe('');
  });
});
