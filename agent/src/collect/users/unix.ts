import type { LoggedInUser } from '@deskside/core';
import type { CommandRunner } from '../exec';
import { lines } from '../text';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A `who` time in the machine's zone: "2026-11-23 09:12" (GNU, most locales) or
 * "Nov 23 09:12" (C locale, macOS; the year is the latest one not in the future).
 */
export function parseWhoTime(value: string, now = new Date()): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi] = iso.map(Number);
    return new Date(y!, mo! - 1, d, h, mi).toISOString();
  }
  const short = /^(\w{3}) +(\d{1,2}) (\d{2}):(\d{2})$/.exec(value);
  const month = short ? MONTHS.indexOf(short[1]!) : -1;
  if (!short || month === -1) return null;
  const [d, h, mi] = short.slice(2).map(Number);
  const date = new Date(now.getFullYear(), month, d, h, mi);
  if (date > now) date.setFullYear(date.getFullYear() - 1);
  return date.toISOString();
}

// "jdoe     pts/0        2026-11-23 09:12 (192.0.2.10)"
export function parseWho(output: string, now = new Date()): LoggedInUser[] {
  return lines(output).flatMap((line) => {
    const match = /^(\S+)\s+(\S+)\s+(.+?)(?:\s+\(([^)]*)\))?\s*$/.exec(line);
    if (!match) return [];
    const host = match[4] ?? '';
    return [
      {
        user: match[1]!,
        session: match[2]!,
        // Local graphical sessions show their display (":0") or seat ("tty2") there.
        remoteHost: host.startsWith(':') || /^tty\d*$/.test(host) ? '' : host,
        loginAt: parseWhoTime(match[3]!.trim(), now),
        state: '',
      },
    ];
  });
}

export async function unixUsers(run: CommandRunner): Promise<LoggedInUser[]> {
  const result = await run('who', []);
  if (result.exitCode !== 0) throw new Error(`who exited with ${result.exitCode}`);
  return parseWho(result.stdout);
}
