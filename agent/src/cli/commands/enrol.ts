import type { Command } from 'commander';
import { loadOrCreateIdentity } from '../../server/identity';
import { configFromFlags, withDataOptions } from '../options';

interface EnrolFlags {
  config?: string;
  dataDir?: string;
  file: string;
  json?: boolean;
}

export async function enrol(flags: EnrolFlags): Promise<void> {
  const config = await configFromFlags(flags);
  const identity = await loadOrCreateIdentity(config.dataDir);
  // Loaded for this command only: `serve` without an enrolment file holds none of it.
  const { enrolFromFile } = await import('../../security/enrol');
  const { outcome, enrolment } = await enrolFromFile(config, flags.file, 'enrol');
  if (flags.json) {
    console.log(
      JSON.stringify({
        outcome,
        enrolmentId: enrolment.id,
        desk: enrolment.deskName,
        label: enrolment.label,
        expiresAt: enrolment.expiresAt,
        fingerprint: identity.fingerprint,
      }),
    );
    return;
  }
  console.log(
    outcome === 'enrolled'
      ? `Enrolled with the desk ${enrolment.deskName} (${enrolment.label}).`
      : `Already enrolled with the desk ${enrolment.deskName} (${enrolment.label}); nothing changed.`,
  );
  console.log(
    `The desk can add this computer by its address until ${enrolment.expiresAt}: Machines → Add enrolled machine.`,
  );
  console.log(`Certificate fingerprint (SHA-256): ${identity.fingerprint}`);
}

export function registerEnrol(program: Command): void {
  withDataOptions(program.command('enrol'))
    .description(
      'take an enrolment file from the desk, so its consoles can pair with this computer without a code',
    )
    .requiredOption('--file <path>', 'the enrolment file (JSON) issued in the console')
    .option('--json', 'print the outcome as JSON')
    .action(enrol);
}
