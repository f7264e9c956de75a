import type { InstalledProgram, InstalledSoftware } from '@deskside/core';
import { FactsUnavailableError } from '../errors';
import type { CommandRunner } from '../exec';
import { collectForPlatform, type CollectorOptions } from '../platform';
import { linuxSoftware } from './linux';
import { macSoftware } from './macos';
import { windowsSoftware } from './windows';

const byName = (a: InstalledProgram, b: InstalledProgram) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.version.localeCompare(b.version);

async function linuxPackages(run: CommandRunner): Promise<InstalledProgram[]> {
  const programs = await linuxSoftware(run);
  if (programs === null) {
    throw new FactsUnavailableError('not_installed', 'neither dpkg nor rpm is installed');
  }
  return programs;
}

/**
 * The programs installed on this machine: dpkg or rpm packages on Linux, "Apps & features"
 * (the Uninstall registry keys) on Windows, applications on macOS. Throws
 * FactsUnavailableError when the machine cannot tell.
 */
export async function collectInstalledSoftware(
  options: CollectorOptions = {},
): Promise<InstalledSoftware> {
  const programs = await collectForPlatform('Installed software', options, {
    linux: linuxPackages,
    win32: windowsSoftware,
    darwin: macSoftware,
  });
  return { programs: programs.sort(byName) };
}
