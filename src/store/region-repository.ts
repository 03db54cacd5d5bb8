import type { Region, RegionLevel } from '../domain/regions/region.js';
import type { HalfskyDatabase } from './create-database.js';
import { inChunks } from './in-chunks.js';

/**
 * Stores regions (insert, or update name and level), parents before children so that any order of input
 * works; one transaction, idempotent. Returns how many rows were new.
 */
export async function saveRegions(db: HalfskyDatabase, regions: readonly Region[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const rows = regions.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      parent_code: r.parentCode,
    }));
    await inChunks(rows, (chunk) =>
      trx
        .insertInto('regions')
        .values(chunk)
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            level: eb.ref('excluded.level'),
            parent_code: eb.ref('excluded.parent_code'),
          })),
        )
        .execute(),
    );
    const after = await trx
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(after.n) - Number(before.n);
  });
}

/** The stored region with this code, or null. */
export async function getRegion(db: HalfskyDatabase, code: string): Promise<Region | null> {
  const row = await db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
  return row
    ? { code: row.code, name: row.name, level: row.level as RegionLevel, parentCode: row.parent_code }
    : null;
}

/** The stored children of a region, in code order. */
export async function listChildRegions(db: HalfskyDatabase, code: string): Promise<Region[]> {
  const rows = await db
    .selectFrom('regions')
    .selectAll()
    .where('parent_code', '=', code)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level as RegionLevel,
    parentCode: r.parent_code,
  }));
}
