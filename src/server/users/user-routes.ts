import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessUser } from '../../domain/access/access-user.js';
import { HalfskyError } from '../../domain/errors.js';
import { hashPassword } from '../../services/auth/password-hash.js';
import { createUser, MIN_PASSWORD_LENGTH, normaliseDepartments } from '../../services/users/create-user.js';
import { deleteUserSessions } from '../../store/session-repository.js';
import { getUser, listUsers, updateUser, type UserChanges } from '../../store/user-repository.js';
import type { ResolvedDeps } from '../app-deps.js';
import { recordAudit } from '../audit.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import { RoleSchema, UserSchema } from '../schemas/user-schema.js';
import { canInRegion } from '../scope.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const CreateBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64 }),
    displayName: Type.Optional(Type.String({ maxLength: 100 })),
    password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 }),
    role: RoleSchema,
    regionCode: Type.String({ pattern: '^[0-9]{2,12}$' }),
    departments: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);
const PatchBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    password: Type.Optional(Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 })),
    role: Type.Optional(RoleSchema),
    regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
    departments: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 50 })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

/**
 * Users, for administrators, within their own region scope: GET /api/users, POST /api/users,
 * PATCH /api/users/:id. A user outside the scope answers 404; a region outside it is refused (403).
 * Changing a role, region, password or disabling a user ends their sessions.
 */
export function userRoutes(app: FastifyInstance, deps: ResolvedDeps): void {
  const tree = deps.regions;
  const inScope = (request: FastifyRequest, regionCode: string) =>
    canInRegion(request.auth!.user, tree, 'user:manage', regionCode);
  const requireRegionInScope = async (request: FastifyRequest, regionCode: string) => {
    const region = tree.get(regionCode);
    if (!region) throw new HalfskyError('REGION_NOT_FOUND', { code: regionCode });
    if (!inScope(request, region.code)) {
      await recordAudit(deps.db, request, deps.now(), 'access_denied', {
        reason: 'scope',
        region: region.code,
      });
      throw new HalfskyError('FORBIDDEN', {});
    }
  };

  app.get(
    '/api/users',
    {
      config: { access: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: '用户列表（限本人辖区）/ users in the administrator’s scope',
        response: { 200: Type.Object({ users: Type.Array(UserSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ users: (await listUsers(deps.db)).filter((u) => inScope(request, u.regionCode)) }),
  );

  app.post<{ Body: Static<typeof CreateBody> }>(
    '/api/users',
    {
      config: { access: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: '新建用户 / create a user',
        body: CreateBody,
        response: { 201: UserSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const body = request.body;
      await requireRegionInScope(request, body.regionCode);
      const user = await createUser(deps.db, tree, { ...body, region: body.regionCode }, deps.now());
      await recordAudit(deps.db, request, deps.now(), 'user_created', {
        id: user.id,
        username: user.username,
        role: user.role,
        regionCode: user.regionCode,
      });
      return reply.status(201).send(user);
    },
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof PatchBody> }>(
    '/api/users/:id',
    {
      config: { access: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: '修改用户（角色、辖区、部门、停用、密码）/ change a user',
        params: IdParams,
        body: PatchBody,
        response: { 200: UserSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id } = request.params;
      const existing = await getUser(deps.db, id);
      if (!existing || !inScope(request, existing.regionCode))
        throw new HalfskyError('USER_NOT_FOUND', { id });
      const body = request.body;
      const changes: UserChanges = {};
      if (body.regionCode !== undefined) {
        await requireRegionInScope(request, body.regionCode);
        changes.regionCode = tree.get(body.regionCode)!.code;
      }
      if (body.displayName !== undefined) changes.displayName = body.displayName.trim();
      if (body.role !== undefined) changes.role = body.role;
      if (body.departments !== undefined) changes.departments = normaliseDepartments(body.departments);
      if (body.disabled !== undefined) changes.disabled = body.disabled;
      if (body.password !== undefined) changes.passwordHash = await hashPassword(body.password);
      const role = changes.role ?? existing.role;
      const departments = changes.departments ?? existing.departments;
      if (role === 'reporter' && departments.length === 0) {
        throw new HalfskyError('USER_INVALID', {
          reasonZh: '成员单位用户须指定至少一个部门',
          reasonEn: 'a reporter needs at least one department',
        });
      }
      const updated = (await updateUser(deps.db, id, changes)) as AccessUser;
      if (['role', 'regionCode', 'disabled', 'passwordHash'].some((k) => k in changes)) {
        await deleteUserSessions(deps.db, id);
      }
      await recordAudit(deps.db, request, deps.now(), 'user_changed', {
        id,
        changed: Object.keys(body).sort(),
      });
      return updated;
    },
  );
}
