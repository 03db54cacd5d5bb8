import type { AccessUser } from '../../src/domain/access/access-user.js';
import type { Round } from '../../src/domain/rounds/round.js';
import { storePlanLinks } from '../../src/services/plans/store-plan-links.js';
import { openRound } from '../../src/services/rounds/open-round.js';
import { loadRound } from '../../src/services/rounds/round-context.js';
import { reviewRoundCells } from '../../src/services/rounds/review-round-cells.js';
import { saveRoundRows } from '../../src/services/rounds/save-round-cells.js';
import { submitRoundCells } from '../../src/services/rounds/submit-round-cells.js';
import type { HalfskyDatabase } from '../../src/store/create-database.js';
import { getPlan } from '../../src/store/plan-repository.js';
import { listRoundCells, type StoredRoundCell } from '../../src/store/round-cell-repository.js';

/** An administrator of the whole country: sets up rounds and cells in any region for the tests. */
export const SYSTEM: AccessUser = {
  id: 'system',
  username: 'system',
  displayName: '系统',
  role: 'administrator',
  regionCode: '000000',
  departments: [],
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

/** Links the stored plans' targets to indicators (what plan import does) and opens their rounds. */
export async function openRounds(
  db: HalfskyDatabase,
  planIds: readonly string[],
  year = 2024,
  deadline = '2025-03-31',
  now = new Date('2025-01-10T00:00:00Z'),
): Promise<Round[]> {
  const rounds: Round[] = [];
  for (const id of planIds) {
    await storePlanLinks(db, (await getPlan(db, id))!);
    rounds.push(await openRound(db, SYSTEM, { planId: id, year, deadline }, now));
  }
  return rounds;
}

export interface CellRef {
  indicator: string;
  region: string;
  sex?: string;
  urbanRural?: string;
  age?: string;
}

/** The stored cell of a round with this key. */
export async function findCell(db: HalfskyDatabase, roundId: string, ref: CellRef): Promise<StoredRoundCell> {
  const { round } = await loadRound(db, SYSTEM, roundId);
  const cell = (await listRoundCells(db, round, { indicatorCodes: [ref.indicator] })).find(
    (c) =>
      c.regionCode === ref.region &&
      c.sex === (ref.sex ?? '合计') &&
      c.urbanRural === (ref.urbanRural ?? '合计') &&
      c.age === (ref.age ?? ''),
  );
  if (!cell) throw new Error(`no cell ${JSON.stringify(ref)} in ${roundId}`);
  return cell;
}

/** Brings a cell to `submitted` with this value, whatever its state (reopening and saving as needed). */
export async function submittedCell(
  db: HalfskyDatabase,
  roundId: string,
  ref: CellRef,
  value: number,
  now = new Date('2025-01-11T00:00:00Z'),
): Promise<StoredRoundCell> {
  const ctx = await loadRound(db, SYSTEM, roundId);
  let cell = await findCell(db, roundId, ref);
  if (cell.state === 'approved')
    await reviewRoundCells(db, SYSTEM, ctx, [{ cellId: cell.id, decision: 'reopen', reason: '测试' }], now);
  if (cell.state === 'submitted')
    await reviewRoundCells(db, SYSTEM, ctx, [{ cellId: cell.id, decision: 'return', reason: '测试' }], now);
  cell = await findCell(db, roundId, ref);
  await saveRoundRows(
    db,
    SYSTEM,
    ctx,
    [
      {
        raw: {
          line: 0,
          cells: {
            indicator: ref.indicator,
            region: ref.region,
            sex: ref.sex ?? '',
            urban_rural: ref.urbanRural ?? '',
            age: ref.age ?? '',
            value: String(value),
          },
        },
        version: cell.observation?.version ?? 0,
      },
    ],
    { source: 'api', now, locate: (i) => ({ field: `cells.${i}`, zh: `${i}`, en: `${i}` }) },
  );
  await submitRoundCells(db, SYSTEM, ctx, { regionCode: ref.region }, now);
  return findCell(db, roundId, ref);
}

const opened = new WeakMap<object, Promise<void>>();

/** Opens the 安庆 and 清远 rounds of 2024 once per harness database (the access test's fixtures). */
export function ensureRounds(h: { test: { db: HalfskyDatabase } }): Promise<void> {
  let done = opened.get(h.test.db);
  if (!done) {
    done = openRounds(h.test.db, ['anqing', 'qingyuan']).then(() => undefined);
    opened.set(h.test.db, done);
  }
  return done;
}
