import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import {
  PersonSchema,
  foldForSearch,
  type Person,
  type PersonInputSchema,
  type UpdatePersonInputSchema,
} from '@deskside/core';
import type { PeopleTable } from '../database/schema';
import type { Store } from '../database/store';
import { notFound, updateAtVersion } from '../database/versioned';
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
    if (!row) throw notFound('people', id);
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
      const row = await updateAtVersion(
        trx,
        'people',
        { id, expectedVersion },
        {
          ...fields,
          machines: JSON.stringify(fields.machines),
          searchText: personSearchText(fields),
          updatedAt: now,
        },
      );
      publish({ type: 'people.changed', ticketId: null, at: now });
      return toPerson(row);
    });
  }
}
