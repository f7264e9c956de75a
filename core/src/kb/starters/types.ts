import type { z } from 'zod';
import type { ArticleFieldsSchema } from '../schema';

/** An article Deskside ships with, offered on an empty knowledge base. */
export type StarterArticle = z.input<typeof ArticleFieldsSchema>;
