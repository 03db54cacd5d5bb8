import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRowProblem } from '../src/domain/observations/row-problem.js';
import { importObservations } from '../src/services/observations/import-observations.js';
import { loadRound } from '../src/services/rounds/round-context.js';
import { saveRoundRows } from '../src/services/rounds/save-round-cells.js';
import { listKeyHistory } from '../src/store/observation-history-repository.js';
import { listObservations } from '../src/store/observation-repository.js';
import { openApiHarness, type ApiHarness } from './support/api-harness.js';
import { findCell, openRounds, submittedCell, SYSTEM } from './support/round-fixture.js';
import { ENGINES } from './support/test-database.js';

const ROUND = 'anqing-2024';
const MMR = 'health.maternal_mortality';

for (const engine of ENGINES) {
  describe(`data import into a reporting round's year on ${engine}`, () => {
    let h: ApiHarness;
    const dir = mkdtempSync(join(tmpdir(), 'halfsky-import-rounds-'));
    const csv = (name: string, lines: string[]) => {
      const path = join(dir, name);
      writeFileSync(path, ['indicator,region,year,value', ...lines].join('\n'));
      return path;
    };
    const run = (path: string) =>
      importObservations(h.test.db, path, { maxBytes: 1 << 20, now: new Date('2025-02-01T00:00:00Z') });
    const valueOf = async (region: string, year = 2024) =>
      (await listObservations(h.test.db, { indicatorCodes: [MMR], regionCodes: [region] })).find(
        (o) => o.year === year && o.sex === '合计' && o.urbanRural === '合计',
      )?.value;
    const history = (region: string) =>
      listKeyHistory(h.test.db, {
        indicatorCode: MMR,
        regionCode: region,
        year: 2024,
        sex: '合计',
        urbanRural: '合计',
        age: '',
      });

    beforeAll(async () => {
      h = await openApiHarness(engine);
      await openRounds(h.test.db, ['anqing']);
      await submittedCell(h.test.db, ROUND, { indicator: MMR, region: '340822' }, 9);
      // 340825: a draft of 8; 340826: owed.
      await saveRoundRows(
        h.test.db,
        SYSTEM,
        await loadRound(h.test.db, SYSTEM, ROUND),
        [{ raw: { line: 0, cells: { indicator: MMR, region: '340825', value: '8' } }, version: 0 }],
        {
          source: 'form',
          now: new Date('2025-01-12T00:00:00Z'),
          locate: (i) => ({ field: `${i}`, zh: '', en: '' }),
        },
      );
    });
    afterAll(async () => {
      await h?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('refuses the whole file when a row would overwrite a value a round has submitted, naming row and cell', async () => {
      const result = await run(
        csv('locked.csv', [`${MMR},340825,2024,9`, `${MMR},340822,2024,11`, `${MMR},340826,2023,10`]),
      );
      expect(result.kind).toBe('invalid');
      if (result.kind !== 'invalid') return;
      expect(result.errors.map((e) => e.line)).toEqual([3]);
      const message = describeRowProblem(result.errors[0]!.problem).zh;
      expect(message).toContain(ROUND);
      expect(message).toContain('已报送待审核');
      expect(message).toContain('孕产妇死亡率');
      expect(await valueOf('340825')).toBe(8);
      expect(await valueOf('340826', 2023)).toBeUndefined();
      expect((await run(csv('dry.csv', [`${MMR},340822,2024,11`]))).kind).toBe('invalid');
    });

    it('records every value it changes in a round’s year, and approves the round cells it fills', async () => {
      const result = await run(
        csv('ok.csv', [`${MMR},340825,2024,9`, `${MMR},340826,2024,10`, `${MMR},340826,2023,10`]),
      );
      expect(result).toMatchObject({ kind: 'imported', rows: 3 });
      expect(await valueOf('340825')).toBe(9);
      const draft = (await history('340825')).at(-1)!;
      expect(draft).toMatchObject({
        action: 'save',
        oldValue: 8,
        newValue: 9,
        oldState: 'draft',
        newState: 'approved',
        source: 'csv',
      });
      expect((await history('340826')).at(-1)).toMatchObject({
        oldValue: null,
        newValue: 10,
        oldState: 'owed',
        newState: 'approved',
        source: 'csv',
      });
      expect((await findCell(h.test.db, ROUND, { indicator: MMR, region: '340825' })).state).toBe('approved');
      // 2023 has no round: no history, as before.
      const past = await listKeyHistory(h.test.db, {
        indicatorCode: MMR,
        regionCode: '340826',
        year: 2023,
        sex: '合计',
        urbanRural: '合计',
        age: '',
      });
      expect(past).toEqual([]);

      // The same figures again change nothing and record nothing; a different one meets the approved cell.
      const before = (await history('340825')).length;
      const again = await run(csv('again.csv', [`${MMR},340825,2024,9`, `${MMR},340826,2023,10`]));
      expect(again).toMatchObject({ kind: 'imported', rows: 2 });
      expect((await history('340825')).length).toBe(before);
      const changed = await run(csv('changed.csv', [`${MMR},340825,2024,9.5`]));
      expect(changed.kind).toBe('invalid');
      expect(await valueOf('340825')).toBe(9);
    });
  });
}
