import './zod-setup';
import { Command } from 'commander';
import { AGENT_VERSION } from '../version';
import { registerChecks } from './commands/checks';
import { registerConsoles } from './commands/consoles';
import { registerEnrol } from './commands/enrol';
import { registerFingerprint } from './commands/fingerprint';
import { registerFleet } from './commands/fleet';
import { registerHelpRequest } from './commands/help-request';
import { registerInventory } from './commands/inventory';
import { registerPair } from './commands/pair';
import { registerServe } from './commands/serve';
import { registerService } from './commands/service';
import { registerStatus } from './commands/status';

const program = new Command()
  .name('deskside-agent')
  .description(
    'Deskside diagnostics agent: read-only inventory over HTTPS for the Deskside console',
  )
  .version(AGENT_VERSION);

// One module per command; each adds itself here.
for (const register of [
  registerServe,
  registerFingerprint,
  registerInventory,
  registerPair,
  registerEnrol,
  registerConsoles,
  registerStatus,
  registerService,
  registerChecks,
  registerHelpRequest,
  registerFleet,
])
  register(program);

program.parseAsync().catch((error: unknown) => {
  console.error(`deskside-agent: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
