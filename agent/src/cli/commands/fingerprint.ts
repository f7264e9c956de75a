import type { Command } from 'commander';
import { defaultDataDir } from '../../config';
import { loadOrCreateIdentity } from '../../server/identity';

export function registerFingerprint(program: Command): void {
  program
    .command('fingerprint')
    .description('print the SHA-256 fingerprint of the agent certificate (creating it if needed)')
    .option('--data-dir <dir>', 'folder for the certificate and state', defaultDataDir())
    .action(async (options: { dataDir: string }) => {
      console.log((await loadOrCreateIdentity(options.dataDir)).fingerprint);
    });
}
