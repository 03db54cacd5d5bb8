import { PostgresAdapter, sql, type Transaction } from 'kysely';
import type { Database } from './tables.js';

/**
 * Takes a round's lock until the transaction ends, on PostgreSQL (SQLite has one writer): every change of the
 * round's cells and of its status takes it, so a save never runs half before and half after a closing.
 */
export async function lockRound(trx: Transaction<Database>, id: string): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext(${id}))`.execute(trx);
}
