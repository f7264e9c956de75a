import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadAgentConfig } from '../../config-file';
import { selfCommand } from '../../self-command';
import {
  defaultServiceOptions,
  type ServiceOptions,
  type ServicePlatform,
} from '../../service/plan';

interface ServiceFlags {
  platform?: string;
  user?: string;
  node?: string;
  script?: string;
  config?: string;
  dataDir?: string;
  address?: string;
  port?: string;
  dryRun?: boolean;
}

const PLATFORMS: Record<ServicePlatform, string> = {
  linux: 'Linux (systemd)',
  darwin: 'macOS (launchd)',
  win32: 'Windows (WinSW)',
};

function platformOf(flags: ServiceFlags): ServicePlatform {
  const platform = flags.platform ?? process.platform;
  if (!Object.hasOwn(PLATFORMS, platform)) {
    throw new Error(
      `--platform: ${platform} is not one of ${Object.keys(PLATFORMS).join(', ')} (${Object.values(PLATFORMS).join(', ')})`,
    );
  }
  if (platform !== process.platform && !flags.dryRun) {
    throw new Error(
      `--platform ${platform} is not this computer's: add --dry-run to see the files`,
    );
  }
  return platform as ServicePlatform;
}

/**
 * The service's options: flags, else what an existing config file says (a reinstall keeps
 * its data folder), else the platform's defaults.
 */
export async function serviceOptions(flags: ServiceFlags): Promise<ServiceOptions> {
  const platform = platformOf(flags);
  const defaults = defaultServiceOptions(platform);
  const configFile = flags.config ?? defaults.configFile;
  const existing =
    platform === process.platform && existsSync(configFile)
      ? (await loadAgentConfig({ config: configFile })).config
      : null;
  const port = flags.port ?? String(existing?.port ?? 7443);
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    throw new Error('--port: expected a port number from 1 to 65535');
  }
  const self = selfCommand();
  return {
    platform,
    node: flags.node ?? self.executable,
    script: flags.script ?? self.script,
    configFile,
    dataDir: flags.dataDir ?? existing?.dataDir ?? defaults.dataDir,
    user: flags.user ?? defaults.user,
    address: flags.address ?? existing?.address ?? '0.0.0.0',
    port: Number(port),
  };
}

async function runServiceCommand(
  action: 'install' | 'uninstall',
  flags: ServiceFlags,
): Promise<void> {
  const options = await serviceOptions(flags);
  // Loaded here, not with the program: the plist and XML writers would sit in every agent's
  // memory otherwise.
  const [{ SERVICE_PLANS }, { describePlan, executePlan, systemIo }] = await Promise.all([
    import('../../service/plans'),
    import('../../service/execute'),
  ]);
  const plan = SERVICE_PLANS[options.platform][action](options);
  if (flags.dryRun) {
    console.log(describePlan(options.platform, plan));
    return;
  }
  if (options.platform !== 'win32' && process.getuid?.() !== 0) {
    throw new Error(
      `${action}-service changes the system: run it as root (sudo), or add --dry-run`,
    );
  }
  for (const line of await executePlan(options.platform, plan, systemIo)) console.log(line);
  for (const note of plan.notes) console.log(note);
}

export function registerService(program: Command): void {
  const common = (command: Command) =>
    command
      .option('--platform <os>', 'linux, darwin or win32 (default: this computer’s)')
      .option('--config <file>', 'the config file the service reads (default: the system-wide one)')
      .option('--data-dir <dir>', 'the service’s data folder (default: the platform’s)')
      .option('--dry-run', 'print the files and commands instead of installing');
  common(program.command('install-service'))
    .description('install the agent as a system service that starts at boot')
    .option(
      '--user <account>',
      'the account the service runs as (default: deskside-agent on Linux, root on macOS, LocalService on Windows)',
    )
    .option(
      '--address <address>',
      'address to listen on, written to a new config file (default 0.0.0.0)',
    )
    .option('--port <port>', 'port, written to a new config file (default 7443)')
    .option('--node <file>', 'the Node.js executable, or the agent executable (default: this one)')
    .option('--script <file>', 'the agent bundle (default: this one; none for the executable)')
    .action((flags: ServiceFlags) => runServiceCommand('install', flags));
  common(program.command('uninstall-service'))
    .description('stop and remove the system service (keeps the data folder)')
    .action((flags: ServiceFlags) => runServiceCommand('uninstall', flags));
}
