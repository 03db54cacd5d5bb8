import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The shared folder beside the repository (../shared), or HALFSKY_SHARED. */
export const sharedDir = process.env.HALFSKY_SHARED ?? join(import.meta.dirname, '..', '..', '..', 'shared');

/** The five seed plans: id, file in ../shared/seeds, and the copy shipped in data/plans. */
export const SEEDS = [
  { id: 'anqing', file: '000_4d8100e48a0a23cf.txt' },
  { id: 'jiutai', file: '001_c85426c6d45e46da.txt' },
  { id: 'zhongwei', file: '002_4ef2c7975c690447.txt' },
  { id: 'qingyuan', file: '003_0c1943d3f0fd6db3.txt' },
  { id: 'zhenyuan', file: '004_ee507effcf6dec11.txt' },
] as const;

export const shippedPlan = (id: string) =>
  join(import.meta.dirname, '..', '..', 'data', 'plans', `${id}.txt`);

export function requireShared(): void {
  if (!existsSync(join(sharedDir, 'gold', 'score_plan.py'))) {
    throw new Error(`the gold files are not at ${sharedDir}; set HALFSKY_SHARED to the shared folder`);
  }
}
