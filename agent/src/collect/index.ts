// Facts collectors shared by the inventory and the checks. Each takes optional
// { platform, run } so other OSes can be tested with recorded outputs.
export { collectInventory } from './inventory';
export { collectBatteries, type BatteryOptions } from './battery';
export { collectInstalledSoftware } from './software';
export { collectPendingUpdates, type UpdatesOptions } from './updates';
export { collectPrinters } from './printers';
export { collectLoggedInUsers } from './users';
export { collectNetworkConfig, type NetworkConfigOptions } from './network-config';
export type { CollectorOptions } from './platform';
export { FactsUnavailableError, type UnavailableReason } from './errors';
export {
  CommandError,
  runCommand,
  type CommandOptions,
  type CommandRunner,
  type CommandResult,
} from './exec';
// Parsers of Linux's own files and outputs, pure, for reading a machine over SSH as the
// agent reads its own (electron/services/machines/ssh).
export { parseMeminfo } from './live/memory';
export { isUserFileSystem } from './live/file-systems';
export { LINUX_NETWORK_PATHS, linuxNetworkConfig } from './network-config/linux';
export { sectionProblem } from './errors';
export { text, count, numberOrNull, lines } from './text';
// PowerShell's encoded command line and its JSON, and the macOS readers that take an output,
// for reading Windows and macOS machines over SSH with the agent's own scripts and parsers.
export {
  POWERSHELL,
  asArray,
  decodePowerShellArgs,
  powerShellArgs,
  runPowerShellJson,
} from './powershell';
export { parseMacMemory } from './live/memory';
// The collectors' fixed commands, so the console can run them together in one SSH session.
export { DPKG_ARGS, RPM_ARGS } from './software/linux';
export { LPSTAT_ARGS } from './printers/cups';
