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

/** The machine's inventory document, read by the collector for its OS, and that OS. */
export async function collectRemoteInventory(
  remote: RemoteCommands,
  options: RemoteInventoryOptions = {},
): Promise<{ os: RemoteOs; inventory: InventoryV2 }> {
  const os = await detectRemoteOs(remote);
  const inventory =
    os === 'win32'
      ? await collectWindowsInventory(remote.runPowerShell, options)
      : os === 'darwin'
        ? await collectMacosInventory(remote.run, options)
        : await collectLinuxInventory(remote.run, options);
  return { os, inventory };
}
