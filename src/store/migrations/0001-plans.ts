import { sql, type Kysely } from 'kysely';

/** Plans and their parts: areas, goals, measures, projects, targets, departments and responsibilities. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_region', 'text')
    .addColumn('period_start', 'integer', (c) => c.notNull())
    .addColumn('period_end', 'integer', (c) => c.notNull())
    .addColumn('source_format', 'text', (c) => c.notNull())
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('areas_plan_position', ['plan_id', 'position'])
    .execute();

  for (const table of ['goals', 'measures'] as const) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('area_id', 'text', (c) => c.notNull().references('areas.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('responsibility_raw', 'text')
      .addUniqueConstraint(`${table}_area_position`, ['area_id', 'position'])
      .execute();
    await db.schema.createIndex(`${table}_plan_id`).on(table).column('plan_id').execute();
  }

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('area', 'text')
    .addColumn('title', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('responsibility_raw', 'text')
    .addUniqueConstraint('projects_plan_position', ['plan_id', 'position'])
    .execute();

  await db.schema
    .createTable('targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('item', 'integer', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('comparator', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('unit', 'text')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addUniqueConstraint('targets_plan_position', ['plan_id', 'position'])
    .execute();
  await db.schema.createIndex('targets_indicator').on('targets').column('indicator').execute();

  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('responsibilities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('goal_id', 'text', (c) => c.references('goals.id').onDelete('cascade'))
    .addColumn('measure_id', 'text', (c) => c.references('measures.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('target_id', 'text', (c) => c.references('targets.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addCheckConstraint('responsibilities_role', sql`role in ('lead', 'supporting')`)
    .addCheckConstraint(
      'responsibilities_one_subject',
      sql`(case when goal_id is null then 0 else 1 end) + (case when measure_id is null then 0 else 1 end)
        + (case when project_id is null then 0 else 1 end) + (case when target_id is null then 0 else 1 end) = 1`,
    )
    .execute();
  await db.schema.createIndex('responsibilities_plan_id').on('responsibilities').column('plan_id').execute();
  await db.schema
    .createIndex('responsibilities_department_id')
    .on('responsibilities')
    .column('department_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'responsibilities',
    'departments',
    'targets',
    'projects',
    'measures',
    'goals',
    'areas',
    'plans',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
