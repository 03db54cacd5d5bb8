import { sql, type Kysely } from 'kysely';

/**
 * Closing reporting rounds: who closed a round and when (on `rounds`), and every close and reopen with its
 * reason (`round_status_changes`). A closed round keeps its cells and values, readable; no value of it can be
 * saved, submitted or uploaded until the monitoring lead reopens it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rounds').addColumn('closed_at', 'text').execute();
  await db.schema.alterTable('rounds').addColumn('closed_by', 'text').execute();
  await db.schema
    .createTable('round_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addCheckConstraint('round_status_changes_status', sql`status in ('open', 'closed')`)
    .execute();
  await db.schema
    .createIndex('round_status_changes_round')
    .on('round_status_changes')
    .columns(['round_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('round_status_changes').ifExists().execute();
  await db.schema.alterTable('rounds').dropColumn('closed_by').execute();
  await db.schema.alterTable('rounds').dropColumn('closed_at').execute();
}
