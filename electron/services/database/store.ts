/**
 * The console's store: the database, its dialect, and the one way to write. Every write is
 * one transaction; events it publishes reach listeners only once it has committed. On
 * PostgreSQL they travel by NOTIFY, so every console on the database hears them (LISTEN).
 */
import pg from 'pg';
import { sql } from 'kysely';
import { ConsoleEventSchema, type ConsoleEvent } from '@deskside/core';
import type { DialectName } from './dialect';
import { openDatabaseTarget, type DatabaseTarget, type Db, type OpenDatabaseOptions } from './open';

export const EVENTS_CHANNEL = 'deskside_events';

export type EventListener = (event: ConsoleEvent) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ConsoleEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}

export type Publish = (event: ConsoleEvent) => void;

export interface Store {
  db: Db;
  dialect: DialectName;
  events: EventHub;
  write<T>(work: (trx: Db, publish: Publish) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const RELISTEN_MS = 1_000;
/** How the listening connection shows in pg_stat_activity. */
export const LISTENER_NAME = 'deskside-listen';

/**
 * LISTENs on a connection of its own and forwards every valid event to the hub. A lost
 * connection (server restart, network, an administrator ending it) is re-established, so
 * the live queue resumes.
 */
async function listen(url: string, hub: EventHub): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const scheduleReconnect = () => {
    if (closed) return;
    retry = setTimeout(() => {
      connect().catch(scheduleReconnect);
    }, RELISTEN_MS);
  };
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, application_name: LISTENER_NAME });
    next.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      const parsed = ConsoleEventSchema.safeParse(JSON.parse(message.payload));
      if (parsed.success) hub.emit(parsed.data);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      client = undefined;
      next.end().catch(() => undefined);
      scheduleReconnect();
    };
    next.on('error', onLost);
    next.on('end', onLost);
    client = next;
  };
  await connect();
  return async () => {
    closed = true;
    clearTimeout(retry);
    await client?.end();
  };
}

/**
 * SQLite: BEGIN IMMEDIATE takes the write lock up front, so a second console on the same
 * file waits for it (busy_timeout) and then reads the committed data, instead of failing
 * with SQLITE_BUSY when a read transaction tries to become a write one.
 */
async function immediateTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`BEGIN IMMEDIATE`.execute(connection);
    try {
      const value = await work(connection);
      await sql`COMMIT`.execute(connection);
      return value;
    } catch (error) {
      await sql`ROLLBACK`.execute(connection);
      throw error;
    }
  });
}

export async function openStore(
  target: DatabaseTarget,
  options: OpenDatabaseOptions = {},
): Promise<Store> {
  const db = await openDatabaseTarget(target, options);
  const dialect = target.kind;
  const events = new EventHub();
  let stopListening: (() => Promise<void>) | undefined;
  if (target.kind === 'postgres') {
    try {
      stopListening = await listen(target.url, events);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }

  return {
    db,
    dialect,
    events,
    async write(work) {
      const pending: ConsoleEvent[] = [];
      const result =
        dialect === 'sqlite'
          ? await immediateTransaction(db, (trx) => work(trx, (event) => pending.push(event)))
          : await db.transaction().execute(async (trx) => {
              const value = await work(trx, (event) => pending.push(event));
              // Delivered by PostgreSQL at commit, never for a rolled-back transaction.
              for (const event of pending) {
                await sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`.execute(
                  trx,
                );
              }
              return value;
            });
      if (dialect === 'sqlite') for (const event of pending) events.emit(event);
      return result;
    },
    async close() {
      await stopListening?.();
      await db.destroy();
    },
  };
}

/** `DESKSIDE_DATABASE_URL=postgres://...` selects PostgreSQL; otherwise the SQLite file. */
export function databaseTarget(sqliteFile: string, url = process.env.DESKSIDE_DATABASE_URL) {
  if (!url) return { kind: 'sqlite', file: sqliteFile } satisfies DatabaseTarget;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('DESKSIDE_DATABASE_URL must be a postgres:// or postgresql:// address');
  }
  return { kind: 'postgres', url } satisfies DatabaseTarget;
}
