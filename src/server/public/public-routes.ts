import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  listPublished,
  publicChart,
  publicPlanYear,
  requirePublished,
} from '../../services/publication/public-results.js';
import { openDataFiles, openDataZip } from '../../services/publication/open-data.js';
import { generateReport } from '../../services/reports/generate-report.js';
import type { ResolvedDeps } from '../app-deps.js';
import { sendFile } from '../reports/send-file.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import {
  fileResponse,
  OpenDataJsonSchema,
  PublicChartSchema,
  PublicPlanYearSchema,
  PublishedYearSchema,
} from './public-schema.js';
import { HalfskyError } from '../../domain/errors.js';

const YearParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
});
const IndicatorParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  indicator: Type.String({ minLength: 3, maxLength: 80 }),
});
const ReportParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  kind: Type.Union([Type.Literal('annual'), Type.Literal('yearbook')]),
});
const FormatQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json')])) },
  { additionalProperties: false },
);
const ReportQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('docx'), Type.Literal('xlsx')])) },
  { additionalProperties: false },
);
const PUBLIC = { access: 'public' } as const;

/**
 * The public section, without login: what plan owners published and nothing else. Every route but the
 * index first checks that the plan's year is published (else 404 NOT_PUBLISHED, the same for a missing
 * plan) and shows data up to that year, approved values only.
 * GET /api/public/publications, /api/public/plans/:id/years/:year (indicators and 达标率),
 * …/charts/:indicator (the series chart's data), …/open-data/:indicator?format=csv|json (Open SDG tidy
 * CSV), …/open-data.zip (everything), …/reports/annual|yearbook.
 */
export function publicRoutes(app: FastifyInstance, deps: ResolvedDeps): void {
  app.get(
    '/api/public/publications',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: '公开发布的规划年度 / published plan years',
        response: { 200: Type.Object({ publications: Type.Array(PublishedYearSchema) }), ...ERROR_RESPONSES },
      },
    },
    async () => ({
      publications: (await listPublished(deps.db)).map((p) => ({
        planId: p.planId,
        planTitle: p.planTitle,
        region: p.region,
        year: p.year,
        publishedAt: p.publishedAt,
      })),
    }),
  );

  app.get<{ Params: Static<typeof YearParams> }>(
    '/api/public/plans/:id/years/:year',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: '已发布年度的指标、进展状态和达标率 / published indicators, statuses, attainment',
        params: YearParams,
        response: { 200: PublicPlanYearSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => publicPlanYear(deps.db, request.params.id, request.params.year),
  );

  app.get<{ Params: Static<typeof IndicatorParams> }>(
    '/api/public/plans/:id/years/:year/charts/:indicator',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: '已发布指标的图表数据（seriesOption 的输入）/ chart data of a published indicator',
        params: IndicatorParams,
        response: { 200: PublicChartSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const published = await publicPlanYear(deps.db, request.params.id, request.params.year);
      const indicator = published.indicators.find((i) => i.indicatorCode === request.params.indicator);
      if (!indicator) throw new HalfskyError('INDICATOR_NOT_FOUND', { code: request.params.indicator });
      return { chart: publicChart(indicator) };
    },
  );

  app.get<{ Params: Static<typeof IndicatorParams>; Querystring: Static<typeof FormatQuery> }>(
    '/api/public/plans/:id/years/:year/open-data/:indicator',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: '开放数据：Open SDG 格式的 CSV 或 JSON / open data (Open SDG CSV or JSON)',
        params: IndicatorParams,
        querystring: FormatQuery,
        response: {
          200: {
            description: 'Open SDG CSV（默认）或 JSON（format=json）',
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/json': { schema: OpenDataJsonSchema },
            },
          },
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      const { id, year, indicator } = request.params;
      const files = await openDataFiles(deps.db, id, year, indicator);
      if (request.query.format === 'json') return files.json;
      return sendFile(reply, `${id}-${year}-${indicator}.csv`, 'text/csv; charset=utf-8', files.csv);
    },
  );

  app.get<{ Params: Static<typeof YearParams> }>(
    '/api/public/plans/:id/years/:year/open-data.zip',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: '全部开放数据（zip）/ all open data of a published year (zip)',
        params: YearParams,
        response: { 200: fileResponse('zip：每个指标的 CSV 和 JSON', 'application/zip'), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { id, year } = request.params;
      return sendFile(
        reply,
        `${id}-${year}-open-data.zip`,
        'application/zip',
        await openDataZip(deps.db, id, year),
      );
    },
  );

  app.get<{ Params: Static<typeof ReportParams>; Querystring: Static<typeof ReportQuery> }>(
    '/api/public/plans/:id/years/:year/reports/:kind',
    {
      config: PUBLIC,
      schema: {
        tags: ['public'],
        summary: '已发布年度的报告（年度监测报告、统计资料）/ reports of a published year',
        params: ReportParams,
        querystring: ReportQuery,
        response: {
          200: fileResponse(
            '.docx（统计资料可选 .xlsx）',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      const { id, year, kind } = request.params;
      await requirePublished(deps.db, id, year);
      const out = await generateReport(deps.db, {
        kind,
        planId: id,
        year,
        ...(request.query.format ? { format: request.query.format } : {}),
      });
      return sendFile(reply, out.fileName, out.contentType, out.bytes);
    },
  );
}
