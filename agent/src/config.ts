import envPaths from 'env-paths';
import { z } from 'zod';
import { DEFAULT_AGENT_PORT } from '@deskside/core';

export const defaultDataDir = (): string => envPaths('deskside-agent', { suffix: '' }).data;

/** Options of `deskside-agent serve`, validated before anything starts. */
export const ServeOptionsSchema = z.object({
  address: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[0-9A-Za-z.:-]+$/, 'address must be a host name or an IP address')
    .default('127.0.0.1'),
  port: z
    .union([
      z.number(),
      z
        .string()
        .regex(/^\d{1,5}$/, 'port must be a whole number')
        .transform(Number),
    ])
    .pipe(z.number().int().min(0).max(65535))
    .default(DEFAULT_AGENT_PORT),
  dataDir: z.string().min(1).default(defaultDataDir),
  tokenFile: z.string().min(1).optional(),
});
export type ServeOptions = z.infer<typeof ServeOptionsSchema>;

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(
      (issue) =>
        `--${issue.path
          .map(String)
          .join('.')
          .replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}`,
    )
    .join('\n');
}
