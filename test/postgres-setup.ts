import type { TestProject } from 'vitest/node';
import { startPostgres } from './helpers/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway cluster's `postgres` database; tests create their own databases on it. */
    postgresAdminUrl: string;
  }
}

/** One throwaway PostgreSQL cluster for the whole run; every test makes its own database. */
export default async function setup(project: TestProject) {
  const cluster = await startPostgres();
  project.provide('postgresAdminUrl', cluster.url('postgres'));
  return () => cluster.stop();
}
