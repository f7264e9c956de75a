import type { Command } from 'commander';
import { ConsoleNameSchema, formatPairingCode } from '@deskside/core';
import { ConsoleRegistry } from '../../security/console-registry';
import { loadOrCreateIdentity } from '../../server/identity';
import { configFromFlags, withDataOptions } from '../options';

const MIN_TTL_MS = 1_000;
const MAX_TTL_MS = 60 * 60_000;

/** "5m", "90s" -> milliseconds, from 1 s to 60 min. */
export function parseExpiry(text: string): number {
  const match = /^(\d{1,4})(s|m)$/.exec(text.trim());
  const ms = match ? Number(match[1]) * (match[2] === 'm' ? 60_000 : 1_000) : NaN;
  if (!(ms >= MIN_TTL_MS && ms <= MAX_TTL_MS)) {
    throw new Error('--expires-in: a duration such as 5m or 90s, from 1s to 60m');
  }
  return ms;
}

interface PairFlags {
  config?: string;
  dataDir?: string;
  expiresIn: string;
  name?: string;
  json?: boolean;
}

export async function pair(flags: PairFlags): Promise<void> {
  const ttlMs = parseExpiry(flags.expiresIn);
  const label = flags.name === undefined ? null : ConsoleNameSchema.safeParse(flags.name);
  if (label && !label.success) throw new Error(`--name: ${label.error.issues[0]?.message}`);
  const config = await configFromFlags(flags);
  const identity = await loadOrCreateIdentity(config.dataDir);
  const registry = new ConsoleRegistry({ dataDir: config.dataDir });
  const { code, expiresAt } = await registry.issueCode({ ttlMs, label: label?.data ?? null });
  if (flags.json) {
    console.log(
      JSON.stringify({
        code,
        expiresAt: expiresAt.toISOString(),
        fingerprint: identity.fingerprint,
      }),
    );
    return;
  }
  const minutes = Math.round(ttlMs / 6_000) / 10;
  console.log(`Pairing code: ${formatPairingCode(code)}`);
  console.log(
    `It works once, for ${minutes} minute${minutes === 1 ? '' : 's'} (until ${expiresAt.toLocaleTimeString()}).`,
  );
  console.log(
    'In the console: Machines → Add machine, enter this computer’s address and port, compare the fingerprint below, then enter the code.',
  );
  console.log(`Certificate fingerprint (SHA-256): ${identity.fingerprint}`);
}

export function registerPair(program: Command): void {
  withDataOptions(program.command('pair'))
    .description('print a one-time code a console exchanges for its own credential')
    .option(
      '--expires-in <duration>',
      'how long the code works, e.g. 5m or 90s (at most 60m)',
      '5m',
    )
    .option('--name <name>', 'the name the console gets in `consoles list`')
    .option('--json', 'print the code, its expiry and the fingerprint as JSON')
    .action(pair);
}
