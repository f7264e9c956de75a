/**
 * The knowledge base's full-text index over an article's title, tags and body: SQLite FTS5
 * or a PostgreSQL tsvector with a GIN index, with text folded by core's `searchDocument` as
 * the ticket index is (case, accents and Greek tonos ignored on both databases). Matches
 * come with a score, lower is better, so results can be ranked: the title counts most.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { searchDocument } from '@deskside/core';
import type { DialectName } from './dialect';
import { textQuery } from './search-index';

export async function createKbSearchIndex<DB>(db: Kysely<DB>, dialect: DialectName) {
  if (dialect === 'sqlite') {
    // rowid = article id. Words are already folded; unicode61 only splits them.
    await sql`CREATE VIRTUAL TABLE kb_search USING fts5(
      title, tags, body, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
    return;
  }
  await sql`CREATE TABLE kb_search (
    article_id integer PRIMARY KEY REFERENCES kb_articles(id),
    title text NOT NULL,
    tags text NOT NULL,
    body text NOT NULL,
    document tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('simple', title), 'A') ||
      setweight(to_tsvector('simple', tags), 'B') ||
      setweight(to_tsvector('simple', body), 'D')) STORED)`.execute(db);
  await sql`CREATE INDEX kb_search_document ON kb_search USING gin (document)`.execute(db);
}

export interface IndexedArticle {
  id: number;
  title: string;
  tags: readonly string[];
  body: string;
}

/** Puts an article's current text in the index (a new article, or after an edit). */
export async function indexArticle<DB>(
  db: Kysely<DB>,
  dialect: DialectName,
  article: IndexedArticle,
): Promise<void> {
  const key = dialect === 'sqlite' ? sql.raw('rowid') : sql.raw('article_id');
  const [title, tags, body] = [
    searchDocument(article.title),
    searchDocument(...article.tags),
    searchDocument(article.body),
  ];
  await sql`DELETE FROM kb_search WHERE ${key} = ${article.id}`.execute(db);
  await sql`INSERT INTO kb_search (${key}, title, tags, body)
    VALUES (${article.id}, ${title}, ${tags}, ${body})`.execute(db);
}

export interface KbMatch {
  articleId: number;
  score: number;
}

/**
 * The articles whose text has every term ('all': a search) or any of them ('any': a
 * suggestion), as a derived table (article_id, score) to join on; lower scores rank first.
 */
export function kbMatches(
  dialect: DialectName,
  terms: readonly string[],
  mode: 'all' | 'any',
): RawBuilder<KbMatch> {
  const query = textQuery(dialect, terms, mode);
  if (dialect === 'sqlite') {
    // bm25 is negative, better matches more so; weights are title, tags, body.
    return sql<KbMatch>`(SELECT rowid AS article_id, bm25(kb_search, 10.0, 5.0, 1.0) AS score
      FROM kb_search WHERE kb_search MATCH ${query})`;
  }
  return sql<KbMatch>`(SELECT article_id, -ts_rank(document, to_tsquery('simple', ${query})) AS score
    FROM kb_search WHERE document @@ to_tsquery('simple', ${query}))`;
}
