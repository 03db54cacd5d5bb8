import type { HalfskyDatabase } from './create-database.js';
import { headlineApproved } from './evaluation-repository.js';
import { inChunks } from './in-chunks.js';

/**
 * The latest year with an approved headline observation (all ages, urban and rural together) in these regions
 * (null when none), and whether any such observation up to `yearTo` is simulated (模拟数据).
 */
export async function approvedDataFacts(
  db: HalfskyDatabase,
  filter: { regionCodes: readonly string[]; yearTo?: number },
): Promise<{ latestYear: number | null; simulated: boolean }> {
  let latestYear: number | null = null;
  let simulated = false;
  await inChunks(
    filter.regionCodes,
    async (regions) => {
      let query = headlineApproved(db)
        .select((eb) => [eb.fn.max('year').as('latest'), eb.fn.max('simulated').as('simulated')])
        .where('region_code', 'in', regions);
      if (filter.yearTo !== undefined) query = query.where('year', '<=', filter.yearTo);
      const row = await query.executeTakeFirst();
      if (row?.latest != null) latestYear = Math.max(latestYear ?? 0, Number(row.latest));
      if (Number(row?.simulated ?? 0) === 1) simulated = true;
    },
    500,
  );
  return { latestYear, simulated };
}
