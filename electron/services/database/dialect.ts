/**
 * Everything that differs between SQLite and PostgreSQL, one function each. The rest of the
 * store speaks Kysely's common dialect.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** An integer primary key the database numbers: AUTOINCREMENT on SQLite, an identity on PostgreSQL. */
export function identityColumn(dialect: DialectName) {
  return (column: ColumnDefinitionBuilder) =>
    dialect === 'sqlite'
      ? column.primaryKey().autoIncrement()
      : column.generatedByDefaultAsIdentity().primaryKey();
}

/** Refuses every UPDATE and DELETE of `table`'s rows with "<table> is immutable". */
export async function makeImmutable<DB>(
  db: Kysely<DB>,
  dialect: DialectName,
  table: string,
): Promise<void> {
  const message = `${table} is immutable`;
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER ${sql.id(`${table}_no_update`)} BEFORE UPDATE ON ${sql.table(table)}
      BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    await sql`CREATE TRIGGER ${sql.id(`${table}_no_delete`)} BEFORE DELETE ON ${sql.table(table)}
      BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    return;
  }
  await sql`CREATE OR REPLACE FUNCTION deskside_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% is immutable', TG_TABLE_NAME; END $$`.execute(
    db,
  );
  // TRUNCATE bypasses row triggers, so it gets a statement trigger of its own.
  await sql`CREATE TRIGGER ${sql.id(`${table}_no_change`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
    FOR EACH ROW EXECUTE FUNCTION deskside_refuse_change()`.execute(db);
  await sql`CREATE TRIGGER ${sql.id(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${sql.table(table)}
    FOR EACH STATEMENT EXECUTE FUNCTION deskside_refuse_change()`.execute(db);
}

/**
 * After rows were inserted with explicit ids (an import), the next generated id must come
 * after them. SQLite's AUTOINCREMENT already does this; PostgreSQL's identity does not.
 */
export async function advanceIdentity<DB>(
  db: Kysely<DB>,
  dialect: DialectName,
  table: string,
): Promise<void> {
  if (dialect === 'sqlite') return;
  await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'),
    GREATEST((SELECT COALESCE(MAX(id), 0) FROM ${sql.table(table)}), 1),
    (SELECT COUNT(*) > 0 FROM ${sql.table(table)}))`.execute(db);
}
