import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/load-config.js';
import { can } from '../../domain/access/can.js';
import { HalfskyError } from '../../domain/errors.js';
import { roundCellViews } from '../../services/rounds/round-cells-view.js';
import { lineageOf } from '../../services/rounds/round-context.js';
import { reviewRoundCells } from '../../services/rounds/review-round-cells.js';
import { roundRollUp } from '../../services/rounds/round-roll-up.js';
import { saveRoundRows } from '../../services/rounds/save-round-cells.js';
import { submitRoundCells } from '../../services/rounds/submit-round-cells.js';
import { listKeyHistory } from '../../store/observation-history-repository.js';
import { listRoundCells } from '../../store/round-cell-repository.js';
import type { ResolvedDeps } from '../app-deps.js';
import { requestLang } from '../request-lang.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import {
  HistoryEntrySchema,
  RollUpCellSchema,
  RoundCellSchema,
  SavedCellSchema,
  SavedWarningSchema,
} from '../schemas/round-schema.js';
import { CellParams, CellsQuery, IdParams, ReviewBody, SaveBody, SubmitBody } from './round-route-schemas.js';
import { roundRoute, warningsIn } from './round-route.js';

/**
 * The cells of a round: list them, save drafts (version-checked, all or nothing), submit, review
 * (approve / return / reopen), each cell's history and the city's roll-up of its counties' approved values.
 */
export function roundCellRoutes(app: FastifyInstance, config: Config, deps: ResolvedDeps): void {
  roundRoute<{ Params: Static<typeof IdParams>; Querystring: Static<typeof CellsQuery> }>(
    app,
    deps,
    {
      method: 'GET',
      url: '/api/rounds/:id/cells',
      access: 'observation:read',
      schema: {
        summary: '应报单元格（含上年值、目标、状态、退回原因、预警）/ the owed cells the user may see',
        params: IdParams,
        querystring: CellsQuery,
        response: { 200: Type.Object({ cells: Type.Array(RoundCellSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (ctx, request) => {
      const q = request.query;
      const cells = await roundCellViews(deps.db, request.auth!.user, ctx, {
        ...(q.department !== undefined ? { department: q.department } : {}),
        ...(q.region !== undefined ? { regionCode: q.region } : {}),
        ...(q.state !== undefined ? { state: q.state } : {}),
      });
      return { cells };
    },
  );

  roundRoute<{ Params: Static<typeof IdParams>; Body: Static<typeof SaveBody> }>(
    app,
    deps,
    {
      method: 'PUT',
      url: '/api/rounds/:id/cells',
      access: 'observation:write',
      schema: {
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
    async (ctx, request) => {
      const text = (v: string | number | null | undefined) =>
        v === null || v === undefined ? '' : String(v);
      const result = await saveRoundRows(
        deps.db,
        request.auth!.user,
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
      return {
        saved: result.saved,
        cells: result.cells,
        warnings: warningsIn(result.warnings, requestLang(request, config.lang)),
      };
    },
  );

  roundRoute<{ Params: Static<typeof IdParams>; Body: Static<typeof SubmitBody> }>(
    app,
    deps,
    {
      method: 'POST',
      url: '/api/rounds/:id/submit',
      access: 'observation:write',
      schema: {
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
    async (ctx, request) => {
      const b = request.body;
      return submitRoundCells(
        deps.db,
        request.auth!.user,
        ctx,
        {
          ...(b.department !== undefined ? { department: b.department } : {}),
          ...(b.region !== undefined ? { regionCode: b.region } : {}),
        },
        deps.now(),
      );
    },
  );

  roundRoute<{ Params: Static<typeof IdParams>; Body: Static<typeof ReviewBody> }>(
    app,
    deps,
    {
      method: 'POST',
      url: '/api/rounds/:id/review',
      access: 'observation:approve',
      schema: {
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
    async (ctx, request) =>
      reviewRoundCells(deps.db, request.auth!.user, ctx, request.body.decisions, deps.now()),
  );

  roundRoute<{ Params: Static<typeof CellParams> }>(
    app,
    deps,
    {
      method: 'GET',
      url: '/api/rounds/:id/cells/:cellId/history',
      access: 'observation:read',
      schema: {
        summary: '单元格修改记录（谁、何时、原值、新值、原因、来源）/ the audit trail of one cell',
        params: CellParams,
        response: { 200: Type.Object({ history: Type.Array(HistoryEntrySchema) }), ...ERROR_RESPONSES },
      },
    },
    async (ctx, request) => {
      const [cell] = await listRoundCells(deps.db, ctx.round, { ids: [request.params.cellId] });
      if (
        !cell ||
        !can(request.auth!.user, 'observation:read', { regionLineage: lineageOf(ctx.tree, cell.regionCode) })
      )
        throw new HalfskyError('ROUND_NOT_FOUND', { id: `${request.params.id}/${request.params.cellId}` });
      // By the value's key: round changes and those made through PUT /api/observations alike.
      return { history: await listKeyHistory(deps.db, { ...cell, year: ctx.round.year }) };
    },
  );

  roundRoute<{ Params: Static<typeof IdParams> }>(
    app,
    deps,
    {
      method: 'GET',
      url: '/api/rounds/:id/roll-up',
      access: 'observation:read',
      schema: {
        summary: '下辖地区已审核数据汇总（市级视图）/ the counties’ approved values rolled up to the city',
        params: IdParams,
        response: { 200: Type.Object({ cells: Type.Array(RollUpCellSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (ctx, request) => {
      const cells = await roundRollUp(deps.db, request.auth!.user, ctx);
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
}
