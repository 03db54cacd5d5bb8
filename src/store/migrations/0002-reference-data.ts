import type { Kysely } from 'kysely';

/**
 * Reference data: regions (the subtrees plans need, filled on demand from the region tree), the indicator
 * catalogue (synced from code) and the links of plan targets to indicators. Target links are keyed by plan
 * and target key, not by target row id, so that a manual override survives a re-import of the plan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .execute();
  await db.schema.createIndex('regions_parent_code').on('regions').column('parent_code').execute();
  await db.schema.createIndex('regions_name').on('regions').column('name').execute();

  await db.schema
    .createTable('indicators')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('caliber', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('supporting_departments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('disaggregations', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('roll_up', 'text', (c) => c.notNull())
    .addColumn('band', 'text')
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('target_links')
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.references('indicators.code'))
    .addColumn('method', 'text')
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('matched', 'text')
    .addColumn('overridden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('target_links_pk', ['plan_id', 'target_key'])
    .execute();
  await db.schema
    .createIndex('target_links_indicator_code')
    .on('target_links')
    .column('indicator_code')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['target_links', 'indicators', 'regions']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
