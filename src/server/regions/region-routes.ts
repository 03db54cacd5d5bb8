import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { HalfskyError } from '../../domain/errors.js';
import { resolveRegion } from '../../domain/regions/resolve-region.js';
import type { Region } from '../../domain/regions/region.js';
import type { ResolvedDeps } from '../app-deps.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import { RegionSchema } from '../schemas/region-schema.js';
import { canInRegion } from '../scope.js';

const CodeParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{2,12}$' }) });
const ResolveQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 100 }) });

const ResolutionSchema = Type.Object({
  kind: Type.Union(['found', 'ambiguous', 'not-found', 'outside', 'invalid'].map((k) => Type.Literal(k))),
  input: Type.String(),
  region: Type.Optional(RegionSchema),
  candidates: Type.Array(RegionSchema, { description: 'ambiguous: the regions answering to the name' }),
  suggestions: Type.Array(RegionSchema, { description: 'not-found: near names, best first' }),
});

/**
 * GET /api/regions/:code (with its path and children) and GET /api/regions?q= (a code or name, resolved
 * within the user's scope, with suggestions). A region outside the scope answers 404 REGION_NOT_FOUND.
 */
export function regionRoutes(app: FastifyInstance, deps: ResolvedDeps): void {
  const tree = deps.regions;
  app.get<{ Params: Static<typeof CodeParams> }>(
    '/api/regions/:code',
    {
      config: { access: 'region:read' },
      schema: {
        tags: ['regions'],
        summary: '行政区划及其下级 / a region with its path and children',
        params: CodeParams,
        response: {
          200: Type.Object({
            region: RegionSchema,
            path: Type.Array(Type.String(), { description: 'names from the province down' }),
            children: Type.Array(RegionSchema),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      const region = tree.get(request.params.code);
      if (!region || !canInRegion(request.auth!.user, tree, 'region:read', region.code)) {
        throw new HalfskyError('REGION_NOT_FOUND', { code: request.params.code });
      }
      return { region, path: tree.pathNames(region.code), children: [...tree.children(region.code)] };
    },
  );

  app.get<{ Querystring: Static<typeof ResolveQuery> }>(
    '/api/regions',
    {
      config: { access: 'region:read' },
      schema: {
        tags: ['regions'],
        summary: '按代码或名称查找行政区划（附建议）/ resolve a region code or name, with suggestions',
        querystring: ResolveQuery,
        response: { 200: ResolutionSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const user = request.auth!.user;
      const visible = (r: Region) => canInRegion(user, tree, 'region:read', r.code);
      const result = resolveRegion(tree, request.query.q, { within: user.regionCode });
      switch (result.kind) {
        case 'found':
          return {
            kind: result.kind,
            input: result.input,
            region: result.region,
            candidates: [],
            suggestions: [],
          };
        case 'ambiguous':
          return {
            kind: result.kind,
            input: result.input,
            candidates: result.candidates.filter(visible),
            suggestions: [],
          };
        case 'not-found':
          return {
            kind: result.kind,
            input: result.input,
            candidates: [],
            suggestions: result.suggestions.filter(visible),
          };
        default:
          // 'outside' names regions the user may not see: answered as not found, without them.
          return { kind: 'not-found', input: result.input, candidates: [], suggestions: [] };
      }
    },
  );
}
