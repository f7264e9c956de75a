import { describe, expect, it } from 'vitest';
import { InstalledSoftwareSchema, findInstalledPrograms } from '@deskside/core';
import { FactsUnavailableError } from '../errors';
import { decodePowerShellArgs } from '../powershell';
import { fixture, replay } from '../testing';
import { collectInstalledSoftware } from './index';

describe('collectInstalledSoftware on this Linux machine (real dpkg-query)', () => {
  it('lists the installed packages, dpkg among them', async () => {
    const software = InstalledSoftwareSchema.parse(await collectInstalledSoftware());
    expect(software.programs.length).toBeGreaterThan(10);
    const [dpkg] = findInstalledPrograms(software, 'dpkg');
    expect(dpkg).toMatchObject({ name: 'dpkg', source: 'dpkg' });
    expect(dpkg?.version).toMatch(/^\d/);
  });
});

describe('collectInstalledSoftware with recorded outputs', () => {
  it('Linux dpkg: keeps installed packages, drops removed ones, sizes in bytes', async () => {
    const { run, calls } = replay([
      { file: 'dpkg-query', stdout: fixture('linux', 'dpkg-query.txt') },
      { file: 'rpm', failure: 'missing' },
    ]);
    const { programs } = await collectInstalledSoftware({ platform: 'linux', run });
    expect(programs.map((p) => p.name)).toContain('acl');
    expect(programs.map((p) => p.name)).not.toContain('smartmontools');
    expect(programs.find((p) => p.name === 'acl')).toEqual({
      name: 'acl',
      version: '2.3.1-3',
      publisher: 'Guillem Jover',
      architecture: 'amd64',
      installedOn: null,
      sizeBytes: 210 * 1024,
      source: 'dpkg',
    });
    expect(calls[0]?.slice(0, 3)).toEqual(['dpkg-query', '-W', '-f']);
  });

  it('Linux rpm: epoch, install day, no gpg-pubkey pseudo-packages', async () => {
    const { run } = replay([
      { file: 'dpkg-query', failure: 'missing' },
      { file: 'rpm', stdout: fixture('linux', 'rpm-qa.txt') },
    ]);
    const { programs } = await collectInstalledSoftware({ platform: 'linux', run });
    expect(programs.map((p) => p.name)).toEqual([
      'bash',
      'firefox',
      'google-chrome-stable',
      'NetworkManager',
    ]);
    expect(programs.find((p) => p.name === 'NetworkManager')).toMatchObject({
      version: '1:1.46.0-2.fc40',
      installedOn: '2024-05-01',
      publisher: 'Fedora Project',
    });
  });

  it('Linux without dpkg or rpm says so', async () => {
    const { run } = replay([
      { file: 'dpkg-query', failure: 'missing' },
      { file: 'rpm', failure: 'missing' },
    ]);
    await expect(collectInstalledSoftware({ platform: 'linux', run })).rejects.toMatchObject({
      reason: 'not_installed',
    });
  });

  it('Windows: the Uninstall keys through PowerShell, 32-bit marked, dates checked', async () => {
    const { run, calls } = replay([
      { file: 'powershell.exe', match: /Uninstall/, stdout: fixture('windows', 'software.json') },
    ]);
    const { programs } = await collectInstalledSoftware({ platform: 'win32', run });
    expect(programs).toHaveLength(7);
    expect(programs.find((p) => p.name === 'Adobe Acrobat Reader DC')).toEqual({
      name: 'Adobe Acrobat Reader DC',
      version: '24.004.20272',
      publisher: 'Adobe',
      architecture: 'x86',
      installedOn: '2024-11-05',
      sizeBytes: 1254033 * 1024,
      source: 'windows-registry',
    });
    // "20249999" is not a date.
    expect(programs.find((p) => p.name.startsWith('Notepad++'))?.installedOn).toBeNull();
    expect(decodePowerShellArgs(calls[0]!.slice(1))).toContain('WOW6432Node');
  });

  it('Windows: one program (ConvertTo-Json prints an object, not an array)', async () => {
    const { run } = replay([
      { file: 'powershell.exe', stdout: fixture('windows', 'software-single.json') },
    ]);
    const { programs } = await collectInstalledSoftware({ platform: 'win32', run });
    expect(programs.map((p) => p.name)).toEqual(['Mozilla Firefox (x64 en-US)']);
  });

  it('macOS: applications with their signer, without helpers and system services', async () => {
    const { run } = replay([
      { file: 'system_profiler', stdout: fixture('macos', 'system-profiler-applications.json') },
    ]);
    const software = await collectInstalledSoftware({ platform: 'darwin', run });
    expect(software.programs.map((p) => [p.name, p.publisher, p.architecture])).toEqual([
      ['Google Chrome', 'Google LLC', 'universal'],
      ['Legacy Tool', '', 'x86_64'],
      ['Microsoft Teams', 'Microsoft Corporation', 'universal'],
      ['Safari', 'Apple', 'universal'],
      ['Slack', '', 'arm64'],
    ]);
    expect(findInstalledPrograms(software, 'chrome').map((p) => p.version)).toEqual([
      '131.0.6778.86',
    ]);
  });

  it('an OS it does not know is refused with a reason', async () => {
    const error = await collectInstalledSoftware({ platform: 'aix', run: replay([]).run }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FactsUnavailableError);
    expect(error).toMatchObject({ reason: 'unsupported' });
  });
});
