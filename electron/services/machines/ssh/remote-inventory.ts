/**
 * The inventory of a machine reached over SSH, whatever its OS: `uname -s` tells Linux from
 * macOS; where it cannot run (Windows' OpenSSH hands command lines to cmd.exe or PowerShell,
 * which cannot read the POSIX one) or names something else (Cygwin, MSYS), PowerShell is
 * asked for the platform. The collector for that OS then reads the machine.
 */
import { CommandError } from '@deskside/agent/collect';
import { DesksideError, type InventoryV2 } from '@deskside/core';
import { firstLine, type RemoteInventoryOptions } from './inventory-document';
import { collectLinuxInventory } from './linux-inventory';
import { collectMacosInventory } from './macos-inventory';
import type { RemoteCommands } from './runner';
import { collectWindowsInventory } from './windows-inventory';

export type RemoteOs = 'linux' | 'darwin' | 'win32';

/** Prints "Win32NT" in Windows PowerShell. */
export const PLATFORM_SCRIPT = '[string][Environment]::OSVersion.Platform';

const DETECT_TIMEOUT_MS = 20_000;

const UNAME: Record<string, RemoteOs> = { Linux: 'linux', Darwin: 'darwin' };

/** What an attempt printed, or why it could not run, for the analyst. */
async function attempt(
  what: string,
  command: () => Promise<{ stdout: string; stderr: string; exitCode: number }>,
): Promise<{ answer: string | null; why: string; timedOut: boolean }> {
  try {
    const result = await command();
    const answer = result.exitCode === 0 ? firstLine(result.stdout) : null;
    const said = firstLine(result.stderr) || firstLine(result.stdout);
    return {
      answer,
      why: answer ?? `${what} exited with ${result.exitCode}${said ? ` (${said})` : ''}`,
      timedOut: false,
    };
  } catch (error) {
    const timedOut = error instanceof CommandError && error.failure === 'timeout';
    return { answer: null, why: (error as Error).message, timedOut };
  }
}

/** The machine's OS; a DesksideError when it is none the console reads. */
export async function detectRemoteOs(remote: RemoteCommands): Promise<RemoteOs> {
  const uname = await attempt('uname -s', () =>
    remote.run('uname', ['-s'], { timeoutMs: DETECT_TIMEOUT_MS }),
  );
  const posix = UNAME[uname.answer ?? ''];
  if (posix) return posix;
  const powerShell = await attempt('PowerShell', () =>
    remote.runPowerShell(PLATFORM_SCRIPT, { timeoutMs: DETECT_TIMEOUT_MS }),
  );
  if (powerShell.answer === 'Win32NT') return 'win32';
  if (uname.timedOut && powerShell.timedOut) {
    throw new DesksideError('command_timeout', `The machine did not say its OS: ${uname.why}`);
  }
  throw new DesksideError(
    'agent_error',
    `The console reads Linux, macOS and Windows machines over SSH; this one is none of them: uname -s: ${uname.why}; PowerShell: ${powerShell.why}`,
  );
}

function collectFor(
  os: RemoteOs,
  remote: RemoteCommands,
  options: RemoteInventoryOptions,
): Promise<InventoryV2> {
  if (os === 'win32') return collectWindowsInventory(remote.runPowerShell, options);
  if (os === 'darwin') return collectMacosInventory(remote.run, options);
  return collectLinuxInventory(remote.run, options);
}

/**
 * The machine's inventory document, read by the collector for its OS, and that OS. With
 * `knownOs` (what the desk learnt of the machine before) the OS is not asked first, which
 * saves a session; should the machine answer that collector with no OS section at all (it
 * was reinstalled with another system), the OS is asked and the right collector runs.
 */
export async function collectRemoteInventory(
  remote: RemoteCommands,
  options: RemoteInventoryOptions & { knownOs?: RemoteOs | undefined } = {},
): Promise<{ os: RemoteOs; inventory: InventoryV2 }> {
  const { knownOs, ...collect } = options;
  if (knownOs) {
    const inventory = await collectFor(knownOs, remote, collect);
    const sections = collect.sections;
    if (inventory.os || (sections && !sections.includes('os'))) return { os: knownOs, inventory };
    const os = await detectRemoteOs(remote);
    if (os === knownOs) return { os, inventory };
    return { os, inventory: await collectFor(os, remote, collect) };
  }
  const os = await detectRemoteOs(remote);
  return { os, inventory: await collectFor(os, remote, collect) };
}
