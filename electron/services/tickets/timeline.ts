import type { TimelineEntry, TimelineKind } from '@deskside/core';
import type { Db } from '../database/open';
import type { DialectName } from '../database/dialect';
import { indexTimelineText } from '../database/search-index';
import { toTimelineEntry } from './rows';

export interface EntryDraft {
  kind: TimelineKind;
  body?: string;
  data?: Record<string, unknown>;
}

/**
 * Appends entries to a ticket's timeline (append-only: the database refuses changes) and
 * adds their text to the search index, in the caller's transaction.
 */
export async function appendEntries(
  trx: Db,
  dialect: DialectName,
  ticketId: number,
  author: string,
  at: string,
  drafts: readonly EntryDraft[],
): Promise<TimelineEntry[]> {
  if (drafts.length === 0) return [];
  const rows = await trx
    .insertInto('timeline')
    .values(
      drafts.map((draft) => ({
        ticketId,
        kind: draft.kind,
        author,
        at,
        body: draft.body ?? '',
        data: JSON.stringify(draft.data ?? {}),
      })),
    )
    .returningAll()
    .execute();
  const text = drafts.map((draft) => draft.body ?? '').join(' ');
  await indexTimelineText(trx, dialect, ticketId, text);
  return rows.map(toTimelineEntry);
}

export async function timelineOf(db: Db, ticketId: number): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('timeline')
    .selectAll()
    .where('ticketId', '=', ticketId)
    .orderBy('id')
    .execute();
  return rows.map(toTimelineEntry);
}
