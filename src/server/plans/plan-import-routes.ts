import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config/load-config.js';
import { acceptRawFiles, refuseOversizedUpload } from '../raw-upload.js';
import { HalfskyError } from '../../domain/errors.js';
import type { PlanLinks } from '../../domain/indicators/link-targets.js';
import type { Plan } from '../../domain/plan.js';
import { planItemId, withItemIds } from '../../domain/plan-item-ids.js';
import { parsePlanUpload } from '../../services/plans/parse-plan-upload.js';
import { saveCorrectedPlan } from '../../services/plans/save-corrected-plan.js';
import { getPlanSummary } from '../../store/plan-repository.js';
import type { ResolvedDeps } from '../app-deps.js';
import { recordAudit } from '../audit.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import { PlanInputSchema, PlanSourceSchema, TargetLinkSchema } from '../schemas/plan-input-schema.js';
import { PlanSchema, PlanSummarySchema } from '../schemas/plan-schema.js';
import { canInRegion, planRegionCode } from '../scope.js';

const TAGS = ['plans'];
/** Content types a plan document may be sent with; the format comes from the file name. */
const DOCUMENT_TYPES = [
  'application/octet-stream',
  'text/plain',
  'text/markdown',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];
const ParseQuery = Type.Object(
  {
    filename: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'the file name: .txt, .md, .docx or .pdf',
    }),
  },
  { additionalProperties: false },
);
const SaveBody = Type.Object({ plan: PlanInputSchema, source: PlanSourceSchema });
const LinkShare = Type.Object({
  linked: Type.Integer(),
  total: Type.Integer(),
});

const linksOut = (planId: string, links: PlanLinks) =>
  links.links.map((l, i) => ({
    targetId: planItemId.target(planId, i),
    indicatorCode: l.indicatorCode,
    method: l.method,
    score: l.score,
  }));
const share = (links: PlanLinks) => ({
  linked: links.links.filter((l) => l.indicatorCode !== null).length,
  total: links.links.length,
});

/**
 * Plan import through the browser: POST /api/plans/parse reads an uploaded document and answers the parsed
 * plan beside its source text and indicator links (stores nothing); POST /api/plans stores the plan as
 * corrected, refusing one whose region lies outside the user's scope.
 */
export function planImportRoutes(app: FastifyInstance, config: Config, deps: ResolvedDeps): void {
  const inScope = (request: FastifyRequest) => (plan: Pick<Plan, 'region' | 'parentRegion'>) =>
    canInRegion(request.auth!.user, deps.regions, 'plan:import', planRegionCode(deps.regions, plan));

  app.post<{ Body: Static<typeof SaveBody> }>(
    '/api/plans',
    {
      config: { access: 'plan:import' },
      bodyLimit: config.maxUploadBytes * 2,
      schema: {
        tags: TAGS,
        summary:
          '保存（校正后的）规划及其指标匹配 / store a (corrected) parsed plan with its indicator links',
        body: SaveBody,
        response: {
          201: Type.Object({ plan: PlanSummarySchema, created: Type.Boolean(), links: LinkShare }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      const { plan: input, source } = request.body;
      const result = await saveCorrectedPlan(deps.db, input as Plan, source, {
        inScope: inScope(request),
        now: deps.now(),
      }).catch(async (error: unknown) => {
        if (error instanceof HalfskyError && error.code === 'PLAN_OUT_OF_SCOPE')
          await recordAudit(deps.db, request, deps.now(), 'access_denied', {
            reason: 'scope',
            plan: input.id,
            region: input.region,
          });
        throw error;
      });
      const summary = (await getPlanSummary(deps.db, result.plan.id))!;
      await recordAudit(deps.db, request, deps.now(), 'plan_imported', {
        plan: result.plan.id,
        created: result.created,
        targets: result.plan.targets.length,
      });
      return reply.status(201).send({
        plan: { ...summary, regionCode: planRegionCode(deps.regions, summary) },
        created: result.created,
        links: share(result.links),
      });
    },
  );

  // The upload takes the raw file as the body; its parser lives in a child scope so it touches no other route.
  void app.register(async (scope) => {
    acceptRawFiles(scope, DOCUMENT_TYPES, config);
    scope.post<{ Querystring: Static<typeof ParseQuery> }>(
      '/api/plans/parse',
      {
        config: { access: 'plan:import' },
        bodyLimit: config.maxUploadBytes,
        onRequest: refuseOversizedUpload(config, 'file'),
        schema: {
          tags: TAGS,
          summary: '解析上传的规划文件（不保存）/ parse an uploaded plan document; stores nothing',
          description: `Body: the file itself (Content-Type ${DOCUMENT_TYPES.join(', ')}), at most HALFSKY_MAX_UPLOAD_MB.`,
          querystring: ParseQuery,
          response: {
            200: Type.Object({
              plan: PlanSchema,
              source: PlanSourceSchema,
              links: Type.Array(TargetLinkSchema),
              inScope: Type.Boolean({ description: 'whether the user may store a plan of this region' }),
            }),
            413: ERROR_RESPONSES[400],
            ...ERROR_RESPONSES,
          },
        },
      },
      async (request) => {
        const body = request.body as Buffer | undefined;
        const parsed = await parsePlanUpload(
          { bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0), filename: request.query.filename },
          { maxBytes: config.maxUploadBytes },
        );
        return {
          plan: { ...withItemIds(parsed.plan), regionCode: planRegionCode(deps.regions, parsed.plan) },
          source: parsed.source,
          links: linksOut(parsed.plan.id, parsed.links),
          inScope: inScope(request)(parsed.plan),
        };
      },
    );
  });
}
