import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DesksideError } from '@deskside/core';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, newPostgresDatabase, type StoreKind } from '#test/helpers/stores';
import { openDatabaseTarget, type DatabaseTarget, type Db } from './open';
import { updateAtVersion } from './versioned';

const AT = '2026-03-02T08:00:00.000Z';

let opened: Db[] = [];
let dir: string | undefined;
afterEach(async () => {
  for (const db of opened) await db.destroy();
  opened = [];
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function targetOn(kind: StoreKind): Promise<DatabaseTarget> {
  if (kind === 'postgres') return { kind, url: await newPostgresDatabase() };
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-versioned-'));
  return { kind, file: path.join(dir, 'deskside.sqlite') };
}

async function open(target: DatabaseTarget): Promise<Db> {
  const db = await openDatabaseTarget(target);
  opened.push(db);
  return db;
}

async function addPerson(db: Db): Promise<number> {
  const { id } = await db
    .insertInto('people')
    .values({
      name: 'Nikos',
      department: '',
      location: '',
      phone: '',
      email: '',
      machines: '[]',
      searchText: 'nikos',
      createdAt: AT,
      updatedAt: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const personOf = (db: Db, id: number) =>
  db.selectFrom('people').select(['name', 'version']).where('id', '=', id).executeTakeFirst();

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DesksideError))
    throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
};

describe.each(STORE_KINDS)('an edit at the version the analyst opened, on %s', (kind) => {
  it('applies and bumps the version, then refuses a second edit from the old one', async () => {
    const db = await open(await targetOn(kind));
    const id = await addPerson(db);
    const edited = await updateAtVersion(db, 'people', { id, expectedVersion: 1 }, { name: 'A' });
    expect(edited).toMatchObject({ id, name: 'A', version: 2 });

    const stale = await refusal(
      updateAtVersion(db, 'people', { id, expectedVersion: 1 }, { name: 'B', updatedAt: AT }),
    );
    expect(stale.code).toBe('stale_version');
    expect(stale.message).toBe(
      `Person ${id} was changed by someone else at ${AT} after you opened it (you have version 1, it is now at version 2). Reload it to see that change, then make yours again.`,
    );
    expect(await personOf(db, id)).toEqual({ name: 'A', version: 2 });
  });

  it('says a record that is gone is not found, not stale', async () => {
    const db = await open(await targetOn(kind));
    const missing = await refusal(
      updateAtVersion(db, 'visits', { id: 41, expectedVersion: 1 }, { status: 'done' }),
    );
    expect([missing.code, missing.message]).toEqual(['not_found', 'Visit 41 does not exist']);
  });
});

describe('two consoles on one PostgreSQL editing one record at the same moment', () => {
  it('hold the second edit until the first commits, then refuse it: the first is never overwritten', async () => {
    const target = await targetOn('postgres');
    const [anna, bram] = [await open(target), await open(target)];
    const id = await addPerson(anna);

    let commitAnna!: () => void;
    const annaMayCommit = new Promise<void>((resolve) => (commitAnna = resolve));
    let annaUpdated!: () => void;
    const annaHasUpdated = new Promise<void>((resolve) => (annaUpdated = resolve));
    const annaEdit = anna.transaction().execute(async (trx) => {
      await updateAtVersion(trx, 'people', { id, expectedVersion: 1 }, { name: 'Anna’s' });
      annaUpdated();
      await annaMayCommit;
    });
    await annaHasUpdated;

    let bramSettled = false;
    const bramEdit = refusal(
      bram
        .transaction()
        .execute((trx) =>
          updateAtVersion(trx, 'people', { id, expectedVersion: 1 }, { name: 'Bram’s' }),
        ),
    ).finally(() => (bramSettled = true));
    // Bram's update waits for the row Anna's open transaction holds.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bramSettled).toBe(false);

    commitAnna();
    await annaEdit;
    expect((await bramEdit).code).toBe('stale_version');
    expect(await personOf(bram, id)).toEqual({ name: 'Anna’s', version: 2 });
  });
});
