import { sql, type Kysely } from 'kysely';

/**
 * Reporting rounds (填报轮次): one per plan and year; the cells each department owes, with their review
 * state; and the observation history (every change to a value: who, when, old, new, reason, source).
 * Values themselves stay in `observations` (year = the round's year). No foreign key to plans: a plan
 * re-import replaces its rows, and a round must outlive that.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('opened_by', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rounds_plan_year', ['plan_id', 'year'])
    .addCheckConstraint('rounds_status', sql`status in ('open', 'closed')`)
    .execute();
  await db.schema
    .createTable('round_cells')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('urban_rural', 'text', (c) => c.notNull())
    .addColumn('age', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('owed'))
    .addColumn('return_reason', 'text')
    .addColumn('warnings', 'text')
    .addColumn('submitted_value', 'double precision')
    .addColumn('submitted_comment', 'text')
    .addColumn('first_submitted_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('round_cells_key', [
      'round_id',
      'indicator_code',
      'region_code',
      'sex',
      'urban_rural',
      'age',
    ])
    .addCheckConstraint(
      'round_cells_state',
      sql`state in ('owed', 'draft', 'submitted', 'returned', 'approved')`,
    )
    .execute();
  await db.schema
    .createIndex('round_cells_department')
    .on('round_cells')
    .columns(['round_id', 'department'])
    .execute();
  await db.schema
    .createIndex('round_cells_region')
    .on('round_cells')
    .columns(['round_id', 'region_code'])
    .execute();
  await db.schema
    .createTable('observation_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('urban_rural', 'text', (c) => c.notNull())
    .addColumn('age', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text')
    .addColumn('cell_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('old_value', 'double precision')
    .addColumn('new_value', 'double precision')
    .addColumn('old_state', 'text')
    .addColumn('new_state', 'text')
    .addColumn('reason', 'text')
    .addColumn('source', 'text')
    .addColumn('user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'observation_history_action',
      sql`action in ('save', 'submit', 'approve', 'return', 'reopen')`,
    )
    .execute();
  await db.schema
    .createIndex('observation_history_cell')
    .on('observation_history')
    .columns(['cell_id', 'at'])
    .execute();
  await db.schema
    .createIndex('observation_history_key')
    .on('observation_history')
    .columns(['indicator_code', 'region_code', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('observation_history').ifExists().execute();
  await db.schema.dropTable('round_cells').ifExists().execute();
  await db.schema.dropTable('rounds').ifExists().execute();
}
