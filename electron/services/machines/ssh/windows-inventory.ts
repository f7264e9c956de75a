/**
 * The inventory of a Windows machine reached over SSH (Windows' OpenSSH server), in core's
 * schema (version 2), from fixed PowerShell scripts: WMI's classes (Get-CimInstance) for
 * the hardware, the OS, volumes and adapters, read by windows-parsers.ts; the agent's own
 * scripts and parsers for installed software, printers, batteries, pending updates,
 * logged-in users and the gateways and resolvers, so these sections read as an agent's.
 * Graphics and USB devices are not read over SSH yet and are listed in `problems`.
 */
import {
  CommandError,
  POWERSHELL,
  decodePowerShellArgs,
  runPowerShellJson,
  type CommandRunner,
} from '@deskside/agent/collect';
import type { InventoryV2 } from '@deskside/core';
import {
  agentReaders,
  inventoryDocument,
  once,
  type RemoteInventoryOptions,
  type SectionReaders,
} from './inventory-document';
import type { PowerShellRunner } from './runner';
import {
  WINDOWS_SCRIPTS,
  parseWindowsCpu,
  parseWindowsDisks,
  parseWindowsHardware,
  parseWindowsInterfaces,
  parseWindowsMemoryModules,
  parseWindowsOs,
  parseWindowsVolumes,
  type WindowsScript,
} from './windows-parsers';

export type WindowsInventoryOptions = RemoteInventoryOptions;

const PROGRAM = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** A word PowerShell reads literally: single quotes, any quote inside doubled. */
function quoteForPowerShell(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
}

/** What cmd.exe exits with for a command it does not find; the scripts below say it too. */
const NOT_FOUND = 9009;

/**
 * The agent's collectors run `powershell.exe` with an encoded script, or a program such as
 * `query user` (absent from Windows' Home editions): both go to the machine as PowerShell
 * scripts, and a program the machine does not have is reported as not installed.
 */
export function powerShellCommandRunner(runPowerShell: PowerShellRunner): CommandRunner {
  return async (program, args, options) => {
    if (program === POWERSHELL) {
      const script = decodePowerShellArgs(args);
      if (script === null) throw new Error('Only encoded PowerShell scripts are run');
      return runPowerShell(script, options);
    }
    if (!PROGRAM.test(program)) {
      throw new Error(`"${program}" is not a program name this console runs`);
    }
    const words = [program, ...args].map(quoteForPowerShell).join(' ');
    const result = await runPowerShell(
      [
        `if (-not (Get-Command ${quoteForPowerShell(program)} -ErrorAction SilentlyContinue)) { exit ${NOT_FOUND} }`,
        `& ${words}`,
        'exit $LASTEXITCODE',
      ].join('\n'),
      options,
    );
    if (result.exitCode === NOT_FOUND) {
      throw new CommandError('missing', program, `${program} is not installed`);
    }
    return result;
  };
}

/** The machine's inventory document; sections that cannot be read are in `problems`. */
export async function collectWindowsInventory(
  runPowerShell: PowerShellRunner,
  options: WindowsInventoryOptions = {},
): Promise<InventoryV2> {
  const run = powerShellCommandRunner(runPowerShell);
  const json = once((name) => runPowerShellJson(run, WINDOWS_SCRIPTS[name as WindowsScript]));
  const hardware = () => json('hardware').then(parseWindowsHardware);
  const readers: SectionReaders = {
    system: async () => (await hardware()).system,
    bios: async () => (await hardware()).bios,
    baseboard: async () => (await hardware()).baseboard,
    os: async () => {
      const [os, fqdn] = await Promise.all([
        json('os').then(parseWindowsOs),
        hardware().then(
          (h) => h.fqdn,
          () => '',
        ),
      ]);
      return { ...os.os, fqdn };
    },
    cpu: async () => ({ ...parseWindowsCpu(await json('cpu')), load: null }),
    memory: async () => {
      const [os, modules] = await Promise.all([
        json('os').then(parseWindowsOs),
        // Modules are a detail: memory still reads without them, as on Linux.
        json('memoryModules').then(parseWindowsMemoryModules, () => []),
      ]);
      return { ...os.memory, modules };
    },
    disks: async () => parseWindowsDisks(await json('disks')),
    fileSystems: async () => parseWindowsVolumes(await json('volumes')),
    ...agentReaders({ platform: 'win32', run }, () =>
      json('adapters').then(parseWindowsInterfaces),
    ),
  };
  return inventoryDocument(
    readers,
    hardware().then((h) => h.hostname),
    options,
  );
}
