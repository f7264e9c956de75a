import { Command } from 'commander';
import { AGENT_VERSION } from '../version';
import { registerChecks } from './commands/checks';
import { registerFingerprint } from './commands/fingerprint';
import { registerInventory } from './commands/inventory';
import { registerServe } from './commands/serve';

const program = new Command()
  .name('deskside-agent')
  .description(
    'Deskside diagnostics agent: read-only inventory over HTTPS for the Deskside console',
  )
  .version(AGENT_VERSION);

// One module per command; each adds itself here.
for (const register of [registerServe, registerFingerprint, registerInventory, registerChecks])
  register(program);

program.parseAsync().catch((error: unknown) => {
  console.error(`deskside-agent: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
