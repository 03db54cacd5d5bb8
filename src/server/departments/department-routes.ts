import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Action } from '../../domain/access/action.js';
import { HalfskyError } from '../../domain/errors.js';
import { resolveRegion } from '../../domain/regions/resolve-region.js';
import { editResponsibilities } from '../../services/departments/edit-responsibilities.js';
import { ITEM_KINDS, listPlanDepartments, listResponsibilities } from '../../store/department-repository.js';
import { listPlans } from '../../store/plan-repository.js';
import type { ResolvedDeps } from '../app-deps.js';
import { recordAudit } from '../audit.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import { canInRegion, planRegionCode, visiblePlanSummary } from '../scope.js';

const PlanParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const RegionQuery = Type.Object(
  {
    region: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'code or name; default: the user’s region' }),
    ),
  },
  { additionalProperties: false },
);
const DepartmentSchema = Type.Object({
  name: Type.String({ description: 'normalised name (卫健局)' }),
  aliases: Type.Array(Type.String(), { description: 'other names seen for it (市卫健委)' }),
});
const ItemSchema = Type.Object({
  kind: Type.Union(ITEM_KINDS.map((k) => Type.Literal(k))),
  id: Type.String({ minLength: 1, maxLength: 200 }),
});
const Role = Type.Union([Type.Literal('lead'), Type.Literal('supporting')]);
const ResponsibilitySchema = Type.Object({
  item: ItemSchema,
  department: Type.String(),
  role: Role,
  position: Type.Integer(),
});
const EditBody = Type.Object(
  {
    item: ItemSchema,
    departments: Type.Array(
      Type.Object(
        { name: Type.String({ minLength: 1, maxLength: 50 }), role: Role },
        { additionalProperties: false },
      ),
      { maxItems: 30 },
    ),
  },
  { additionalProperties: false },
);

/**
 * GET /api/departments?region= (the departments of the plans in a region's subtree), and a plan's
 * responsibility matrix: GET /api/plans/:id/responsibilities, PUT (replace the departments of one item;
 * department:manage, audited). Plans and regions outside the user's scope answer 404.
 */
export function departmentRoutes(app: FastifyInstance, deps: ResolvedDeps): void {
  const tree = deps.regions;
  const visiblePlan = (request: FastifyRequest, id: string, action: Action) =>
    visiblePlanSummary(deps.db, tree, request.auth!.user, id, action);

  app.get<{ Querystring: Static<typeof RegionQuery> }>(
    '/api/departments',
    {
      config: { access: 'plan:read' },
      schema: {
        tags: ['departments'],
        summary: '责任单位（规范名称及别名）/ departments of the plans in a region',
        querystring: RegionQuery,
        response: { 200: Type.Object({ departments: Type.Array(DepartmentSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const user = request.auth!.user;
      let regionCode = user.regionCode;
      if (request.query.region !== undefined) {
        const found = resolveRegion(tree, request.query.region, { within: user.regionCode });
        if (found.kind !== 'found' || !canInRegion(user, tree, 'plan:read', found.region.code))
          throw new HalfskyError('REGION_NOT_FOUND', { code: request.query.region });
        regionCode = found.region.code;
      }
      const planIds = (await listPlans(deps.db))
        .filter((p) => {
          const code = planRegionCode(tree, p);
          return (
            code !== null && (code === regionCode || tree.ancestors(code).some((r) => r.code === regionCode))
          );
        })
        .map((p) => p.id);
      return { departments: await listPlanDepartments(deps.db, planIds) };
    },
  );

  app.get<{ Params: Static<typeof PlanParams> }>(
    '/api/plans/:id/responsibilities',
    {
      config: { access: 'plan:read' },
      schema: {
        tags: ['departments'],
        summary: '责任分工（牵头、配合）/ the responsibility matrix of a plan (lead and supporting)',
        params: PlanParams,
        response: {
          200: Type.Object({ responsibilities: Type.Array(ResponsibilitySchema) }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      const plan = await visiblePlan(request, request.params.id, 'plan:read');
      const rows = await listResponsibilities(deps.db, plan.id);
      return {
        responsibilities: rows.map((r) => ({
          item: { kind: r.itemKind, id: r.itemId },
          department: r.department,
          role: r.role,
          position: r.position,
        })),
      };
    },
  );

  app.put<{ Params: Static<typeof PlanParams>; Body: Static<typeof EditBody> }>(
    '/api/plans/:id/responsibilities',
    {
      config: { access: 'department:manage' },
      schema: {
        tags: ['departments'],
        summary: '修改一个条目的责任单位 / replace the departments responsible for one item',
        params: PlanParams,
        body: EditBody,
        response: {
          200: Type.Object({ responsibilities: Type.Array(ResponsibilitySchema) }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      const plan = await visiblePlan(request, request.params.id, 'department:manage');
      const { item, departments } = request.body;
      if (!(await editResponsibilities(deps.db, plan.id, item, departments)))
        throw new HalfskyError('PLAN_ITEM_NOT_FOUND', { planId: plan.id, itemId: item.id });
      await recordAudit(deps.db, request, deps.now(), 'responsibilities_changed', {
        plan: plan.id,
        item: `${item.kind}:${item.id}`,
        departments: departments.map((d) => `${d.name}(${d.role})`),
      });
      const rows = await listResponsibilities(deps.db, plan.id);
      return {
        responsibilities: rows
          .filter((r) => r.itemKind === item.kind && r.itemId === item.id)
          .map((r) => ({
            item: { kind: r.itemKind, id: r.itemId },
            department: r.department,
            role: r.role,
            position: r.position,
          })),
      };
    },
  );
}
