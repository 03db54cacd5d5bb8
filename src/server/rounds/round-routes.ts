import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config/load-config.js';
import { can } from '../../domain/access/can.js';
import { HalfskyError } from '../../domain/errors.js';
import type { RoundCellView } from '../../services/rounds/round-cells-view.js';
import { roundCellViews } from '../../services/rounds/round-cells-view.js';
import { lineageOf, loadRound, roundTree } from '../../services/rounds/round-context.js';
import { openRound } from '../../services/rounds/open-round.js';
import { reviewRoundCells } from '../../services/rounds/review-round-cells.js';
import { roundRollUp } from '../../services/rounds/round-roll-up.js';
import { roundStatus } from '../../services/rounds/round-status.js';
import { roundTemplateFile } from '../../services/rounds/round-template-file.js';
import { saveRoundRows } from '../../services/rounds/save-round-cells.js';
import { submitRoundCells } from '../../services/rounds/submit-round-cells.js';
import { uploadRoundFile } from '../../services/rounds/upload-round-file.js';
import { listKeyHistory } from '../../store/observation-history-repository.js';
import { listRoundCells, listRounds } from '../../store/round-repository.js';
import type { ResolvedDeps } from '../app-deps.js';
import { requestLang } from '../request-lang.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import {
  CellStateSchema,
  HistoryEntrySchema,
  RollUpCellSchema,
  RoundCellInputSchema,
  RoundCellSchema,
  RoundProgressSchema,
  RoundSchema,
  SavedCellSchema,
  SavedWarningSchema,
} from '../schemas/round-schema.js';

