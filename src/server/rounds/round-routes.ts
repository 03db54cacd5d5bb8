import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/load-config.js';
import { can } from '../../domain/access/can.js';
import { lineageOf, loadRound, roundTree } from '../../services/rounds/round-context.js';
import { closeRound, reopenRound } from '../../services/rounds/close-round.js';
import { openRound } from '../../services/rounds/open-round.js';
import { roundStatus } from '../../services/rounds/round-status.js';
import { listRoundCells } from '../../store/round-cell-repository.js';
import { listRounds, listRoundStatusChanges } from '../../store/round-repository.js';
import type { ResolvedDeps } from '../app-deps.js';
import { requestLang } from '../request-lang.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import { RoundProgressSchema, RoundSchema, RoundStatusChangeSchema } from '../schemas/round-schema.js';
import { roundCellRoutes } from './round-cell-routes.js';
import { roundFileRoutes } from './round-file-routes.js';
import { IdParams, OpenBody, ReopenBody } from './round-route-schemas.js';
import { ROUND_TAGS, roundRoute } from './round-route.js';

/**
 * Reporting rounds (docs/data-collection.md): open, close and reopen a round (round:manage), list and read
 * rounds with their progress; the cells (round-cell-routes.ts) and the Excel template and uploads (round-file-routes.ts).
 * A round outside the user's scope is 404.
 */
export function roundRoutes(app: FastifyInstance, config: Config, deps: ResolvedDeps): void {
  app.get(
    '/api/rounds',
    {
      config: { access: 'observation:read' },
      schema: {
        tags: ROUND_TAGS,
        summary: '填报轮次列表（限本人辖区）/ reporting rounds in the user’s scope',
        response: { 200: Type.Object({ rounds: Type.Array(RoundSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const u = request.auth!.user;
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
        tags: ROUND_TAGS,
        summary: '开启年度填报轮次（监测组）/ open a reporting round for a plan and year',
        body: OpenBody,
        response: { 201: Type.Object({ round: RoundSchema, cells: Type.Integer() }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const user = request.auth!.user;
      const round = await openRound(deps.db, user, request.body, deps.now());
      const ctx = await loadRound(deps.db, user, round.id);
      const cells = (await listRoundCells(deps.db, ctx.round)).length;
      return reply.status(201).send({ round, cells });
    },
  );

  roundRoute<{ Params: Static<typeof IdParams> }>(
    app,
    deps,
    {
      method: 'GET',
      url: '/api/rounds/:id',
      access: 'observation:read',
      schema: {
        summary: '轮次及完成情况（应报、已填、已报送、已审核、逾期）和催报名单 / a round with its progress',
        params: IdParams,
        response: {
          200: Type.Object({
            round: RoundSchema,
            progress: RoundProgressSchema,
            statusChanges: Type.Array(RoundStatusChangeSchema, {
              description: 'every closing and reopening, oldest first',
            }),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (ctx, request) => {
      const progress = await roundStatus(deps.db, request.auth!.user, ctx, deps.now());
      const en = requestLang(request, config.lang) === 'en';
      return {
        round: ctx.round,
        statusChanges: await listRoundStatusChanges(deps.db, ctx.round.id),
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

  roundRoute<{ Params: Static<typeof IdParams> }>(
    app,
    deps,
    {
      method: 'POST',
      url: '/api/rounds/:id/close',
      access: 'round:manage',
      schema: {
        summary:
          '关闭填报轮次（监测组）：此后不能再保存、报送或上传，数据仍可查看 / close a round: nothing more can be saved, submitted or uploaded',
        params: IdParams,
        response: { 200: Type.Object({ round: RoundSchema }), ...ERROR_RESPONSES },
      },
    },
    async (ctx, request) => ({ round: await closeRound(deps.db, request.auth!.user, ctx, deps.now()) }),
  );

  roundRoute<{ Params: Static<typeof IdParams>; Body: Static<typeof ReopenBody> }>(
    app,
    deps,
    {
      method: 'POST',
      url: '/api/rounds/:id/reopen',
      access: 'round:manage',
      schema: {
        summary: '重新开放已关闭的轮次（监测组，须填原因）/ reopen a closed round, with a reason',
        params: IdParams,
        body: ReopenBody,
        response: { 200: Type.Object({ round: RoundSchema }), ...ERROR_RESPONSES },
      },
    },
    async (ctx, request) => ({
      round: await reopenRound(deps.db, request.auth!.user, ctx, request.body.reason, deps.now()),
    }),
  );

  roundCellRoutes(app, config, deps);
  roundFileRoutes(app, config, deps);
}
