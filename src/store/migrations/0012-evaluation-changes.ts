import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Tables whose changes alter an evaluation other than through one value: the plan, its targets, links and
 * responsible departments, and the reporting rounds (a round's deadline decides whether missing data is
 * late). A change to any of them asks for a full rebuild. (Regions are read from the bundled tree, not the
 * table.)
 */
const STRUCTURAL = ['plans', 'targets', 'target_links', 'responsibilities', 'rounds'] as const;
/** 0006 watched these with plain version bumps; this migration replaces those triggers. */
const WATCHED_0006 = ['plans', 'targets', 'target_links'] as const;
/** More evaluated values changed by one PostgreSQL statement than this: a full rebuild instead of a log. */
export const LARGE_STATEMENT = 256;

/**
 * The change log that lets a cached evaluation catch up instead of rebuilding (issue 5, "one change ≤ 20 ms").
 * `evaluation_changes` holds the key (indicator, region, year, sex) of every evaluated observation (approved
 * before or after, urban + rural together, all ages) changed, with the data version of the change;
 * `evaluation_data_version.structure_version` is the version of the last change a log cannot express (a
 * plan, target, link, responsibility or round; a large statement; a truncate), and `changes_from` the
 * version the log is complete after (older entries are pruned by the service).
 *
 * PostgreSQL: statement-level triggers with transition tables; a statement that changes more than
 * LARGE_STATEMENT evaluated values (an import's chunk) moves `structure_version` instead of writing its keys,
 * so a bulk import writes no log. The version row is locked from the bump to the commit, so versions follow
 * commit order and a reader that sees version V has every log entry ≤ V.
 * SQLite: row triggers on update and delete only (inserts show as rowids above the cached largest one, as
 * before, so a bulk import pays nothing); a delete of the row with the largest rowid moves
 * `structure_version`, since SQLite may then hand that rowid out again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('evaluation_data_version')
    .addColumn('structure_version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('evaluation_data_version')
    .addColumn('changes_from', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update evaluation_data_version set structure_version = version, changes_from = version`.execute(
    db,
  );
  await db.schema
    .createTable('evaluation_changes')
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evaluation_changes_version')
    .on('evaluation_changes')
    .column('version')
    .execute();
  if (isPostgres(db)) await postgresTriggers(db);
  else await sqliteTriggers(db);
}

/** An observation row counts for an evaluation (what `loadApprovedObservations` reads, bar the year). */
const EVALUATED = (row: string) =>
  `${row}.status = 'approved' and ${row}.urban_rural = '合计' and ${row}.age = ''`;

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists observations_data_version on observations`.execute(db);
  for (const table of WATCHED_0006)
    await sql`drop trigger if exists ${sql.raw(`${table}_data_version`)} on ${sql.table(table)}`.execute(db);
  await sql`
    create or replace function halfsky_structure_changed() returns trigger language plpgsql as $$
    declare v bigint;
    begin
      update evaluation_data_version set version = version + 1, structure_version = version + 1 where id = 1
        returning version into v;
      perform pg_notify('halfsky_data_changed', v::text);
      return null;
    end $$`.execute(db);
  // One function per event: each reads the transition tables its trigger declares.
  const changed = (name: string, keys: string) => sql`
    create or replace function ${sql.raw(name)}() returns trigger language plpgsql as $$
    declare v bigint; n bigint;
    begin
      update evaluation_data_version set version = version + 1 where id = 1 returning version into v;
      select count(*) into n from (${sql.raw(keys)}) k;
      if n > ${sql.lit(LARGE_STATEMENT)} then
        update evaluation_data_version set structure_version = v where id = 1;
      elsif n > 0 then
        insert into evaluation_changes (version, indicator_code, region_code, year, sex)
          select v, k.indicator_code, k.region_code, k.year, k.sex from (${sql.raw(keys)}) k;
      end if;
      perform pg_notify('halfsky_data_changed', v::text);
      return null;
    end $$`;
  const keysOf = (table: string) =>
    `select indicator_code, region_code, year, sex from ${table} r where ${EVALUATED('r')}`;
  await changed('halfsky_observations_inserted', keysOf('new_rows')).execute(db);
  await changed('halfsky_observations_updated', `${keysOf('old_rows')} union ${keysOf('new_rows')}`).execute(
    db,
  );
  await changed('halfsky_observations_deleted', keysOf('old_rows')).execute(db);
  await sql`
    create trigger observations_inserted_changes after insert on observations
    referencing new table as new_rows for each statement execute function halfsky_observations_inserted()`.execute(
    db,
  );
  await sql`
    create trigger observations_updated_changes after update on observations
    referencing old table as old_rows new table as new_rows
    for each statement execute function halfsky_observations_updated()`.execute(db);
  await sql`
    create trigger observations_deleted_changes after delete on observations
    referencing old table as old_rows for each statement execute function halfsky_observations_deleted()`.execute(
    db,
  );
  await sql`
    create trigger observations_truncated_changes after truncate on observations
    for each statement execute function halfsky_structure_changed()`.execute(db);
  for (const table of STRUCTURAL) {
    await sql`
      create trigger ${sql.raw(`${table}_structure_changed`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function halfsky_structure_changed()`.execute(db);
  }
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists observations_update_data_version`.execute(db);
  await sql`drop trigger if exists observations_delete_data_version`.execute(db);
  for (const table of WATCHED_0006)
    for (const event of ['insert', 'update', 'delete'])
      await sql`drop trigger if exists ${sql.raw(`${table}_${event}_data_version`)}`.execute(db);
  const log = (row: 'old' | 'new', when: string) =>
    `insert into evaluation_changes (version, indicator_code, region_code, year, sex)
       select version, ${row}.indicator_code, ${row}.region_code, ${row}.year, ${row}.sex
       from evaluation_data_version where id = 1 and ${when};`;
  const keyMoved = ['indicator_code', 'region_code', 'year', 'sex', 'urban_rural', 'age']
    .map((c) => `old.${c} is not new.${c}`)
    .join(' or ');
  // Only a change to what an evaluation reads fires it (a draft saved again with the same value does not).
  await sql`
    create trigger observations_update_data_version after update on observations for each row
    when old.value is not new.value or old.numerator is not new.numerator
      or old.denominator is not new.denominator or old.status is not new.status or ${sql.raw(keyMoved)}
    begin
      update evaluation_data_version set version = version + 1 where id = 1;
      ${sql.raw(log('old', `(${EVALUATED('old')} or ${EVALUATED('new')})`))}
      ${sql.raw(log('new', `(${keyMoved}) and (${EVALUATED('old')} or ${EVALUATED('new')})`))}
    end`.execute(db);
  await sql`
    create trigger observations_delete_data_version after delete on observations for each row
    begin
      update evaluation_data_version set version = version + 1,
        structure_version = case when old.rowid > coalesce((select max(rowid) from observations), 0)
          then version + 1 else structure_version end
        where id = 1;
      ${sql.raw(log('old', EVALUATED('old')))}
    end`.execute(db);
  for (const table of STRUCTURAL) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`
        create trigger ${sql.raw(`${table}_${event}_structure_changed`)} after ${sql.raw(event)} on ${sql.table(table)}
        for each row begin
          update evaluation_data_version set version = version + 1, structure_version = version + 1 where id = 1;
        end`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const event of ['inserted', 'updated', 'deleted', 'truncated'])
      await sql`drop trigger if exists ${sql.raw(`observations_${event}_changes`)} on observations`.execute(
        db,
      );
    for (const table of STRUCTURAL)
      await sql`drop trigger if exists ${sql.raw(`${table}_structure_changed`)} on ${sql.table(table)}`.execute(
        db,
      );
    for (const fn of ['inserted', 'updated', 'deleted'])
      await sql`drop function if exists ${sql.raw(`halfsky_observations_${fn}`)}()`.execute(db);
    await sql`drop function if exists halfsky_structure_changed()`.execute(db);
    for (const table of ['observations', ...WATCHED_0006])
      await sql`
        create trigger ${sql.raw(`${table}_data_version`)}
        after insert or update or delete or truncate on ${sql.table(table)}
        for each statement execute function halfsky_bump_data_version()`.execute(db);
  } else {
    await sql`drop trigger if exists observations_update_data_version`.execute(db);
    await sql`drop trigger if exists observations_delete_data_version`.execute(db);
    for (const table of STRUCTURAL)
      for (const event of ['insert', 'update', 'delete'])
        await sql`drop trigger if exists ${sql.raw(`${table}_${event}_structure_changed`)}`.execute(db);
    const bump = sql.raw('update evaluation_data_version set version = version + 1 where id = 1;');
    await sql`
      create trigger observations_update_data_version after update on observations for each row
      when old.value is not new.value or old.numerator is not new.numerator
        or old.denominator is not new.denominator or old.status is not new.status
      begin ${bump} end`.execute(db);
    await sql`
      create trigger observations_delete_data_version after delete on observations for each row
      begin ${bump} end`.execute(db);
    for (const table of WATCHED_0006)
      for (const event of ['insert', 'update', 'delete'])
        await sql`
          create trigger ${sql.raw(`${table}_${event}_data_version`)} after ${sql.raw(event)} on ${sql.table(table)}
          for each row begin ${bump} end`.execute(db);
  }
  await db.schema.dropTable('evaluation_changes').ifExists().execute();
  await db.schema.alterTable('evaluation_data_version').dropColumn('changes_from').execute();
  await db.schema.alterTable('evaluation_data_version').dropColumn('structure_version').execute();
}

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
