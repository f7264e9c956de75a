import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { applyDeskGrants, hasDeskRoles } from '../desk/desk-roles';
import type { DialectName } from './dialect';
import { migrationsFor } from './migrations';
import type { DatabaseSchema } from './schema';

export type Db = Kysely<DatabaseSchema>;

export interface OpenDatabaseOptions {
  /** Path to a better_sqlite3.node built for this runtime (Electron needs its own build). */
  nativeBinding?: string;
}

/** Where the console's data lives: an SQLite file (default) or a shared PostgreSQL. */
export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

function openSqlite(file: string, options: OpenDatabaseOptions): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  sqlite.pragma('journal_mode = WAL');
  // FULL: a transaction that returned is on disk even if the machine loses power next.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
}

/** A read-only connection to the console's SQLite file, for long reads beside the writer. */
export function openSqliteReader(file: string, options: OpenDatabaseOptions = {}): Db {
  const sqlite = new Database(file, {
    readonly: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
}

/** How a console's connections name themselves: the audit log records it as the analyst's PC. */
export const consoleConnectionName = (): string => `deskside@${os.hostname()}`.slice(0, 63);

export function postgresPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: consoleConnectionName(),
  });
  // An idle client that loses its server (restart, network) must not crash the console; the
  // next query gets a fresh connection and its own error.
  pool.on('error', () => undefined);
  return pool;
}

function openPostgres(url: string): Db {
  return new Kysely<DatabaseSchema>({
    dialect: new PostgresDialect({ pool: postgresPool(url) }),
    plugins: [new CamelCasePlugin()],
  });
}

/** Opens (creating if needed) the database and brings its schema up to date. */
export async function openDatabaseTarget(
  target: DatabaseTarget,
  options: OpenDatabaseOptions = {},
): Promise<Db> {
  const db = target.kind === 'sqlite' ? openSqlite(target.file, options) : openPostgres(target.url);
  try {
    if (target.kind === 'postgres' && !(await mayUpgradeSchema(db))) {
      await requireCurrentSchema(db);
    } else {
      const applied = await migrateToLatest(db, target.kind);
      // A table the upgrade added gets the desk roles' grants before any analyst needs it.
      if (target.kind === 'postgres' && applied.length > 0 && (await hasDeskRoles(db))) {
        await applyDeskGrants(db);
      }
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/** The console's SQLite file. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Promise<Db> {
  return openDatabaseTarget({ kind: 'sqlite', file }, options);
}

/**
 * Whether this login may upgrade the schema: the desk's owner may; an analyst's login (no
 * CREATE on the schema) never does, however old the schema is.
 */
async function mayUpgradeSchema(db: Db): Promise<boolean> {
  const { rows } = await sql<{ may: boolean }>`
    SELECT has_schema_privilege(current_user, 'public', 'CREATE') AS may`.execute(db);
  return rows[0]?.may ?? false;
}

/** For a login that may not upgrade: the schema must already be this version's. */
async function requireCurrentSchema(db: Db): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrationsFor('postgres')) },
  });
  const migrations = await migrator.getMigrations();
  if (migrations.some((migration) => !migration.executedAt)) {
    throw new MigrationError(
      "This desk's database is older than this version of Deskside, and only the desk's owner upgrades it: ask your administrator to open the desk once as its owner",
    );
  }
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : JSON.stringify(error);

export async function migrateToLatest(db: Db, dialect: DialectName): Promise<string[]> {
  const migrations = migrationsFor(dialect);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const known = new Set(Object.keys(migrations));
    const applied = await migrator.getMigrations();
    const unknown = applied.filter((m) => m.executedAt && !known.has(m.name));
    if (unknown.length > 0 || /corrupted migrations/i.test(describe(error))) {
      throw new MigrationError(
        'This database was written by a newer version of Deskside; update Deskside to open it',
      );
    }
    throw new MigrationError(`The database could not be migrated: ${describe(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
