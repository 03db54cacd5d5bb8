import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * SQLite only: the CHECK constraints of `observations` written as `x = 'a' or x = 'b'` instead of
 * `x in ('a', 'b')`, which SQLite evaluates through a temporary b-tree on every row (12 µs instead of 5 µs
 * per inserted row; a million-row import spent most of its time there). SQLite cannot alter a constraint, so
 * the table is rebuilt (create, copy, drop, rename, indexes again), inside the migration's transaction.
 * PostgreSQL evaluates IN lists cheaply and keeps its constraints.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await rebuild(db, (ddl) =>
    ddl.replace(/check \((\w+) in \(([^)]*)\)\)/g, (_all, column: string, list: string) => {
      const values = list.split(',').map((v) => v.trim());
      return `check (${values.map((v) => `${column} = ${v}`).join(' or ')})`;
    }),
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await rebuild(db, (ddl) =>
    ddl.replace(/check \(((?:\w+ = '[^']*'(?: or )?)+)\)/g, (_all, ors: string) => {
      const terms = ors.split(' or ').map((t) => t.split(' = '));
      return `check (${terms[0]![0]} in (${terms.map((t) => t[1]).join(', ')}))`;
    }),
  );
}

/** Rebuilds `observations` with its CREATE TABLE statement rewritten, keeping rows, indexes and triggers. */
async function rebuild(db: Kysely<unknown>, rewrite: (ddl: string) => string): Promise<void> {
  const { rows: table } = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'table' and name = 'observations'`.execute(db);
  const { rows: dependents } = await sql<{ sql: string }>`
    select sql from sqlite_master
    where type in ('index', 'trigger') and tbl_name = 'observations' and sql is not null`.execute(db);
  const ddl = rewrite(table[0]!.sql).replace(
    /^CREATE TABLE "observations"/,
    'CREATE TABLE "observations_rebuilt"',
  );
  await sql.raw(ddl).execute(db);
  await sql`insert into observations_rebuilt select * from observations`.execute(db);
  await sql`drop table observations`.execute(db);
  await sql`alter table observations_rebuilt rename to observations`.execute(db);
  for (const dependent of dependents) await sql.raw(dependent.sql).execute(db);
}
