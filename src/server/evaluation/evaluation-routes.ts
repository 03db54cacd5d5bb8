import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HalfskyError } from '../../domain/errors.js';
import {
  comparePlanWithParent,
  evaluatePlan,
  evaluationOverview,
  rankRegions,
  startEvaluationListener,
} from '../../services/evaluation/index.js';
import { approvedDataFacts } from '../../store/approved-data-facts.js';
import type { ResolvedDeps } from '../app-deps.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import {
  ComparisonSchema,
  OverviewQuery,
  OverviewSchema,
  PlanEvaluationSchema,
  RankingSchema,
  YearQuery,
} from '../schemas/evaluation-schema.js';
import { canInRegion, planRegionCode, visiblePlanSummary } from '../scope.js';

const PlanParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
type Params = { Params: Static<typeof PlanParams>; Querystring: Static<typeof YearQuery> };

/**
 * The live evaluation of a plan (issue 5): GET /api/plans/:id/evaluation (assessments, roll-up,
 * attainment, alerts), /ranking (sub-regions' ranking with rank change), /evaluation/overview (what the
 * web overview shows) and /comparison (targets less ambitious than the plan above). A plan outside the
 * user's scope answers 404 like a missing one; `region` must lie within the plan's tree and the user's scope.
 * With `databaseUrl` (PostgreSQL) the app LISTENs for data changes made by other processes.
 */
export function evaluationRoutes(
  app: FastifyInstance,
  deps: ResolvedDeps,
  databaseUrl: string | null = null,
): void {
  // Several server processes on one PostgreSQL database: each listens for the data-version NOTIFY and brings
  // its cached evaluations up to date at once (the per-request data-state check stays the guarantee).
  let listener: Awaited<ReturnType<typeof startEvaluationListener>> = null;
  app.addHook('onReady', async () => {
    listener = await startEvaluationListener(deps.db, databaseUrl);
  });
  app.addHook('onClose', async () => {
    await listener?.close();
  });
  const visiblePlan = (request: FastifyRequest, id: string) =>
    visiblePlanSummary(deps.db, deps.regions, request.auth!.user, id, 'plan:read');
  const visibleRegion = (request: FastifyRequest, code: string | undefined) => {
    if (code === undefined) return null;
    const known = deps.regions.get(code) ? code : code.slice(0, 6); // a township: its county's scope
    if (!canInRegion(request.auth!.user, deps.regions, 'plan:read', known))
      throw new HalfskyError('REGION_NOT_FOUND', { code });
    return code;
  };

  app.get<Params>(
    '/api/plans/:id/evaluation',
    {
      config: { access: 'plan:read' },
      schema: {
        tags: ['evaluation'],
        summary: '规划评估：各目标在本地区及下辖地区的进展、汇总值、达标率与预警 / live evaluation of a plan',
        params: PlanParams,
        querystring: YearQuery,
        response: { 200: PlanEvaluationSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const plan = await visiblePlan(request, request.params.id);
      const regionCode = visibleRegion(request, request.query.region);
      return evaluatePlan(deps.db, { planId: plan.id, year: request.query.year, regionCode });
    },
  );

  app.get<Params>(
    '/api/plans/:id/ranking',
    {
      config: { access: 'plan:read' },
      schema: {
        tags: ['evaluation'],
        summary: '下辖地区排序（综合得分、名次变化及构成）/ ranking of the plan’s sub-regions',
        params: PlanParams,
        querystring: YearQuery,
        response: { 200: RankingSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const plan = await visiblePlan(request, request.params.id);
      const parentCode = visibleRegion(request, request.query.region);
      return rankRegions(deps.db, { planId: plan.id, year: request.query.year, parentCode });
    },
  );

  app.get<{ Params: Static<typeof PlanParams>; Querystring: Static<typeof OverviewQuery> }>(
    '/api/plans/:id/evaluation/overview',
    {
      config: { access: 'plan:read' },
      schema: {
        tags: ['evaluation'],
        summary:
          '评估概览：状态分布、预警分级、达标率、各目标状态及上年状态、上报完整性（默认最新有数据年度）/ evaluation overview',
        params: PlanParams,
        querystring: OverviewQuery,
        response: { 200: OverviewSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const plan = await visiblePlan(request, request.params.id);
      const region = planRegionCode(deps.regions, plan);
      // No year asked: the latest with approved data in the plan's region or below it (else last year).
      const regionCodes = region ? [region, ...deps.regions.subtree(region).map((r) => r.code)] : [];
      const year =
        request.query.year ??
        (await approvedDataFacts(deps.db, { regionCodes })).latestYear ??
        new Date().getFullYear() - 1;
      return evaluationOverview(deps.db, { planId: plan.id, year });
    },
  );

  app.get<{ Params: Static<typeof PlanParams> }>(
    '/api/plans/:id/comparison',
    {
      config: { access: 'plan:read' },
      schema: {
        tags: ['evaluation'],
        summary: '与上级规划比较：哪些目标低于上级要求 / targets less ambitious than the plan above',
        params: PlanParams,
        response: { 200: ComparisonSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const plan = await visiblePlan(request, request.params.id);
      return comparePlanWithParent(deps.db, { planId: plan.id });
    },
  );
}
