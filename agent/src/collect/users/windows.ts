import type { LoggedInUser } from '@deskside/core';
import type { CommandRunner } from '../exec';
import { lines } from '../text';

/** "11/21/2024 8:02 AM" (US English Windows) -> ISO in the machine's zone; other formats null. */
export function parseQueryUserTime(value: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?: ([AP]M))?$/.exec(value.trim());
  if (!match) return null;
  const [, mo, d, y, h, mi] = match.map(Number);
  const hour = match[6] === undefined ? h! : (h! % 12) + (match[6] === 'PM' ? 12 : 0);
  return new Date(y!, mo! - 1, d, hour, mi).toISOString();
}

/**
 * `query user`: fixed-width columns under a header. SESSIONNAME is blank for a
 * disconnected session, so columns are cut where the header puts them.
 */
export function parseQueryUser(output: string): LoggedInUser[] {
  const [header, ...rows] = lines(output);
  if (!header) return [];
  const start = (name: string) => header.indexOf(name);
  const sessionAt = start('SESSIONNAME');
  const idAt = start(' ID') + 1;
  const stateAt = start('STATE');
  const idleAt = start('IDLE TIME');
  if ([sessionAt, idAt, stateAt, idleAt].some((i) => i <= 0)) return [];
  return rows.flatMap((row) => {
    const user = row.slice(1, sessionAt).trim();
    if (user === '') return [];
    return [
      {
        user,
        session: row.slice(sessionAt, idAt).trim(),
        remoteHost: '',
        state: row.slice(stateAt, idleAt).trim(),
        // IDLE TIME is one word ("none", "5", "1:02"); LOGON TIME is the rest of the row.
        loginAt: parseQueryUserTime(row.slice(idleAt).trim().split(/\s+/).slice(1).join(' ')),
      },
    ];
  });
}

export async function windowsUsers(run: CommandRunner): Promise<LoggedInUser[]> {
  const result = await run('query', ['user']);
  // Exit 1 with "No User exists for *" when nobody is logged in.
  if (result.exitCode !== 0 && /No User exists/i.test(result.stderr)) return [];
  if (result.exitCode !== 0) throw new Error(`query user exited with ${result.exitCode}`);
  return parseQueryUser(result.stdout);
}
