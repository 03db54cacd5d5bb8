import type { Kysely } from 'kysely';

/** Marks simulated (模拟数据) observations, as the demo stores them, apart from reported ones. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('observations')
    .addColumn('simulated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('observations').dropColumn('simulated').execute();
}
