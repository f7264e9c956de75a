import type { Command } from 'commander';
import { fleetCredentialsFile } from '../../config';
import { configFromFlags, withDataOptions } from '../options';

interface FleetCredentialsFlags {
  config?: string;
  dataDir?: string;
  file: string;
}

/** Checks a `.creds` file from the desk and keeps a copy readable by this user only. */
export async function installFleetCredentials(flags: FleetCredentialsFlags): Promise<void> {
  const config = await configFromFlags(flags);
  const { parseFleetCredentials, readHandedOverCredentials, writeFleetCredentials } =
    await import('../../fleet/credentials');
  const text = await readHandedOverCredentials(flags.file);
  const credentials = await parseFleetCredentials(text, flags.file);
  const target = fleetCredentialsFile(config);
  await writeFleetCredentials(target, text);
  console.log(`Fleet identity of agent ${credentials.agentId} kept in ${target} (mode 600).`);
  console.log(`Public key: ${credentials.publicKey}`);
  if (credentials.expiresAt) console.log(`Expires: ${credentials.expiresAt.toISOString()}`);
  if (!config.fleet) {
    console.log(
      'Fleet mode is off until the config file names its servers: "fleet": { "servers": [...] }.',
    );
  }
}

export function registerFleet(program: Command): void {
  withDataOptions(program.command('fleet-credentials'))
    .description('keep the fleet identity (.creds file) the desk issued to this computer')
    .requiredOption('--file <path>', 'the .creds file from the desk')
    .action(installFleetCredentials);
}
