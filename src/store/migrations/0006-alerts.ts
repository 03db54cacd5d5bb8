import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** Tables whose changes alter an evaluation: the values and the plans' targets and links. */
const WATCHED = ['observations', 'plans', 'targets', 'target_links'] as const;

/**
 * Alerts (预警) and their follow-up history (督办), and the data version the evaluation cache is keyed by.
 * `evaluation_data_version` holds one row whose version the database itself bumps on every change to
 * observations, plans, targets and target links, whoever writes them: on PostgreSQL one statement-level
 * trigger per table, which also sends NOTIFY halfsky_data_changed so other processes drop their caches;
 * on SQLite (one process) row triggers on updates and deletes only — inserts show in max(rowid), so a bulk
 * import pays nothing extra.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evaluation_data_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into evaluation_data_version (id, version) values (1, 0)`.execute(db);

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addColumn('indicator_code', 'text')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reason_en', 'text', (c) => c.notNull())
    .addColumn('departments', 'text', (c) => c.notNull())
    .addColumn('action_plan', 'text')
    .addColumn('due_date', 'text')
    .addColumn('closed_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('alerts_key', ['plan_id', 'target_key', 'region_code', 'year', 'rule'])
    .addCheckConstraint('alerts_level', sql`level in ('red', 'yellow')`)
    .addCheckConstraint(
      'alerts_status',
      sql`status in ('issued', 'acknowledged', 'escalated', 'resolved', 'closed')`,
    )
    .execute();
  await db.schema.createIndex('alerts_plan_year').on('alerts').columns(['plan_id', 'year']).execute();
  await db.schema.createIndex('alerts_region').on('alerts').column('region_code').execute();

  await db.schema
    .createTable('alert_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .addColumn('due_date', 'text')
    .addUniqueConstraint('alert_events_position', ['alert_id', 'position'])
    .execute();

  const postgres = isPostgres(db);
  if (postgres) {
    await sql`
      create or replace function halfsky_bump_data_version() returns trigger language plpgsql as $$
      declare v bigint;
      begin
        update evaluation_data_version set version = version + 1 where id = 1 returning version into v;
        perform pg_notify('halfsky_data_changed', v::text);
        return null;
      end $$`.execute(db);
    for (const table of WATCHED) {
      await sql`
        create trigger ${sql.raw(`${table}_data_version`)}
        after insert or update or delete or truncate on ${sql.table(table)}
        for each statement execute function halfsky_bump_data_version()`.execute(db);
    }
    return;
  }
  const bump = sql.raw('update evaluation_data_version set version = version + 1 where id = 1;');
  await sql`
    create trigger observations_update_data_version after update on observations for each row
    when old.value is not new.value or old.numerator is not new.numerator
      or old.denominator is not new.denominator or old.status is not new.status
    begin ${bump} end`.execute(db);
  await sql`
    create trigger observations_delete_data_version after delete on observations for each row
    begin ${bump} end`.execute(db);
  for (const table of WATCHED.filter((t) => t !== 'observations')) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`
        create trigger ${sql.raw(`${table}_${event}_data_version`)} after ${sql.raw(event)} on ${sql.table(table)}
        for each row begin ${bump} end`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = isPostgres(db);
  if (postgres) {
    for (const table of WATCHED)
      await sql`drop trigger if exists ${sql.raw(`${table}_data_version`)} on ${sql.table(table)}`.execute(
        db,
      );
    await sql`drop function if exists halfsky_bump_data_version()`.execute(db);
  } else {
    await sql`drop trigger if exists observations_update_data_version`.execute(db);
    await sql`drop trigger if exists observations_delete_data_version`.execute(db);
    for (const table of WATCHED.filter((t) => t !== 'observations'))
      for (const event of ['insert', 'update', 'delete'])
        await sql`drop trigger if exists ${sql.raw(`${table}_${event}_data_version`)}`.execute(db);
  }
  await db.schema.dropTable('alert_events').ifExists().execute();
  await db.schema.dropTable('alerts').ifExists().execute();
  await db.schema.dropTable('evaluation_data_version').ifExists().execute();
}

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
