import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import {
  DesksideError,
  PersonSchema,
  foldForSearch,
  type Person,
  type PersonInputSchema,
  type UpdatePersonInputSchema,
} from '@deskside/core';
import type { PeopleTable } from '../database/schema';
import type { Store } from '../database/store';
import { parseJson } from '../tickets/rows';

export function toPerson(row: Selectable<PeopleTable>): Person {
  return PersonSchema.parse({ ...row, machines: parseJson(row.machines) });
}

const LIST_LIMIT = 200;

export const personSearchText = (person: { name: string; email: string }) =>
  foldForSearch(`${person.name} ${person.email}`);

/** The people directory: who calls the desk, where they sit, and which machines are theirs. */
export class PeopleService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async list(search: string): Promise<Person[]> {
    let query = this.store.db
      .selectFrom('people')
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .limit(LIST_LIMIT);
    const folded = foldForSearch(search);
    if (folded) {
      // LIKE's wildcards in what the analyst typed are literal characters.
      const pattern = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where(sql<boolean>`search_text LIKE ${pattern} ESCAPE '\\'`);
    }
    return (await query.execute()).map(toPerson);
  }

  async get(id: number): Promise<Person> {
    const row = await this.store.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new DesksideError('not_found', `Person ${id} is not in the directory`);
    return toPerson(row);
  }

  async create(input: z.output<typeof PersonInputSchema>): Promise<Person> {
    const now = this.now().toISOString();
    return this.store.write(async (trx, publish) => {
      const row = await trx
        .insertInto('people')
        .values({
          ...input,
          machines: JSON.stringify(input.machines),
          searchText: personSearchText(input),
          createdAt: now,
          updatedAt: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      publish({ type: 'people.changed', ticketId: null, at: now });
      return toPerson(row);
    });
  }

  async update(input: z.output<typeof UpdatePersonInputSchema>): Promise<Person> {
    const now = this.now().toISOString();
    const { id, expectedVersion, ...fields } = input;
    return this.store.write(async (trx, publish) => {
      const row = await trx
        .updateTable('people')
        .set((eb) => ({
          ...fields,
          machines: JSON.stringify(fields.machines),
          searchText: personSearchText(fields),
          version: eb('version', '+', 1),
          updatedAt: now,
        }))
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returningAll()
        .executeTakeFirst();
      if (!row) {
        const current = await trx
          .selectFrom('people')
          .select(['version', 'updatedAt'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!current) throw new DesksideError('not_found', `Person ${id} is not in the directory`);
        throw new DesksideError(
          'stale_version',
          `${fields.name}'s record was changed at ${current.updatedAt} after you opened it (you have version ${expectedVersion}, it is now at version ${current.version}). Reload it, then make your change again.`,
        );
      }
      publish({ type: 'people.changed', ticketId: null, at: now });
      return toPerson(row);
    });
  }
}
