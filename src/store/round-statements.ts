import type { SqliteHandle } from './create-database.js';

const statements = new WeakMap<SqliteHandle, Map<string, ReturnType<SqliteHandle['prepare']>>>();

/** A prepared statement of this connection, prepared once (a save of one cell should not re-prepare four). */
export function prepared(raw: SqliteHandle, text: string): ReturnType<SqliteHandle['prepare']> {
  let cache = statements.get(raw);
  if (!cache) statements.set(raw, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = raw.prepare(text)));
  return statement;
}
