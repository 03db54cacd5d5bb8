import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config/load-config.js';
import { startEmbeddedPostgres } from './support/embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server the tests use; each test file creates its own database in it. */
    postgresUrl: string;
  }
}

/**
 * Provides a PostgreSQL server to the tests: the one DATABASE_URL names, or else a real PostgreSQL
 * started here with embedded-postgres in a temporary directory on a free port (about a second).
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const config = loadConfig(process.env);
  if (config.database.kind === 'postgres') {
    project.provide('postgresUrl', config.database.url);
    return undefined;
  }
  const server = await startEmbeddedPostgres();
  project.provide('postgresUrl', server.url);
  return server.stop;
}
