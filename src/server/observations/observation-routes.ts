import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HalfskyError } from '../../domain/errors.js';
import { INDICATOR_CATALOG } from '../../domain/indicators/catalog.js';
import type { Sex } from '../../domain/observations/observation.js';
import { resolveIndicator } from '../../domain/observations/resolve-indicator.js';
import { NATIONAL_CODE } from '../../domain/regions/region.js';
import { resolveRegion } from '../../domain/regions/resolve-region.js';
import { writeObservations } from '../../services/observations/write-observations.js';
import { listObservations } from '../../store/observation-repository.js';
import type { ResolvedDeps } from '../app-deps.js';
import { recordAudit } from '../audit.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import { ObservationCellSchema, ObservationSchema } from '../schemas/observation-schema.js';
import { canInRegion } from '../scope.js';

const SEX_WORDS: Readonly<Record<string, Sex>> = {
  女: '女',
  男: '男',
  合计: '合计',
  female: '女',
  male: '男',
  total: '合计',
};

const ListQuery = Type.Object(
  {
    indicator: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: 'code or name' })),
    region: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'code or name; its subtree is included' }),
    ),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    sex: Type.Optional(Type.Union(Object.keys(SEX_WORDS).map((s) => Type.Literal(s)))),
  },
  { additionalProperties: false },
);
const PutBody = Type.Object(
  { cells: Type.Array(ObservationCellSchema, { minItems: 1, maxItems: 5000 }) },
  { additionalProperties: false },
);

/**
 * GET /api/observations (within the user's region subtree) and PUT /api/observations (bulk upsert of cells,
 * all or nothing, version-checked; see writeObservations). A region outside the scope answers 404.
 */
export function observationRoutes(app: FastifyInstance, deps: ResolvedDeps): void {
  const tree = deps.regions;
  const scopeCodes = (request: FastifyRequest, region: string | undefined): string[] | undefined => {
    const user = request.auth!.user;
    if (region === undefined) {
      if (user.regionCode === NATIONAL_CODE) return undefined;
      return [user.regionCode, ...tree.subtree(user.regionCode).map((r) => r.code)];
    }
    const found = resolveRegion(tree, region, { within: user.regionCode });
    if (found.kind !== 'found' || !canInRegion(user, tree, 'observation:read', found.region.code))
      throw new HalfskyError('REGION_NOT_FOUND', { code: region });
    return [found.region.code, ...tree.subtree(found.region.code).map((r) => r.code)];
  };

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/api/observations',
    {
      config: { access: 'observation:read' },
      schema: {
        tags: ['observations'],
        summary: '监测数据（限本人辖区）/ observations in the user’s region scope',
        querystring: ListQuery,
        response: { 200: Type.Object({ observations: Type.Array(ObservationSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const q = request.query;
      let indicatorCodes: string[] | undefined;
      if (q.indicator !== undefined) {
        const r = resolveIndicator(q.indicator, INDICATOR_CATALOG);
        if (r.kind !== 'found') throw new HalfskyError('INDICATOR_NOT_FOUND', { code: q.indicator });
        indicatorCodes = [r.indicator.code];
      }
      const regionCodes = scopeCodes(request, q.region);
      const observations = await listObservations(deps.db, {
        ...(indicatorCodes ? { indicatorCodes } : {}),
        ...(regionCodes ? { regionCodes } : {}),
        ...(q.sex !== undefined ? { sexes: [SEX_WORDS[q.sex]!] } : {}),
        ...(q.year !== undefined ? { yearFrom: q.year, yearTo: q.year } : {}),
      });
      return { observations };
    },
  );

  app.put<{ Body: Static<typeof PutBody> }>(
    '/api/observations',
    {
      config: { access: 'observation:write' },
      schema: {
        tags: ['observations'],
        summary:
          '批量填报监测数据（全部成功或全部不保存，带版本检查）/ write observation cells, all or nothing, version-checked',
        body: PutBody,
        response: {
          200: Type.Object({ inserted: Type.Integer(), updated: Type.Integer() }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      const cells = request.body.cells;
      const result = await writeObservations(deps.db, request.auth!.user, cells, deps.now(), deps.regions);
      const fields = 'fields' in result ? result.fields : [];
      const cellList = [...new Set(fields.map((f) => f.field.split('.')[1]))].join(', ');
      switch (result.kind) {
        case 'invalid':
          throw new HalfskyError(
            'OBSERVATIONS_INVALID',
            { cells: cellList.split(', ').length, problems: fields.length },
            { fields },
          );
        case 'forbidden':
          await recordAudit(deps.db, request, deps.now(), 'access_denied', {
            reason: 'observation',
            cells: cellList,
          });
          throw new HalfskyError('OBSERVATIONS_FORBIDDEN', { cells: cellList }, { fields });
        case 'conflict':
          throw new HalfskyError('OBSERVATION_CONFLICT', { cells: cellList }, { fields });
        case 'stored':
          return { inserted: result.inserted, updated: result.updated };
      }
    },
  );
}
