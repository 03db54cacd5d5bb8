import type { Kysely } from 'kysely';

/**
 * Responsibilities edited by a person, per plan item: re-importing the plan document re-applies them, so a
 * corrected 责任单位 is never lost to the document's wording. No foreign key to the plan's items: a re-import
 * deletes and re-inserts those rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('responsibility_edits')
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('item_kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('departments', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('responsibility_edits_pk', ['plan_id', 'item_kind', 'item_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('responsibility_edits').ifExists().execute();
}
