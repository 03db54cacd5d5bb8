import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { publishResults, withdrawResults } from '../../services/publication/public-results.js';
import { listPublications } from '../../store/publication-repository.js';
import type { ResolvedDeps } from '../app-deps.js';
import { recordAudit } from '../audit.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import { visiblePlanSummary } from '../scope.js';

const PlanParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const YearParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
});
const PublicationSchema = Type.Object({
  planId: Type.String(),
  year: Type.Integer(),
  publishedAt: Type.String(),
  publishedBy: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
});
const PublishBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

/**
 * The plan owner's publication of a year's results: GET /api/plans/:id/publications (plan readers), PUT
 * and DELETE /api/plans/:id/publications/:year (publication:manage; audited). Only published years are
 * visible in /api/public. A plan outside the user's scope answers 404.
 */
export function publicationRoutes(app: FastifyInstance, deps: ResolvedDeps): void {
  const visiblePlan = (request: FastifyRequest, id: string, action: 'plan:read' | 'publication:manage') =>
    visiblePlanSummary(deps.db, deps.regions, request.auth!.user, id, action);

  app.get<{ Params: Static<typeof PlanParams> }>(
    '/api/plans/:id/publications',
    {
      config: { access: 'plan:read' },
      schema: {
        tags: ['publication'],
        summary: '规划已公开发布的年度 / the published years of a plan',
        params: PlanParams,
        response: { 200: Type.Object({ publications: Type.Array(PublicationSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const plan = await visiblePlan(request, request.params.id, 'plan:read');
      return { publications: await listPublications(deps.db, plan.id) };
    },
  );

  app.put<{ Params: Static<typeof YearParams>; Body: Static<typeof PublishBody> }>(
    '/api/plans/:id/publications/:year',
    {
      config: { access: 'publication:manage' },
      schema: {
        tags: ['publication'],
        summary: '公开发布某年度结果 / publish a year’s results',
        params: YearParams,
        body: PublishBody,
        response: { 200: PublicationSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const plan = await visiblePlan(request, request.params.id, 'publication:manage');
      const user = request.auth!.user;
      const publication = await publishResults(deps.db, {
        planId: plan.id,
        year: request.params.year,
        publishedBy: user.id,
        note: request.body?.note ?? null,
        now: deps.now(),
      });
      await recordAudit(deps.db, request, deps.now(), 'results_published', {
        plan: plan.id,
        year: request.params.year,
      });
      return publication;
    },
  );

  app.delete<{ Params: Static<typeof YearParams> }>(
    '/api/plans/:id/publications/:year',
    {
      config: { access: 'publication:manage' },
      schema: {
        tags: ['publication'],
        summary: '撤回某年度的公开发布 / withdraw a published year',
        params: YearParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const plan = await visiblePlan(request, request.params.id, 'publication:manage');
      await withdrawResults(deps.db, plan.id, request.params.year);
      await recordAudit(deps.db, request, deps.now(), 'results_withdrawn', {
        plan: plan.id,
        year: request.params.year,
      });
      return reply.code(204).send();
    },
  );
}
