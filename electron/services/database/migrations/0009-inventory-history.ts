import type { Kysely, Migration } from 'kysely';
import { identityColumn, makeImmutable, type DialectName } from '../dialect';

/**
 * Every inventory the console receives, per machine (machines/inventory-history.ts), kept
 * compactly: `inventory_sections` holds each distinct section once, by the SHA-256 of its
 * canonical JSON (zlib-compressed and base64 when large, `encoding` says which), and
 * `inventory_snapshots` one row per snapshot naming the hash of each of its sections, with
 * the document's own small fields (`head`) and the values that change on every reading
 * (`volatile`: uptime, load, free memory and space). Both are append-only: nobody changes or
 * deletes history, the owner included; on a desk with roles analysts may only read and insert.
 */
export function inventoryHistory(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('inventory_sections')
        .addColumn('hash', 'text', (c) => c.primaryKey())
        .addColumn('encoding', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('size_bytes', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('inventory_snapshots')
        .addColumn('id', 'integer', identityColumn(dialect))
        .addColumn('machine_id', 'text', (c) => c.notNull())
        .addColumn('taken_at', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('taken_by', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('head', 'text', (c) => c.notNull())
        .addColumn('sections', 'text', (c) => c.notNull())
        .addColumn('volatile', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('inventory_snapshots_machine')
        .on('inventory_snapshots')
        .columns(['machine_id', 'id'])
        .execute();
      await makeImmutable(db, dialect, 'inventory_sections');
      await makeImmutable(db, dialect, 'inventory_snapshots');
    },
  };
}
