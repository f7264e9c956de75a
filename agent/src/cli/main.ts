import { Command } from 'commander';
import { defaultDataDir } from '../config';
import { loadOrCreateIdentity } from '../server/identity';
import { AGENT_VERSION } from '../version';
import { printInventory } from './inventory';
import { serve } from './serve';

const program = new Command()
  .name('deskside-agent')
  .description(
    'Deskside diagnostics agent: read-only inventory over HTTPS for the Deskside console',
  )
  .version(AGENT_VERSION);

program
  .command('serve')
  .description('serve the agent API over HTTPS')
  .option('--address <address>', 'address to listen on', '127.0.0.1')
  .option('--port <port>', 'port to listen on (0 picks a free one)', '7443')
  .option('--data-dir <dir>', 'folder for the certificate and state', defaultDataDir())
  .option('--token-file <file>', 'file holding the console token (or set DESKSIDE_AGENT_TOKEN)')
  .action(serve);

program
  .command('fingerprint')
  .description('print the SHA-256 fingerprint of the agent certificate (creating it if needed)')
  .option('--data-dir <dir>', 'folder for the certificate and state', defaultDataDir())
  .action(async (options: { dataDir: string }) => {
    console.log((await loadOrCreateIdentity(options.dataDir)).fingerprint);
  });

program
  .command('inventory')
  .description('collect and print this computer’s inventory')
  .option('--json', 'print the inventory document as JSON')
  .action(printInventory);

program.parseAsync().catch((error: unknown) => {
  console.error(`deskside-agent: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
