import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Action } from '../../domain/access/action.js';
import { ALERT_ACTIONS, type AlertAction } from '../../domain/evaluation/alert-workflow.js';
import { HalfskyError } from '../../domain/errors.js';
import { alertAction, getAlertWithHistory, listPlanAlerts } from '../../services/evaluation/index.js';
import { getPlanSummary } from '../../store/plan-repository.js';
import type { ResolvedDeps } from '../app-deps.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import {
  AlertActionBody,
  AlertEventSchema,
  AlertQuery,
  StoredAlertSchema,
} from '../schemas/evaluation-schema.js';
import { canInRegion, planRegionCode } from '../scope.js';

const AlertParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
type ActionRoute = { Params: Static<typeof AlertParams>; Body: Static<typeof AlertActionBody> };

/**
 * Alerts (预警) and their follow-up (督办): GET /api/alerts (filtered, within the user's region scope;
 * with plan and year the plan's alerts are reconciled with the data first), GET /api/alerts/:id (with its
 * history), and POST /api/alerts/:id/{acknowledge,resolve,escalate,comment} (alert:manage; acknowledge
 * needs an action plan, comment a note). An alert outside the user's scope answers 404 like a missing one;
 * every step is kept in the alert's own history with its actor.
 */
export function alertRoutes(app: FastifyInstance, deps: ResolvedDeps): void {
  // Townships (九台, 镇原 report below the county) are not in the server's tree: scope them by their county.
  const known = (code: string) => (deps.regions.get(code) ? code : code.slice(0, 6));
  const inScope = (request: FastifyRequest, regionCode: string, action: Action = 'plan:read') =>
    canInRegion(request.auth!.user, deps.regions, action, known(regionCode));
  const visibleAlert = async (request: FastifyRequest, id: string, action: Action = 'plan:read') => {
    const found = await getAlertWithHistory(deps.db, id);
    if (!inScope(request, found.alert.regionCode, action)) throw new HalfskyError('ALERT_NOT_FOUND', { id });
    return found;
  };

  app.get<{ Querystring: Static<typeof AlertQuery> }>(
    '/api/alerts',
    {
      config: { access: 'plan:read' },
      schema: {
        tags: ['alerts'],
        summary: '预警列表（限本人辖区）/ alerts in the user’s region scope',
        querystring: AlertQuery,
        response: {
          200: Type.Object({ alerts: Type.Array(StoredAlertSchema), total: Type.Integer() }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      const q = request.query;
      if (q.plan !== undefined) {
        const plan = await getPlanSummary(deps.db, q.plan);
        if (!plan || !inScope(request, planRegionCode(deps.regions, plan) ?? '000000'))
          throw new HalfskyError('PLAN_NOT_FOUND', { id: q.plan });
      }
      if (q.region !== undefined && !inScope(request, q.region))
        throw new HalfskyError('REGION_NOT_FOUND', { code: q.region });
      const { alerts } = await listPlanAlerts(deps.db, {
        ...(q.plan !== undefined ? { planId: q.plan } : {}),
        ...(q.year !== undefined ? { year: q.year } : {}),
        ...(q.status !== undefined ? { statuses: [q.status] } : {}),
        ...(q.level !== undefined ? { level: q.level } : {}),
        ...(q.rule !== undefined ? { rule: q.rule } : {}),
        ...(q.department !== undefined ? { department: q.department } : {}),
        limit: 100000,
      });
      const within = (code: string) =>
        q.region === undefined || code === q.region || deps.regions.isWithin(known(code), q.region);
      const inScopeAlerts = alerts.filter((a) => inScope(request, a.regionCode) && within(a.regionCode));
      const offset = q.offset ?? 0;
      return { alerts: inScopeAlerts.slice(offset, offset + (q.limit ?? 200)), total: inScopeAlerts.length };
    },
  );

  app.get<{ Params: Static<typeof AlertParams> }>(
    '/api/alerts/:id',
    {
      config: { access: 'plan:read' },
      schema: {
        tags: ['alerts'],
        summary: '预警详情及督办记录 / an alert with its follow-up history',
        params: AlertParams,
        response: {
          200: Type.Object({ alert: StoredAlertSchema, events: Type.Array(AlertEventSchema) }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => visibleAlert(request, request.params.id),
  );

  const SUMMARIES: Record<AlertAction, string> = {
    acknowledge: '认领预警并提交整改措施 / acknowledge with an action plan',
    resolve: '办结预警 / resolve',
    escalate: '升级督办 / escalate',
    comment: '添加督办意见 / comment',
  };
  for (const action of ALERT_ACTIONS) {
    app.post<ActionRoute>(
      `/api/alerts/:id/${action}`,
      {
        config: { access: 'alert:manage' },
        schema: {
          tags: ['alerts'],
          summary: SUMMARIES[action],
          params: AlertParams,
          body: AlertActionBody,
          response: { 200: Type.Object({ alert: StoredAlertSchema }), ...ERROR_RESPONSES },
        },
      },
      async (request) => {
        const { alert } = await visibleAlert(request, request.params.id, 'alert:manage');
        const body = request.body ?? {};
        if (action === 'acknowledge' && !body.actionPlan)
          throw new HalfskyError('REASON_REQUIRED', { fields: 'actionPlan' });
        if (action === 'comment' && !body.note) throw new HalfskyError('REASON_REQUIRED', { fields: 'note' });
        const updated = await alertAction(
          deps.db,
          alert.id,
          {
            action,
            actor: request.auth!.user.username,
            note: body.note ?? null,
            actionPlan: body.actionPlan ?? null,
            dueDate: body.dueDate ?? null,
          },
          deps.now(),
        );
        return { alert: updated };
      },
    );
  }
}
