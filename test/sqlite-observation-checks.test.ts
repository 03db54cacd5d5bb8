import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from './support/test-database.js';

/** Migration 0009 rebuilds the SQLite observations table: the checks, indexes and triggers must survive. */
describe('the rebuilt SQLite observations table', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase('sqlite');
  });
  afterAll(async () => {
    await test?.destroy();
  });

  it('keeps its indexes and the data-version triggers', async () => {
    const { rows } = await sql<{ type: string; name: string }>`
      select type, name from sqlite_master where tbl_name = 'observations' and sql is not null`.execute(
      test.db,
    );
    const names = rows.map((r) => `${r.type} ${r.name}`);
    expect(names).toContain('index observations_region_year');
    expect(names.filter((n) => n.startsWith('trigger ')).length).toBeGreaterThanOrEqual(1);
  });

  it('still refuses a sex, status or source outside its list', async () => {
    const insert = (sex: string, status: string, source: string) =>
      sql`insert into observations (id, indicator_code, region_code, year, sex, value, status, source, updated_at)
        values (${`id-${sex}-${status}-${source}`}, 'none', 'none', 2024, ${sex}, 1, ${status}, ${source}, 'now')`.execute(
        test.db,
      );
    await sql`pragma foreign_keys = off`.execute(test.db);
    await expect(insert('x', 'approved', 'csv')).rejects.toThrow(/CHECK constraint failed: observations_sex/);
    await expect(insert('女', 'maybe', 'csv')).rejects.toThrow(/observations_status/);
    await expect(insert('女', 'approved', 'fax')).rejects.toThrow(/observations_source/);
    await expect(insert('女', 'approved', 'csv')).resolves.toBeDefined();
  });
});
