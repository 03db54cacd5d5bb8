import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { HalfskyError } from '../../domain/errors.js';
import { DEPARTMENT_TEMPLATES, REPORT_KINDS } from '../../reports/report-data.js';
import { generateReport } from '../../services/reports/generate-report.js';
import type { ResolvedDeps } from '../app-deps.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import { canInRegion, visiblePlanSummary } from '../scope.js';
import { sendFile } from './send-file.js';

const Params = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  kind: Type.Union(
    REPORT_KINDS.map((k) => Type.Literal(k)),
    { description: '报告类型 / report kind' },
  ),
});
const Query = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100, description: '年度 / year' }),
    region: Type.Optional(
      Type.String({ minLength: 2, maxLength: 12, description: '行政区划代码（默认规划地区）' }),
    ),
    department: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: '责任单位（部门报告）' }),
    ),
    template: Type.Optional(Type.Union(DEPARTMENT_TEMPLATES.map((t) => Type.Literal(t)))),
    format: Type.Optional(Type.Union([Type.Literal('docx'), Type.Literal('xlsx')])),
  },
  { additionalProperties: false },
);

/**
 * GET /api/plans/:id/reports/:kind?year=&region=&department=&template=&format= — the annual report, the
 * mid-term / final evaluation, the yearbook (docx or xlsx) or a department template, as a download. A plan or
 * region outside the user's scope answers 404 like a missing one.
 */
export function reportRoutes(app: FastifyInstance, deps: ResolvedDeps): void {
  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof Query> }>(
    '/api/plans/:id/reports/:kind',
    {
      config: { access: 'report:read' },
      schema: {
        tags: ['reports'],
        summary: '下载报告（年度监测、中期/终期评估、统计资料、部门报告）/ download a report',
        params: Params,
        querystring: Query,
        response: ERROR_RESPONSES,
      },
    },
    async (request, reply) => {
      const { id, kind } = request.params;
      const user = request.auth!.user;
      await visiblePlanSummary(deps.db, deps.regions, user, id, 'report:read');
      const region = request.query.region;
      if (
        region !== undefined &&
        !canInRegion(
          user,
          deps.regions,
          'report:read',
          deps.regions.get(region) ? region : region.slice(0, 6),
        )
      )
        throw new HalfskyError('REGION_NOT_FOUND', { code: region });
      const out = await generateReport(deps.db, {
        kind,
        planId: id,
        year: request.query.year,
        regionCode: region ?? null,
        department: request.query.department ?? null,
        ...(request.query.template ? { template: request.query.template } : {}),
        ...(request.query.format ? { format: request.query.format } : {}),
      });
      return sendFile(reply, out.fileName, out.contentType, out.bytes);
    },
  );
}
