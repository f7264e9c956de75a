import { z } from 'zod';
import { VersionSchema } from '../people';
import { LanguageSchema } from '../settings';
import { TicketStatusSchema } from '../workflow/lifecycle';
import { CategoryIdSchema } from '../workflow/categories';

export const ArticleIdSchema = z.number().int().positive();
const TicketRefSchema = z.number().int().positive();

/**
 * A tag is one word or hyphenated words in any script ("vpn", "mfa", "εκτυπωτής"), kept in
 * lower case so "VPN" and "vpn" are one tag.
 */
export const TagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u,
    'A tag is letters and digits, words joined by hyphens (printer, paper-jam)',
  )
  .max(40, 'A tag has at most 40 characters');

export const MAX_TAGS = 10;

const TagsSchema = z
  .array(TagSchema)
  .max(MAX_TAGS, `An article has at most ${MAX_TAGS} tags`)
  .transform((tags) => [...new Set(tags)].sort());

/** What an analyst writes: Markdown, rendered without raw HTML. */
export const ArticleFieldsSchema = z.object({
  title: z.string().trim().min(3, 'Give the article a title').max(200),
  body: z.string().trim().min(1, 'Write the article').max(50_000),
  language: LanguageSchema,
  category: CategoryIdSchema.nullable().default(null),
  tags: TagsSchema.default([]),
});

export const CreateArticleInputSchema = ArticleFieldsSchema.extend({
  /** The resolved ticket the article was written from; it is linked to the article. */
  sourceTicketId: TicketRefSchema.nullable().default(null),
});
export type CreateArticleInput = z.input<typeof CreateArticleInputSchema>;

export const UpdateArticleInputSchema = ArticleFieldsSchema.extend({
  id: ArticleIdSchema,
  expectedVersion: VersionSchema,
});

/** How an article has served: tickets it was linked to, and whether it helped there. */
const UsageSchema = z.object({
  usageCount: z.number().int().nonnegative(),
  helpedCount: z.number().int().nonnegative(),
  notHelpedCount: z.number().int().nonnegative(),
});

/** An article in a list: everything but the body. */
export const ArticleSummarySchema = UsageSchema.extend({
  id: ArticleIdSchema,
  version: VersionSchema,
  title: z.string(),
  language: LanguageSchema,
  category: CategoryIdSchema.nullable(),
  tags: z.array(z.string()),
  updatedBy: z.string(),
  updatedAt: z.iso.datetime(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export const ArticleUseSchema = z.object({
  ticketId: TicketRefSchema,
  summary: z.string(),
  status: TicketStatusSchema,
  linkedBy: z.string(),
  linkedAt: z.iso.datetime(),
  /** null until the analyst says whether it helped on that ticket. */
  helped: z.boolean().nullable(),
});
export type ArticleUse = z.infer<typeof ArticleUseSchema>;

export const ArticleSchema = ArticleSummarySchema.extend({
  body: z.string(),
  sourceTicketId: TicketRefSchema.nullable(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  /** The most recent tickets it was linked to. */
  uses: z.array(ArticleUseSchema),
});
export type Article = z.infer<typeof ArticleSchema>;

export const KB_SORTS = ['relevance', 'updated', 'usage', 'helpful'] as const;
export const KbSortSchema = z.enum(KB_SORTS);
export type KbSort = z.infer<typeof KbSortSchema>;

export const KbSearchQuerySchema = z.object({
  search: z.string().trim().max(200).default(''),
  /** A category and everything under it. */
  category: CategoryIdSchema.optional(),
  tag: TagSchema.optional(),
  language: LanguageSchema.optional(),
  /** Default: relevance when searching, else the most recently updated first. */
  sort: KbSortSchema.optional(),
  limit: z.number().int().min(1).max(100).default(25),
  offset: z.number().int().min(0).max(100_000).default(0),
});
export type KbSearchQuery = z.input<typeof KbSearchQuerySchema>;
export type KbSearchQueryParsed = z.output<typeof KbSearchQuerySchema>;

export const KbPageSchema = z.object({
  articles: z.array(ArticleSummarySchema),
  hasMore: z.boolean(),
});
export type KbPage = z.infer<typeof KbPageSchema>;

export const KbTagCountSchema = z.object({ tag: z.string(), count: z.number().int().positive() });

/** Articles that may answer a ticket whose summary is `text` (while it is being typed). */
export const KbSuggestInputSchema = z.object({
  text: z.string().max(2_000),
  limit: z.number().int().min(1).max(10).default(5),
});

export const LinkArticlesInputSchema = z.object({
  ticketId: TicketRefSchema,
  articleIds: z
    .array(ArticleIdSchema)
    .min(1, 'Choose an article')
    .max(20)
    .transform((ids) => [...new Set(ids)]),
});
export const UnlinkArticleInputSchema = z.object({
  ticketId: TicketRefSchema,
  articleId: ArticleIdSchema,
});
export const ArticleFeedbackInputSchema = UnlinkArticleInputSchema.extend({
  helped: z.boolean(),
});

/** An article linked to a ticket, as the ticket page shows it. */
export const LinkedArticleSchema = z.object({
  article: ArticleSummarySchema,
  linkedBy: z.string(),
  linkedAt: z.iso.datetime(),
  helped: z.boolean().nullable(),
});
export type LinkedArticle = z.infer<typeof LinkedArticleSchema>;

export const StarterArticlesResultSchema = z.object({ added: z.number().int().nonnegative() });

/** Tags as an analyst types them in one field: separated by commas or spaces. */
export const splitTags = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
