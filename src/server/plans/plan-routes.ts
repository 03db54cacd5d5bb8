import { withItemIds } from '../../domain/plan-item-ids.js';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HalfskyError } from '../../domain/errors.js';
import { getPlan, listPlans } from '../../store/plan-repository.js';
import type { ResolvedDeps } from '../app-deps.js';
import { recordAudit } from '../audit.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import { PlanSchema, PlanSummarySchema, TargetSchema } from '../schemas/plan-schema.js';
import { canInRegion, planRegionCode } from '../scope.js';

const PlanParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/**
 * GET /api/plans, /api/plans/:id, /api/plans/:id/targets. Plans are filtered by the user's region scope; a
 * plan outside it answers 404 PLAN_NOT_FOUND, exactly as a missing one, so its existence is not disclosed.
 */
export function planRoutes(app: FastifyInstance, deps: ResolvedDeps): void {
  const visiblePlan = async (request: FastifyRequest, id: string) => {
    const plan = await getPlan(deps.db, id);
    if (!plan) throw new HalfskyError('PLAN_NOT_FOUND', { id });
    const regionCode = planRegionCode(deps.regions, plan);
    if (!canInRegion(request.auth!.user, deps.regions, 'plan:read', regionCode)) {
      await recordAudit(deps.db, request, deps.now(), 'access_denied', { reason: 'scope', plan: id });
      throw new HalfskyError('PLAN_NOT_FOUND', { id });
    }
    return { ...withItemIds(plan), regionCode };
  };

  app.get(
    '/api/plans',
    {
      config: { access: 'plan:read' },
      schema: {
        tags: ['plans'],
        summary: '规划列表（限本人辖区）/ plans in the user’s region scope',
        response: { 200: Type.Object({ plans: Type.Array(PlanSummarySchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const plans = (await listPlans(deps.db))
        .map((p) => ({ ...p, regionCode: planRegionCode(deps.regions, p) }))
        .filter((p) => canInRegion(request.auth!.user, deps.regions, 'plan:read', p.regionCode));
      return { plans };
    },
  );

  app.get<{ Params: Static<typeof PlanParams> }>(
    '/api/plans/:id',
    {
      config: { access: 'plan:read' },
      schema: {
        tags: ['plans'],
        summary: '规划全文：领域、主要目标、策略措施、目标值 / a plan with areas, goals, measures, targets',
        params: PlanParams,
        response: { 200: PlanSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => visiblePlan(request, request.params.id),
  );

  app.get<{ Params: Static<typeof PlanParams> }>(
    '/api/plans/:id/targets',
    {
      config: { access: 'plan:read' },
      schema: {
        tags: ['plans'],
        summary: '规划的目标值 / a plan’s targets',
        params: PlanParams,
        response: { 200: Type.Object({ targets: Type.Array(TargetSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ targets: (await visiblePlan(request, request.params.id)).targets }),
  );
}
