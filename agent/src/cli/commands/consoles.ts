import type { Command } from 'commander';
import { ConsoleRegistry } from '../../security/console-registry';
import type { ConsoleRecord } from '../../security/registry-state';
import { configFromFlags, withDataOptions } from '../options';

interface DataFlags {
  config?: string;
  dataDir?: string;
}

const when = (iso: string) => iso.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');

export function formatConsoles(consoles: ConsoleRecord[], pendingCodes: number): string {
  const rows = [
    ['ID', 'NAME', 'PAIRED', 'FROM', 'STATUS'],
    ...consoles.map((c) => [
      c.id,
      c.name,
      when(c.pairedAt),
      c.pairedFrom,
      c.revokedAt ? `revoked ${when(c.revokedAt)}` : 'active',
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const table = rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  const lines =
    consoles.length > 0 ? table : ['No console is paired yet: run `deskside-agent pair`.'];
  if (pendingCodes > 0) lines.push(`${pendingCodes} pairing code(s) waiting to be used.`);
  return lines.join('\n');
}

async function registryFor(flags: DataFlags): Promise<ConsoleRegistry> {
  return new ConsoleRegistry({ dataDir: (await configFromFlags(flags)).dataDir });
}

export function registerConsoles(program: Command): void {
  const consoles = program.command('consoles').description('the consoles paired with this agent');
  withDataOptions(consoles.command('list'))
    .description('list paired consoles (a pre-provisioned token is not listed)')
    .option('--json', 'print them as JSON')
    .action(async (flags: DataFlags & { json?: boolean }) => {
      const { consoles: list, pendingCodes, enrolments } = await (await registryFor(flags)).list();
      // An enrolment file's secret and claims stay in the file too.
      const enrolled = enrolments.map((enrolment) => ({
        id: enrolment.id,
        desk: enrolment.deskName,
        label: enrolment.label,
        enrolledAt: enrolment.enrolledAt,
        expiresAt: enrolment.expiresAt,
        claimsUsed: enrolment.usedClaims.length,
      }));
      if (flags.json) {
        // The credential hash stays in the file: it is of no use to anyone reading this.
        const shown = list.map((record) => ({
          id: record.id,
          name: record.name,
          pairedAt: record.pairedAt,
          pairedFrom: record.pairedFrom,
          revokedAt: record.revokedAt,
          ...(record.enrolmentId ? { enrolmentId: record.enrolmentId } : {}),
        }));
        console.log(
          JSON.stringify(
            { consoles: shown, pendingCodes: pendingCodes.length, enrolments: enrolled },
            null,
            2,
          ),
        );
        return;
      }
      console.log(formatConsoles(list, pendingCodes.length));
      for (const enrolment of enrolled) {
        console.log(
          `Enrolled with the desk ${enrolment.desk} (${enrolment.label}) until ${enrolment.expiresAt}: ${enrolment.claimsUsed} console(s) paired by it.`,
        );
      }
    });
  withDataOptions(consoles.command('revoke'))
    .description('revoke a console: the running agent refuses it from its next request')
    .argument('<id>', 'the console’s id, as `consoles list` shows it')
    .action(async (id: string, flags: DataFlags) => {
      const revoked = await (await registryFor(flags)).revoke(id);
      console.log(
        `Revoked console ${revoked.id} (${revoked.name}); the agent refuses it from now on.`,
      );
    });
}
