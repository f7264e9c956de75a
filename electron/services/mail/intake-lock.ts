/**
 * Which console reads the desk's mailbox. On PostgreSQL, the one holding a session advisory
 * lock on a connection of its own: one reader per desk however many consoles are open, and
 * when that console closes or its connection drops, the server releases the lock and another
 * console takes over at its next try. On the SQLite file the console is the desk: it reads.
 */
import pg from 'pg';
import type { DatabaseTarget } from '../database/open';

/** The lock's key: one number for every desk database (a lock is per database). */
export const MAIL_INTAKE_LOCK_KEY = 0x6d61696c; // "mail"

export interface IntakeLock {
  /** Takes the lock if it is free; true while this console holds it. */
  tryTake(): Promise<boolean>;
  /** Called once when a held lock is lost (the connection dropped). */
  onLost(listener: () => void): void;
  release(): Promise<void>;
}

export function intakeLock(target: DatabaseTarget, applicationName: string): IntakeLock {
  if (target.kind === 'sqlite') {
    return {
      tryTake: () => Promise.resolve(true),
      onLost: () => undefined,
      release: async () => {},
    };
  }
  let client: pg.Client | null = null;
  let held = false;
  const lost = new Set<() => void>();
  const drop = () => {
    const wasHeld = held;
    held = false;
    const old = client;
    client = null;
    old?.end().catch(() => undefined);
    if (wasHeld) for (const listener of lost) listener();
  };
  return {
    async tryTake() {
      if (held) return true;
      if (!client) {
        const next = new pg.Client({
          connectionString: target.url,
          application_name: applicationName,
        });
        next.on('error', drop);
        next.on('end', drop);
        await next.connect();
        client = next;
      }
      const { rows } = await client.query<{ taken: boolean }>(
        'SELECT pg_try_advisory_lock($1) AS taken',
        [MAIL_INTAKE_LOCK_KEY],
      );
      held = rows[0]?.taken === true;
      return held;
    },
    onLost(listener) {
      lost.add(listener);
    },
    async release() {
      const old = client;
      held = false;
      client = null;
      lost.clear();
      // Closing the session releases its advisory locks.
      await old?.end().catch(() => undefined);
    },
  };
}
