import type { Command } from 'commander';
import { loadOrCreateIdentity } from '../../server/identity';
import { configFromFlags, withDataOptions } from '../options';

export function registerFingerprint(program: Command): void {
  withDataOptions(program.command('fingerprint'))
    .description('print the SHA-256 fingerprint of the agent certificate (creating it if needed)')
    .action(async (flags: { config?: string; dataDir?: string }) => {
      console.log((await loadOrCreateIdentity((await configFromFlags(flags)).dataDir)).fingerprint);
    });
}
