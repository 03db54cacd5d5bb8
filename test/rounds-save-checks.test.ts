import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIndicator } from '../src/domain/indicators/catalog.js';
import { isHalfskyError } from '../src/domain/errors.js';
import { deriveOwedCells } from '../src/domain/rounds/derive-owed-cells.js';
import { ensureReferencedData } from '../src/services/reference-data/ensure-referenced-data.js';
import { loadRegionTree } from '../src/store/regions/load-region-tree.js';
import { insertRound } from '../src/store/round-repository.js';
import { loadRound, type RoundContext } from '../src/services/rounds/round-context.js';
import { saveRoundRows } from '../src/services/rounds/save-round-cells.js';
import { listCellsNear, listRoundCells, type StoredRoundCell } from '../src/store/round-cell-repository.js';
import { SYSTEM } from './support/round-fixture.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './support/test-database.js';

const ROUND = 'checks-2024';
const CHECKUP = 'health.premarital_checkup'; // %, by sex: numerators and denominators 女 + 男 = 合计
const MMR = 'health.maternal_mortality'; // 1/10万, by urban/rural
const locate = (i: number) => ({ field: `cells.${i}`, zh: `第 ${i + 1} 个单元格`, en: `cell ${i}` });

for (const engine of ENGINES) {
  describe(`a save of a few cells on ${engine}: checked against the cells near them`, () => {
    let h: TestDatabase;
    let ctx: RoundContext;
    let cells: StoredRoundCell[];
    let now = new Date('2025-01-15T08:00:00Z');
    beforeAll(async () => {
      h = await openTestDatabase(engine);
      // 安庆 and its county-level units, owing a count by sex (女 + 男 = 合计) and a rate by urban/rural.
      const tree = loadRegionTree();
      const regions = ['340800', ...tree.children('340800').map((r) => r.code)];
      const owed = deriveOwedCells([findIndicator(CHECKUP)!, findIndicator(MMR)!], regions);
      await ensureReferencedData(h.db, tree, owed);
      await insertRound(
        h.db,
        {
          id: ROUND,
          planId: 'checks',
          year: 2024,
          regionCode: '340800',
          deadline: '2025-03-31',
          status: 'open',
          openedBy: null,
          openedAt: now.toISOString(),
          closedAt: null,
          closedBy: null,
        },
        owed.map((c) => ({ ...c, state: 'owed' as const })),
      );
      ctx = await loadRound(h.db, SYSTEM, ROUND);
      cells = await listRoundCells(h.db, ctx.round);
    });
    afterAll(async () => {
      await h?.destroy();
    });

    const save = (
      rows: {
        cell: StoredRoundCell;
        value: number;
        numerator?: number;
        denominator?: number;
        version?: number;
      }[],
    ) => {
      now = new Date(now.getTime() + 1000);
      return saveRoundRows(
        h.db,
        SYSTEM,
        ctx,
        rows.map(({ cell, value, numerator, denominator, version }, line) => ({
          raw: {
            line,
            cells: {
              indicator: cell.indicatorCode,
              region: cell.regionCode,
              sex: cell.sex,
              urban_rural: cell.urbanRural,
              age: cell.age,
              value: String(value),
              numerator: numerator === undefined ? '' : String(numerator),
              denominator: denominator === undefined ? '' : String(denominator),
            },
          },
          ...(version === undefined ? {} : { version }),
        })),
        { source: 'api', now, locate },
      );
    };
    const refusal = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (error) {
        if (isHalfskyError(error)) return error;
        throw error;
      }
      throw new Error('the save was not refused');
    };
    /** A count indicator owed by sex (女 / 男 / 合计) in the round's sub-regions. */
    /** The share owed by sex (女 / 男 / 合计). */
    const bySex = (region: string, sex: string) =>
      cells.find((c) => c.indicatorCode === CHECKUP && c.regionCode === region && c.sex === sex)!;

    it('reads exactly the same region’s 女 / 男 / 合计 and the same breakdown in the peer regions', async () => {
      const samples = [
        cells.find((c) => c.regionCode !== ctx.round.regionCode && c.sex === '女'),
        cells.find((c) => c.regionCode === ctx.round.regionCode && c.sex === '合计'),
        cells.find((c) => c.regionCode !== ctx.round.regionCode && c.urbanRural === '农村'),
      ].filter((c) => c !== undefined);
      expect(samples.length).toBe(3);
      for (const key of samples) {
        const near = await listCellsNear(h.db, h.db, ctx.round, {
          keys: [key],
          roundRegionCode: ctx.round.regionCode,
        });
        const expected = cells.filter(
          (c) =>
            c.indicatorCode === key.indicatorCode &&
            c.urbanRural === key.urbanRural &&
            c.age === key.age &&
            (c.regionCode === key.regionCode ||
              (c.sex === key.sex &&
                (c.regionCode === ctx.round.regionCode) === (key.regionCode === ctx.round.regionCode))),
        );
        expect(near).toEqual(expected);
        expect(near.length, JSON.stringify(key)).toBeGreaterThan(1);
      }
    });

    it('refuses one cell that breaks 女 + 男 = 合计 with the stored values of its region', async () => {
      const region = cells.find((c) => c.indicatorCode === CHECKUP && c.regionCode !== '340800')!.regionCode;
      await save([
        { cell: bySex(region, '女'), value: 40, numerator: 40, denominator: 100 },
        { cell: bySex(region, '男'), value: 30, numerator: 30, denominator: 100 },
      ]);
      const total = bySex(region, '合计');
      const error = await refusal(save([{ cell: total, value: 40, numerator: 80, denominator: 200 }]));
      expect(error.code).toBe('ROUND_CELLS_INVALID');
      expect(JSON.stringify(error.fields)).toContain('不等于合计');
      const saved = await save([{ cell: total, value: 35, numerator: 70, denominator: 200 }]);
      expect(saved.saved).toBe(1);
      const female = await refusal(
        save([{ cell: bySex(region, '女'), value: 75, numerator: 75, denominator: 100 }]),
      );
      expect(JSON.stringify(female.fields)).toContain('大于合计');
    });

    it('flags one cell far from the stored values of the other sub-regions as an outlier', async () => {
      const totals = cells.filter(
        (c) => c.indicatorCode === MMR && c.urbanRural === '合计' && c.regionCode !== ctx.round.regionCode,
      );
      expect(totals.length).toBeGreaterThan(5);
      const [odd, ...others] = totals.filter((c) => c.observation === null);
      await save(others.map((cell, i) => ({ cell, value: 10 + (i % 3) })));
      const result = await save([{ cell: odd!, value: 5000 }]);
      expect(result.warnings.map((w) => w.check)).toEqual(['outlier']);
    });

    it('saves arriving together: each stands or falls alone, and a second save of the same version is refused', async () => {
      const [a, b] = cells.filter(
        (c) => c.indicatorCode === MMR && c.regionCode === '340800' && c.observation === null,
      );
      const history = async () =>
        (await h.db.selectFrom('observation_history').select('cell_id').execute()).map((r) => r.cell_id);
      const before = (await history()).length;
      const outcomes = await Promise.allSettled([
        save([{ cell: a!, value: 12, version: 0 }]),
        save([{ cell: b!, value: -1, version: 0 }]), // out of range: refused on its own
        save([{ cell: a!, value: 13, version: 0 }]), // the version the first save replaced: a conflict
        save([{ cell: b!, value: 14, version: 0 }]),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      const reasons = outcomes.map((o) =>
        o.status === 'rejected' && isHalfskyError(o.reason) ? o.reason.code : null,
      );
      expect(reasons).toEqual([null, 'ROUND_CELLS_INVALID', 'OBSERVATION_CONFLICT', null]);
      const stored = await listRoundCells(h.db, ctx.round, { ids: [a!.id, b!.id] });
      expect(stored.map((c) => [c.id, c.observation?.value, c.observation?.version])).toEqual([
        [a!.id, 12, 1],
        [b!.id, 14, 1],
      ]);
      expect((await history()).length).toBe(before + 2);
    });
  });
}
