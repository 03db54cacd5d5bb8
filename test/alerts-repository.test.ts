import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertCandidate } from '../src/domain/evaluation/alert-rules.js';
import {
  applyAlertAction,
  AUTO_CLOSE_NOTE,
  getAlert,
  listAlerts,
  syncAlerts,
} from '../src/store/alert-repository.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './support/test-database.js';

const candidate = (region: string, overrides: Partial<AlertCandidate> = {}) => ({
  rule: 'wrong_direction' as const,
  level: 'red' as const,
  targetKey: 'health/goal/1/2030/<=/12/孕产妇死亡率',
  regionCode: region,
  year: 2024,
  reason: `${region}：孕产妇死亡率变化方向与目标相反。`,
  reasonEn: 'moving the wrong way',
  departments: ['卫健局', '妇联'],
  indicatorCode: 'health.maternal_mortality',
  ...overrides,
});
const scope = { planId: 'anqing', year: 2024, regionCodes: ['340800', '340822', '340825'] };
const kinds = async (db: TestDatabase['db'], id: string) =>
  (await getAlert(db, id))!.events.map((e) => `${e.kind}:${e.toStatus}`);

for (const engine of ENGINES) {
  describe(`alert repository on ${engine}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await openTestDatabase(engine);
    });
    afterAll(async () => {
      await t?.destroy();
    });

    it('reconciles idempotently: issue, update, close when unsupported, reopen when supported again', async () => {
      expect(await syncAlerts(t.db, scope, [candidate('340822'), candidate('340825')])).toEqual({
        issued: 2,
        reopened: 0,
        updated: 0,
        closed: 0,
      });
      expect(await syncAlerts(t.db, scope, [candidate('340822'), candidate('340825')])).toEqual({
        issued: 0,
        reopened: 0,
        updated: 0,
        closed: 0,
      });
      const { alerts } = await listAlerts(t.db, { planId: 'anqing', year: 2024 });
      expect(alerts.map((a) => [a.regionCode, a.status, a.level])).toEqual([
        ['340822', 'issued', 'red'],
        ['340825', 'issued', 'red'],
      ]);
      const [a822, a825] = alerts;
      const yellow = candidate('340822', { level: 'yellow', reason: '已好转' });
      expect(await syncAlerts(t.db, scope, [yellow])).toMatchObject({ updated: 1, closed: 1 });
      const closed = (await getAlert(t.db, a825!.id))!.alert;
      expect(closed).toMatchObject({ status: 'closed', closedNote: AUTO_CLOSE_NOTE });
      expect((await getAlert(t.db, a822!.id))!.alert).toMatchObject({ level: 'yellow', reason: '已好转' });
      expect(await syncAlerts(t.db, scope, [yellow, candidate('340825')])).toMatchObject({ reopened: 1 });
      expect(await kinds(t.db, a825!.id)).toEqual(['issued:issued', 'auto_closed:closed', 'reopened:issued']);
    });

    it('leaves alerts outside the evaluated regions and resolved ones alone', async () => {
      await syncAlerts(t.db, { ...scope, regionCodes: ['340811'] }, [candidate('340811')]);
      await syncAlerts(t.db, scope, []);
      const outside = (await listAlerts(t.db, { regionCodes: ['340811'] })).alerts[0]!;
      expect(outside.status).toBe('issued');
      await applyAlertAction(t.db, outside.id, {
        action: 'acknowledge',
        actor: 'u',
        note: null,
        actionPlan: '措施',
      });
      await applyAlertAction(t.db, outside.id, { action: 'resolve', actor: 'u', note: '完成' });
      await syncAlerts(t.db, { ...scope, regionCodes: ['340811'] }, []);
      expect((await getAlert(t.db, outside.id))!.alert.status).toBe('resolved');
      await syncAlerts(t.db, { ...scope, regionCodes: ['340811'] }, [candidate('340811')]);
      expect((await getAlert(t.db, outside.id))!.alert.status).toBe('resolved');
    });

    it('two reconcilers at once store each alert once', async () => {
      const s = { planId: 'qingyuan', year: 2024, regionCodes: ['441802'] };
      const c = [candidate('441802'), candidate('441802', { rule: 'volatile', level: 'yellow' })];
      await Promise.all([syncAlerts(t.db, s, c), syncAlerts(t.db, s, c)]);
      await syncAlerts(t.db, s, c);
      const { alerts } = await listAlerts(t.db, { planId: 'qingyuan' });
      expect(alerts).toHaveLength(2);
      for (const a of alerts)
        expect((await kinds(t.db, a.id)).filter((k) => k.startsWith('issued'))).toHaveLength(1);
    });

    it('filters by level, rule, status and department', async () => {
      expect((await listAlerts(t.db, { level: 'yellow' })).alerts.every((a) => a.level === 'yellow')).toBe(
        true,
      );
      expect((await listAlerts(t.db, { rule: 'volatile' })).total).toBe(1);
      expect((await listAlerts(t.db, { department: '妇联' })).total).toBeGreaterThan(0);
      expect((await listAlerts(t.db, { department: '教育局' })).total).toBe(0);
      expect((await listAlerts(t.db, { statuses: ['resolved'] })).total).toBe(1);
    });
  });
}
