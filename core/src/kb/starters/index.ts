import type { z } from 'zod';
import { ArticleFieldsSchema } from '../schema';
import { accountArticles } from './account';
import { printerArticles } from './printer';
import { vpnArticles } from './vpn';

/** The articles Deskside ships with, each in English, Dutch, French and Greek; validated here. */
export const starterArticles: readonly z.output<typeof ArticleFieldsSchema>[] = [
  ...vpnArticles,
  ...printerArticles,
  ...accountArticles,
].map((article) => ArticleFieldsSchema.parse(article));
