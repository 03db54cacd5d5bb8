import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { NATIONAL_CODE } from '../../domain/regions/region.js';
import { queryAudit, type AuditEvent } from '../../store/audit-repository.js';
import { listUsers } from '../../store/user-repository.js';
import type { ResolvedDeps } from '../app-deps.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import { canInRegion } from '../scope.js';

const AUDIT_EVENTS: readonly AuditEvent[] = [
  'login_ok',
  'login_failed',
  'login_rate_limited',
  'logout',
  'user_created',
  'user_changed',
  'access_denied',
  'responsibilities_changed',
  'results_published',
  'results_withdrawn',
  'plan_imported',
];

const AuditQuery = Type.Object(
  {
    event: Type.Optional(Type.Union(AUDIT_EVENTS.map((e) => Type.Literal(e)))),
    user: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'user id' })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);

const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  userId: Type.Union([Type.String(), Type.Null()]),
  event: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()),
  ip: Type.Union([Type.String(), Type.Null()]),
});

/**
 * GET /api/audit: the security log for administrators, filtered by event, user and time, most recent first,
 * paged. An administrator sees the entries of the users in their region scope; entries without a user
 * (failed sign-ins of unknown names) only with a national scope.
 */
export function auditRoutes(app: FastifyInstance, deps: ResolvedDeps): void {
  app.get<{ Querystring: Static<typeof AuditQuery> }>(
    '/api/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志（限本人辖区）/ the audit log, paged',
        querystring: AuditQuery,
        response: {
          200: Type.Object({
            entries: Type.Array(AuditEntrySchema),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      const admin = request.auth!.user;
      const q = request.query;
      let userIds: string[] | undefined;
      if (admin.regionCode !== NATIONAL_CODE || q.user !== undefined) {
        userIds = (await listUsers(deps.db))
          .filter((u) => canInRegion(admin, deps.regions, 'audit:read', u.regionCode))
          .map((u) => u.id)
          .filter((id) => q.user === undefined || id === q.user);
      }
      const { entries, total } = await queryAudit(
        deps.db,
        {
          ...(q.event !== undefined ? { event: q.event } : {}),
          ...(userIds !== undefined ? { userIds } : {}),
          ...(q.from !== undefined ? { from: new Date(q.from).toISOString() } : {}),
          ...(q.to !== undefined ? { to: new Date(q.to).toISOString() } : {}),
        },
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
      return { entries, total, page: q.page, pageSize: q.pageSize };
    },
  );
}
