/**
 * The full-text index over a ticket's subject, description and timeline: SQLite FTS5 or a
 * PostgreSQL tsvector with a GIN index. Text goes in folded by core's `searchDocument`
 * (lower case, no accents or tonos, final sigma folded), so "Εκτυπωτής" finds "ΕΚΤΥΠΩΤΗΣ"
 * and "imprimé" finds "IMPRIME" on both databases alike.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { searchDocument } from '@deskside/core';
import type { DialectName } from './dialect';

export async function createSearchIndex<DB>(db: Kysely<DB>, dialect: DialectName) {
  if (dialect === 'sqlite') {
    // rowid = ticket id. Words are already folded; unicode61 only splits them.
    await sql`CREATE VIRTUAL TABLE ticket_search USING fts5(
      subject, description, timeline, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
    return;
  }
  await sql`CREATE TABLE ticket_search (
    ticket_id integer PRIMARY KEY REFERENCES tickets(id),
    subject text NOT NULL,
    description text NOT NULL,
    timeline text NOT NULL,
    document tsvector GENERATED ALWAYS AS
      (to_tsvector('simple', subject || ' ' || description || ' ' || timeline)) STORED)`.execute(
    db,
  );
  await sql`CREATE INDEX ticket_search_document ON ticket_search USING gin (document)`.execute(db);
}

/** Adds a ticket's subject and description to the index (the migration that made it). */
export async function indexTicketText<DB>(
  db: Kysely<DB>,
  dialect: DialectName,
  ticketId: number,
  summary: string,
  description: string,
  timeline = '',
): Promise<void> {
  const [subject, body, entries] = [searchDocument(summary), searchDocument(description), timeline];
  await (
    dialect === 'sqlite'
      ? sql`INSERT INTO ticket_search (rowid, subject, description, timeline)
        VALUES (${ticketId}, ${subject}, ${body}, ${entries})`
      : sql`INSERT INTO ticket_search (ticket_id, subject, description, timeline)
        VALUES (${ticketId}, ${subject}, ${body}, ${entries})`
  ).execute(db);
}

/** Replaces the subject and description (folded already) after an edit; the timeline stays. */
export async function reindexTicketText<DB>(
  db: Kysely<DB>,
  dialect: DialectName,
  ticketId: number,
  text: Pick<SearchRow, 'subject' | 'description'>,
): Promise<void> {
  const key = dialect === 'sqlite' ? sql.raw('rowid') : sql.raw('ticket_id');
  await sql`UPDATE ticket_search SET subject = ${text.subject},
    description = ${text.description} WHERE ${key} = ${ticketId}`.execute(db);
}

/** Adds the text of a new timeline entry to its ticket's document. */
export async function indexTimelineText<DB>(
  db: Kysely<DB>,
  dialect: DialectName,
  ticketId: number,
  text: string,
): Promise<void> {
  const folded = searchDocument(text);
  if (!folded) return;
  const key = dialect === 'sqlite' ? sql.raw('rowid') : sql.raw('ticket_id');
  await sql`UPDATE ticket_search SET timeline = timeline || ' ' || ${folded}
    WHERE ${key} = ${ticketId}`.execute(db);
}

/**
 * A condition on `tickets.id`: the ticket's document contains every term (as a word or the
 * start of one). Terms are core's `searchTerms`: letters and digits only, so no search
 * syntax from the user reaches either database's query parser.
 */
export function ticketMatches(dialect: DialectName, terms: readonly string[]): RawBuilder<boolean> {
  const query = textQuery(dialect, terms, 'all');
  if (dialect === 'sqlite') {
    return sql<boolean>`tickets.id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ${query})`;
  }
  return sql<boolean>`tickets.id IN (SELECT ticket_id FROM ticket_search
    WHERE document @@ to_tsquery('simple', ${query}))`;
}

/**
 * A full-text query in the database's own syntax: every term ('all') or at least one
 * ('any'), each as a word or the start of one. Terms must come from core's `searchTerms`
 * (letters and digits only), so nothing the user typed is read as query syntax.
 */
export function textQuery(
  dialect: DialectName,
  terms: readonly string[],
  mode: 'all' | 'any',
): string {
  if (dialect === 'sqlite') {
    return terms.map((term) => `"${term}"*`).join(mode === 'all' ? ' ' : ' OR ');
  }
  return terms.map((term) => `${term}:*`).join(mode === 'all' ? ' & ' : ' | ');
}

export interface SearchRow {
  ticketId: number;
  /** Already folded with core's `searchDocument`. */
  subject: string;
  description: string;
  timeline: string;
}

/** Bulk loading (seed, benchmarks): many documents per statement. */
export async function indexTicketsBulk<DB>(
  db: Kysely<DB>,
  dialect: DialectName,
  rows: readonly SearchRow[],
): Promise<void> {
  const key = dialect === 'sqlite' ? sql.raw('rowid') : sql.raw('ticket_id');
  for (let i = 0; i < rows.length; i += 5000) {
    const values = rows
      .slice(i, i + 5000)
      .map((r) => sql`(${r.ticketId}, ${r.subject}, ${r.description}, ${r.timeline})`);
    await sql`INSERT INTO ticket_search (${key}, subject, description, timeline)
      VALUES ${sql.join(values)}`.execute(db);
  }
}
