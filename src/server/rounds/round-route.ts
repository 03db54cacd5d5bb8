import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  RouteGenericInterface,
} from 'fastify';
import type { Action } from '../../domain/access/action.js';
import type { SavedWarning } from '../../services/rounds/save-round-cells.js';
import { loadRound, type RoundContext } from '../../services/rounds/round-context.js';
import type { ResolvedDeps } from '../app-deps.js';

export const ROUND_TAGS = ['rounds'];

/** What every route of one round shares: the round id in the path, one access action for entry and scope. */
export interface RoundRouteOptions {
  method: 'GET' | 'PUT' | 'POST';
  url: `/api/rounds/:id${string}`;
  /** The policy action: checked at entry by the auth plugin, then for the round's region by loadRound. */
  access: Action;
  schema: FastifySchema;
  bodyLimit?: number;
  onRequest?: (request: FastifyRequest) => Promise<void>;
}

/**
 * Registers a route about one round: the round is loaded for the route's own action (a round outside the
 * user's scope answers 404 ROUND_NOT_FOUND, like a missing one) before the handler runs with it.
 */
export function roundRoute<R extends RouteGenericInterface & { Params: { id: string } }>(
  app: FastifyInstance,
  deps: ResolvedDeps,
  options: RoundRouteOptions,
  handle: (round: RoundContext, request: FastifyRequest<R>, reply: FastifyReply) => Promise<unknown>,
): void {
  app.route({
    method: options.method,
    url: options.url,
    config: { access: options.access },
    schema: { tags: ROUND_TAGS, ...options.schema },
    ...(options.bodyLimit !== undefined ? { bodyLimit: options.bodyLimit } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    // The schema validated params, query and body as R declares them.
    handler: async (request, reply) => {
      const typed = request as unknown as FastifyRequest<R>;
      const { id } = request.params as { id: string };
      const round = await loadRound(deps.db, request.auth!.user, id, options.access);
      return handle(round, typed, reply);
    },
  });
}

/** Saved-cell warnings as the API gives them: the message in the request's language. */
export function warningsIn(warnings: readonly SavedWarning[], lang: 'zh' | 'en') {
  return warnings.map((w) => ({ field: w.field, cellId: w.cellId, check: w.check, message: w[lang] }));
}
