import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, type HalfskyDatabase } from '../../src/store/create-database.js';
import { migrateToLatest } from '../../src/store/migrate-to-latest.js';

/** Every engine the store supports; repository tests run once per engine, as Kysely's run per dialect. */
export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

export interface TestDatabase {
  db: HalfskyDatabase;
  destroy: () => Promise<void>;
}

/**
 * A fresh, migrated database: in-memory SQLite, or a new PostgreSQL database with a random name on the
 * server the global setup provides (so test files can run in parallel).
 */
export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const db = await createDatabase({ database: { kind: 'sqlite', file: ':memory:' } });
    await migrateToLatest(db);
    return { db, destroy: () => db.destroy() };
  }
  const adminUrl = inject('postgresUrl');
  const name = `halfsky_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await createDatabase({ database: { kind: 'postgres', url: url.toString() } });
  await migrateToLatest(db);
  return {
    db,
    destroy: async () => {
      await db.destroy();
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name}`));
    },
  };
}

async function withAdmin(url: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