const TAGS = ['rounds'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) });
const CellParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 80 }),
  cellId: Type.String({ minLength: 1, maxLength: 80 }),
});
const OpenBody = Type.Object(
  {
    planId: Type.String({ minLength: 1, maxLength: 64 }),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    deadline: Type.String({ format: 'date', description: 'YYYY-MM-DD; late after this day (China time)' }),
  },
  { additionalProperties: false },
);
const CellsQuery = Type.Object(
  {
    department: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 12, description: 'region code' })),
    state: Type.Optional(CellStateSchema),
  },
  { additionalProperties: false },
);
const SaveBody = Type.Object(
  {
    cells: Type.Array(RoundCellInputSchema, { minItems: 1, maxItems: 5000 }),
    source: Type.Optional(
      Type.Union([Type.Literal('form'), Type.Literal('api')], { description: 'form (web grid) or api' }),
    ),
  },
  { additionalProperties: false },
);
const SubmitBody = Type.Object(
  {
    department: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 12, description: 'region code' })),
  },
  { additionalProperties: false },
);
const ReviewBody = Type.Object(
  {
    decisions: Type.Array(
      Type.Object(
        {
          cellId: Type.String({ minLength: 1, maxLength: 80 }),
          decision: Type.Union([Type.Literal('approve'), Type.Literal('return'), Type.Literal('reopen')], {
            description: 'reopen: an approved value, monitoring lead only',
          }),
          reason: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 5000 },
    ),
  },
  { additionalProperties: false },
);
const TemplateQuery = Type.Object(
  { department: Type.String({ minLength: 1, maxLength: 50 }) },
  { additionalProperties: false },
);
const UploadQuery = Type.Object(
  { filename: Type.String({ minLength: 1, maxLength: 200, description: 'the file name: .xlsx or .csv' }) },
  { additionalProperties: false },
);
const UPLOAD_TYPES = [
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
];

/**
 * Reporting rounds (docs/data-collection.md): open a round (round:manage), list and read rounds with their
 * progress, the owed cells with last year's value and the target, save cells (drafts, version-checked),
 * submit, review (approve / return with a reason / reopen), the Excel template and uploads, each cell's
 * history and the city's roll-up of its counties' approved values. A round outside the user's scope is 404.
 */
export function roundRoutes(app: FastifyInstance, config: Config, deps: ResolvedDeps): void {
  const user = (request: FastifyRequest) => request.auth!.user;

  app.get(
    '/api/rounds',
    {
      config: { access: 'observation:read' },
      schema: {
        tags: TAGS,
        summary: '填报轮次列表（限本人辖区）/ reporting rounds in the user’s scope',
        response: { 200: Type.Object({ rounds: Type.Array(RoundSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const u = user(request);
      const rounds = (await listRounds(deps.db)).filter((r) => {
        const tree = roundTree(r.regionCode);
        return (
          can(u, 'observation:read', { regionLineage: lineageOf(tree, r.regionCode) }) ||
          tree.subtree(r.regionCode).some((x) => x.code === u.regionCode)
        );
      });
      return { rounds };
    },
  );

  app.post<{ Body: Static<typeof OpenBody> }>(
    '/api/rounds',
    {
      config: { access: 'round:manage' },
      schema: {
        tags: TAGS,
        summary: '开启年度填报轮次（监测组）/ open a reporting round for a plan and year',
        body: OpenBody,
        response: { 201: Type.Object({ round: RoundSchema, cells: Type.Integer() }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const round = await openRound(deps.db, user(request), request.body, deps.now());
      const ctx = await loadRound(deps.db, user(request), round.id);
      const cells = (await listRoundCells(deps.db, ctx.round)).length;
      return reply.status(201).send({ round, cells });
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/rounds/:id',
    {
      config: { access: 'observation:read' },
      schema: {
        tags: TAGS,
        summary: '轮次及完成情况（应报、已填、已报送、已审核、逾期）和催报名单 / a round with its progress',
        params: IdParams,
        response: {
          200: Type.Object({ round: RoundSchema, progress: RoundProgressSchema }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      const ctx = await loadRound(deps.db, user(request), request.params.id);
      const progress = await roundStatus(deps.db, user(request), ctx, deps.now());
      const en = requestLang(request, config.lang) === 'en';
      return {
        round: ctx.round,
        progress: {
          ...progress,
          byRegion: progress.byRegion.map((r) => ({
            ...r,
            regionName: ctx.tree.get(r.regionCode)?.name ?? r.regionCode,
          })),
          reminders: progress.reminders.map((r) => {
            const names = r.regionCodes.map((c) => ctx.tree.get(c)?.name ?? c);
            return {
              ...r,
              message: en
                ? `${r.department}: ${r.overdue} cells overdue (deadline ${ctx.round.deadline}) in ${r.regionCodes.join(', ')}`
                : `请${r.department}尽快报送：${names.join('、')}共 ${r.overdue} 项数据已逾期（截止日期 ${ctx.round.deadline}）`,
            };
          }),
        },
      };
    },
  );

  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof CellsQuery> }>(
    '/api/rounds/:id/cells',
    {
      config: { access: 'observation:read' },
      schema: {
        tags: TAGS,
        summary: '应报单元格（含上年值、目标、状态、退回原因、预警）/ the owed cells the user may see',
        params: IdParams,
        querystring: CellsQuery,
        response: { 200: Type.Object({ cells: Type.Array(RoundCellSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const ctx = await loadRound(deps.db, user(request), request.params.id);
      const q = request.query;
      const cells: RoundCellView[] = await roundCellViews(deps.db, user(request), ctx, {
        ...(q.department !== undefined ? { department: q.department } : {}),
        ...(q.region !== undefined ? { regionCode: q.region } : {}),
        ...(q.state !== undefined ? { state: q.state } : {}),
      });
      return { cells };
    },
  );

  app.put<{ Params: Static<typeof IdParams>; Body: Static<typeof SaveBody> }>(
    '/api/rounds/:id/cells',
    {
      config: { access: 'observation:write' },
      schema: {
        tags: TAGS,
        summary:
          '保存草稿（逐格或批量，全部成功或全部不保存，版本检查）/ save cells as drafts, all or nothing, version-checked',
        params: IdParams,
        body: SaveBody,
        response: {
          200: Type.Object({
            saved: Type.Integer(),
            cells: Type.Array(SavedCellSchema, { description: 'the saved cells’ new versions' }),
            warnings: Type.Array(SavedWarningSchema),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      const ctx = await loadRound(deps.db, user(request), request.params.id, 'observation:write');
      const text = (v: string | number | null | undefined) =>
        v === null || v === undefined ? '' : String(v);
      const result = await saveRoundRows(
        deps.db,
        user(request),
        ctx,
        request.body.cells.map((c, i) => ({
          raw: {
            line: i,
            cells: {
              indicator: c.indicator,
              region: c.region,
              sex: text(c.sex),
              urban_rural: text(c.urbanRural),
              age: text(c.age),
              value: text(c.value),
              numerator: text(c.numerator),
              denominator: text(c.denominator),
              comment: text(c.comment),
            },
          },
          version: c.version,
        })),
        {
          source: request.body.source ?? 'api',
          now: deps.now(),
          locate: (i) => ({ field: `cells.${i}`, zh: `第 ${i + 1} 个单元格`, en: `cell ${i}` }),
        },
      );
      const lang = requestLang(request, config.lang);
      return {
        saved: result.saved,
        cells: result.cells,
        warnings: result.warnings.map((w) => ({
          field: w.field,
          cellId: w.cellId,
          check: w.check,
          message: w[lang],
        })),
      };
    },
  );

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof SubmitBody> }>(
    '/api/rounds/:id/submit',
    {
      config: { access: 'observation:write' },
      schema: {
        tags: TAGS,
        summary: '报送本部门（或本地区）的草稿待审核 / submit a department’s or region’s saved cells',
        params: IdParams,
        body: SubmitBody,
        response: {
          200: Type.Object({
            submitted: Type.Integer(),
            missing: Type.Integer({ description: 'owed cells still without a value' }),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      const ctx = await loadRound(deps.db, user(request), request.params.id, 'observation:write');
      const b = request.body;
      return submitRoundCells(
        deps.db,
        user(request),
        ctx,
        {
          ...(b.department !== undefined ? { department: b.department } : {}),
          ...(b.region !== undefined ? { regionCode: b.region } : {}),
        },
        deps.now(),
      );
    },
  );

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof ReviewBody> }>(
    '/api/rounds/:id/review',
    {
      config: { access: 'observation:approve' },
      schema: {
        tags: TAGS,
        summary:
          '审核：通过（锁定）、退回（须填原因）、重新开放（仅监测组，须填原因）/ approve, return or reopen cells',
        params: IdParams,
        body: ReviewBody,
        response: {
          200: Type.Object({ approved: Type.Integer(), returned: Type.Integer(), reopened: Type.Integer() }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      const ctx = await loadRound(deps.db, user(request), request.params.id, 'observation:approve');
      return reviewRoundCells(deps.db, user(request), ctx, request.body.decisions, deps.now());
    },
  );

  app.get<{ Params: Static<typeof CellParams> }>(
    '/api/rounds/:id/cells/:cellId/history',
    {
      config: { access: 'observation:read' },
      schema: {
        tags: TAGS,
        summary: '单元格修改记录（谁、何时、原值、新值、原因、来源）/ the audit trail of one cell',
        params: CellParams,
        response: { 200: Type.Object({ history: Type.Array(HistoryEntrySchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const ctx = await loadRound(deps.db, user(request), request.params.id);
      const [cell] = await listRoundCells(deps.db, ctx.round, { ids: [request.params.cellId] });
      if (
        !cell ||
        !can(user(request), 'observation:read', { regionLineage: lineageOf(ctx.tree, cell.regionCode) })
      )
        throw new HalfskyError('ROUND_NOT_FOUND', { id: `${request.params.id}/${request.params.cellId}` });
      // By the value's key: round changes and those made through PUT /api/observations alike.
      return { history: await listKeyHistory(deps.db, { ...cell, year: ctx.round.year }) };
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/rounds/:id/roll-up',
    {
      config: { access: 'observation:read' },
      schema: {
        tags: TAGS,
        summary: '下辖地区已审核数据汇总（市级视图）/ the counties’ approved values rolled up to the city',
        params: IdParams,
        response: { 200: Type.Object({ cells: Type.Array(RollUpCellSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const ctx = await loadRound(deps.db, user(request), request.params.id);
      const cells = await roundRollUp(deps.db, user(request), ctx);
      return {
        cells: cells.map((c) => ({
          indicatorCode: c.indicatorCode,
          sex: c.sex,
          urbanRural: c.urbanRural,
          age: c.age,
          regionCode: c.regionCode,
          reported: c.reported,
          value: c.rolledUp.value,
          numerator: c.rolledUp.numerator,
          denominator: c.rolledUp.denominator,
          reason: c.rolledUp.reason,
          contributed: c.rolledUp.coverage.contributed,
          missing: c.rolledUp.coverage.missing,
          complete: c.rolledUp.coverage.complete,
        })),
      };
    },
  );

  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof TemplateQuery> }>(
    '/api/rounds/:id/template',
    {
      config: { access: 'observation:write' },
      schema: {
        tags: TAGS,
        summary: '下载部门填报模板（Excel）/ the Excel template of a department',
        params: IdParams,
        querystring: TemplateQuery,
        response: {
          200: Type.String({ format: 'binary', description: 'XLSX workbook' }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      const ctx = await loadRound(deps.db, user(request), request.params.id, 'observation:write');
      const file = await roundTemplateFile(deps.db, user(request), ctx, request.query.department);
      return reply
        .header('content-type', UPLOAD_TYPES[1])
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(file.bytes);
    },
  );

  // Uploads take the raw file as the body; their parser lives in a child scope so it touches no other route.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: config.maxUploadBytes },
      (_request, body, done) => done(null, body),
    );
    scope.post<{ Params: Static<typeof IdParams>; Querystring: Static<typeof UploadQuery> }>(
      '/api/rounds/:id/upload',
      {
        config: { access: 'observation:write' },
        bodyLimit: config.maxUploadBytes,
        onRequest: async (request) => {
          const length = Number(request.headers['content-length'] ?? 0);
          if (length > config.maxUploadBytes)
            throw new HalfskyError('FILE_TOO_LARGE', {
              path: 'upload',
              sizeMb: Math.round((length / 1048576) * 10) / 10,
              maxMb: config.maxUploadMb,
            });
        },
        schema: {
          tags: TAGS,
          summary:
            '上传填好的模板（.xlsx）或 CSV：全部成功或全部不保存 / upload a filled-in template or CSV, all or nothing',
          description: `Body: the file itself (Content-Type ${UPLOAD_TYPES.join(', ')}), at most HALFSKY_MAX_UPLOAD_MB.`,
          params: IdParams,
          querystring: UploadQuery,
          response: {
            200: Type.Object({
              rows: Type.Integer({ description: 'rows with a value in the file' }),
              saved: Type.Integer({
                description: 'cells stored (rows equal to the stored value are left out)',
              }),
              warnings: Type.Array(SavedWarningSchema),
            }),
            413: ERROR_RESPONSES[400],
            ...ERROR_RESPONSES,
          },
        },
      },
      async (request) => {
        const ctx = await loadRound(deps.db, user(request), request.params.id, 'observation:write');
        const body = request.body as Buffer | undefined;
        const result = await uploadRoundFile(
          deps.db,
          user(request),
          ctx,
          { bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0), filename: request.query.filename },
          { maxBytes: config.maxUploadBytes, now: deps.now() },
        );
        const lang = requestLang(request, config.lang);
        return {
          rows: result.rows,
          saved: result.saved,
          warnings: result.warnings.map((w) => ({
            field: w.field,
            cellId: w.cellId,
            check: w.check,
            message: w[lang],
          })),
        };
      },
    );
  });
}
