import type { Kysely } from 'kysely';

/**
 * Publications: a plan's results of one year that its owner released to the public section. Only what is
 * listed here is visible without login; withdrawing deletes the row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publications')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('publications_pk', ['plan_id', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('publications').execute();
}
