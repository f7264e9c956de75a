import type { Command } from 'commander';
import type { AgentConfig } from '../config';
import { loadAgentConfig, type ConfigFlags } from '../config-file';

/**
 * --config and --data-dir, for every command that works on the agent's data folder: they
 * find it the way `serve` does, so `pair` and `consoles` change what the service uses.
 */
export function withDataOptions(command: Command): Command {
  return command
    .option(
      '--config <file>',
      'the config file (JSON); default: DESKSIDE_AGENT_CONFIG, else the system-wide file install-service writes, else the user’s own',
    )
    .option(
      '--data-dir <dir>',
      'the folder for the certificate and state (overrides the config file)',
    );
}

/** The configuration as `serve` would see it with these flags. */
export async function configFromFlags(flags: ConfigFlags): Promise<AgentConfig> {
  return (await loadAgentConfig(flags)).config;
}
