import { alertAction, evaluatePlan } from '../src/services/evaluation/index.js';
import { storePlanLinks } from '../src/services/plans/store-plan-links.js';
import { listAlerts } from '../src/store/alert-repository.js';
import { getPlan } from '../src/store/plan-repository.js';
import type { ApiHarness } from './support/api-harness.js';

const prepared = new WeakMap<ApiHarness, Promise<string>>();
const outOfScope = new WeakMap<ApiHarness, string>();

/**
 * Links the harness's 安庆 and 清远 plans and evaluates them for 2024, so that alerts exist (their targets
 * have no data: data-missing alerts in every region). Returns an alert id in 清远 (out of scope).
 */
export function ensureAlerts(h: ApiHarness): Promise<string> {
  let done = prepared.get(h);
  if (!done) {
    done = (async () => {
      for (const id of ['anqing', 'qingyuan']) {
        await storePlanLinks(h.test.db, (await getPlan(h.test.db, id))!);
        await evaluatePlan(h.test.db, { planId: id, year: 2024 });
      }
      const { alerts } = await listAlerts(h.test.db, { planId: 'qingyuan', year: 2024 });
      if (!alerts[0]) throw new Error('no alert in 清远');
      outOfScope.set(h, alerts[0].id);
      return alerts[0].id;
    })();
    prepared.set(h, done);
  }
  return done;
}

/** The 清远 alert id (after ensureAlerts); a placeholder before, which answers 404 all the same. */
ensureAlerts.outOfScopeId = (h: ApiHarness): string => outOfScope.get(h) ?? 'not-prepared';

/**
 * An 安庆 alert in a state that allows `action`: acknowledge needs issued/escalated, escalate
 * issued/acknowledged, resolve acknowledged/escalated (a fresh alert each time: resolved is final).
 */
export async function alertIn(
  h: ApiHarness,
  action: 'acknowledge' | 'resolve' | 'escalate' | 'comment',
): Promise<string> {
  await ensureAlerts(h);
  const { alerts } = await listAlerts(h.test.db, { planId: 'anqing', year: 2024 });
  const open = alerts.filter((a) => a.status !== 'resolved' && a.status !== 'closed');
  const ok = {
    acknowledge: ['issued', 'escalated'],
    escalate: ['issued', 'acknowledged'],
    resolve: ['acknowledged', 'escalated'],
    comment: ['issued', 'acknowledged', 'escalated'],
  }[action];
  const ready = open.find((a) => ok.includes(a.status));
  if (ready) return ready.id;
  const issued = open.find((a) => a.status === 'issued');
  if (!issued) throw new Error('no open alert left in 安庆');
  await alertAction(h.test.db, issued.id, { action: 'acknowledge', actor: 'test', actionPlan: '措施' });
  return issued.id;
}
