import type { Kysely, Migration } from 'kysely';
import { identityColumn, type DialectName } from '../dialect';
import { createKbSearchIndex } from '../kb-search-index';

/** Knowledge-base articles, their tags, the tickets they were used on, and their search index. */
export function knowledgeBase(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('kb_articles')
        .addColumn('id', 'integer', identityColumn(dialect))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('title', 'text', (c) => c.notNull())
        // Markdown; rendered without raw HTML.
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('source_ticket_id', 'integer', (c) => c.references('tickets.id'))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      for (const column of ['updated_at', 'category', 'language']) {
        await db.schema
          .createIndex(`kb_articles_${column}`)
          .on('kb_articles')
          .column(column)
          .execute();
      }

      await db.schema
        .createTable('kb_article_tags')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('kb_articles.id'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('kb_article_tags_pk', ['article_id', 'tag'])
        .execute();
      await db.schema
        .createIndex('kb_article_tags_tag')
        .on('kb_article_tags')
        .column('tag')
        .execute();

      // One row per ticket an article was used on; `helped` is the analyst's verdict there.
      await db.schema
        .createTable('kb_links')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('kb_articles.id'))
        .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
        .addColumn('linked_by', 'text', (c) => c.notNull())
        .addColumn('linked_at', 'text', (c) => c.notNull())
        .addColumn('helped', 'integer')
        .addColumn('feedback_by', 'text')
        .addColumn('feedback_at', 'text')
        .addPrimaryKeyConstraint('kb_links_pk', ['article_id', 'ticket_id'])
        .execute();
      await db.schema
        .createIndex('kb_links_ticket')
        .on('kb_links')
        .columns(['ticket_id', 'linked_at'])
        .execute();

      await createKbSearchIndex(db, dialect);
    },
  };
}
