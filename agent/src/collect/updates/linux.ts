import { stat } from 'node:fs/promises';
import type { PendingUpdate, PendingUpdates } from '@deskside/core';
import { CommandError, type CommandRunner } from '../exec';
import { FactsUnavailableError } from '../errors';
import { lines } from '../text';

// apt's resolver takes a second or two on a desktop: fine in the background refresh.
const SIMULATION_TIMEOUT_MS = 120_000;

/** What `apt full-upgrade` would install, simulated from the package lists already on disk. */
export const APT_ARGS = ['-s', '-q', '-o', 'Debug::NoLocking=true', 'dist-upgrade'];
/** What dnf knows from its cached metadata; it never goes to the network with --cacheonly. */
export const DNF_ARGS = ['-q', '--cacheonly', 'check-update'];

export interface LinuxUpdatePaths {
  rebootRequired: string;
  aptLists: string;
  aptUpdateStamp: string;
}

export const LINUX_UPDATE_PATHS: LinuxUpdatePaths = {
  rebootRequired: '/var/run/reboot-required',
  aptLists: '/var/lib/apt/lists',
  aptUpdateStamp: '/var/lib/apt/periodic/update-success-stamp',
};

// "Inst openssl [3.0.14-1~deb12u1] (3.0.15-1~deb12u1 Debian-Security:12/stable-security [amd64])"
const APT_INST = /^Inst (\S+) (?:\[([^\]]*)\] )?\((\S+) ([^[]*?)\s*(?:\[[^\]]*\])?\)/;

export function parseAptSimulation(output: string): PendingUpdate[] {
  const updates: PendingUpdate[] = [];
  for (const line of lines(output)) {
    const match = APT_INST.exec(line);
    if (!match) continue;
    const [, name, current, available, origins] = match;
    updates.push({
      name: name!,
      currentVersion: current ?? '',
      availableVersion: available!,
      security: /-security\b|\bsecurity\b/i.test(origins ?? ''),
    });
  }
  return updates;
}

// "firefox.x86_64    126.0-1.fc40    updates"; "Obsoleting Packages" starts a list to skip.
export function parseDnfCheckUpdate(output: string): PendingUpdate[] {
  const updates: PendingUpdate[] = [];
  for (const line of lines(output)) {
    if (/^Obsoleting/i.test(line)) break;
    const match = /^(\S+)\.(\S+)\s+(\S+)\s+(\S+)\s*$/.exec(line);
    if (!match) continue;
    updates.push({
      name: match[1]!,
      currentVersion: '',
      availableVersion: match[3]!,
      security: null,
    });
  }
  return updates;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function modifiedAt(file: string): Promise<string | null> {
  return stat(file).then(
    (s) => s.mtime.toISOString(),
    () => null,
  );
}

export async function linuxUpdates(
  run: CommandRunner,
  paths: LinuxUpdatePaths = LINUX_UPDATE_PATHS,
): Promise<PendingUpdates> {
  try {
    const apt = await run('apt-get', APT_ARGS, { timeoutMs: SIMULATION_TIMEOUT_MS });
    if (apt.exitCode !== 0) throw new Error(`apt-get exited with ${apt.exitCode}`);
    return {
      source: 'apt',
      updates: parseAptSimulation(apt.stdout),
      // Debian and Ubuntu packages that need a restart create this file.
      rebootRequired: await exists(paths.rebootRequired),
      catalogCheckedAt:
        (await modifiedAt(paths.aptUpdateStamp)) ?? (await modifiedAt(paths.aptLists)),
    };
  } catch (error) {
    if (!(error instanceof CommandError && error.failure === 'missing')) throw error;
  }
  try {
    const dnf = await run('dnf', DNF_ARGS, { timeoutMs: SIMULATION_TIMEOUT_MS });
    // check-update: 0 nothing to do, 100 updates available, anything else an error.
    if (dnf.exitCode !== 0 && dnf.exitCode !== 100) {
      throw new Error(`dnf has no usable cached metadata (exit ${dnf.exitCode})`);
    }
    return {
      source: 'dnf',
      updates: parseDnfCheckUpdate(dnf.stdout),
      rebootRequired: null,
      catalogCheckedAt: null,
    };
  } catch (error) {
    if (error instanceof CommandError && error.failure === 'missing') {
      throw new FactsUnavailableError('not_installed', 'neither apt nor dnf is installed');
    }
    throw error;
  }
}
