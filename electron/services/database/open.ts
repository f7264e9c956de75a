import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from './migrations';
import type { DatabaseSchema } from './schema';

export type Db = Kysely<DatabaseSchema>;

export interface OpenDatabaseOptions {
  /** Path to a better_sqlite3.node built for this runtime (Electron needs its own build). */
  nativeBinding?: string;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** Opens (creating if needed) the console's SQLite file and brings its schema up to date. */
export async function openDatabase(file: string, options: OpenDatabaseOptions = {}): Promise<Db> {
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

  const db = new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : JSON.stringify(error);

export async function migrateToLatest(db: Db): Promise<string[]> {
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
