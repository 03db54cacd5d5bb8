import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type { DatabaseConfig } from '../config/load-config.js';
import type { Database } from './tables.js';

export type HalfskyDatabase = Kysely<Database>;

/** The better-sqlite3 handle behind a SQLite database, for the few bulk paths that prepare statements. */
export type SqliteHandle = import('better-sqlite3').Database;
const sqliteHandles = new WeakMap<HalfskyDatabase, SqliteHandle>();

/** The better-sqlite3 handle of a SQLite database, or null on PostgreSQL. */
export function sqliteHandle(db: HalfskyDatabase): SqliteHandle | null {
  return sqliteHandles.get(db) ?? null;
}

/**
 * Opens the database the configuration names: PostgreSQL (pg pool) for a `postgres` URL, otherwise a SQLite
 * file (better-sqlite3), creating its directory. Drivers are imported here, lazily, and nowhere else.
 */
export async function createDatabase(config: { database: DatabaseConfig }): Promise<HalfskyDatabase> {
  const { Kysely, PostgresDialect, SqliteDialect } = await import('kysely');
  const database = config.database;
  if (database.kind === 'postgres') {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const { default: SQLite } = await import('better-sqlite3');
  if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
  const sqlite = new SQLite(database.file);
  sqlite.pragma('journal_mode = WAL');
  // WAL's recommended setting: a commit is not synced to disk on its own (checkpoints are); the database
  // stays consistent after a crash or power loss, which can lose only the last commits. Saves no longer
  // queue behind one fsync each.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  sqliteHandles.set(db, sqlite);
  return db;
}

/** Statements kept per connection: the most recently used SQL texts, each prepared once. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely's SQLite driver sees it, with `prepare` memoised: the driver prepares every query
 * anew (about a quarter of a millisecond for a join), while the same SQL texts recur on every request. A
 * statement that is busy (a streamed query still iterating) is not handed out again.
 */
function withStatementCache(sqlite: SqliteHandle) {
  const cache = new Map<string, ReturnType<SqliteHandle['prepare']>>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}
