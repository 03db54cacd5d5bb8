import { sql, type Kysely } from 'kysely';

/**
 * Observations (数据值): indicator × region × year × disaggregation → value. One row per key; a re-import
 * updates the row and bumps its version. `age` is '' for all ages, so the unique key never holds a null.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('observations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull().defaultTo('合计'))
    .addColumn('urban_rural', 'text', (c) => c.notNull().defaultTo('合计'))
    .addColumn('age', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    .addColumn('comment', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('approved'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('observations_key', [
      'indicator_code',
      'region_code',
      'year',
      'sex',
      'urban_rural',
      'age',
    ])
    .addCheckConstraint('observations_sex', sql`sex in ('女', '男', '合计')`)
    .addCheckConstraint('observations_urban_rural', sql`urban_rural in ('城镇', '农村', '合计')`)
    .addCheckConstraint('observations_status', sql`status in ('draft', 'submitted', 'approved')`)
    .addCheckConstraint('observations_source', sql`source in ('csv', 'xlsx', 'api', 'form')`)
    .execute();
  await db.schema
    .createIndex('observations_region_year')
    .on('observations')
    .columns(['region_code', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('observations').ifExists().execute();
}
