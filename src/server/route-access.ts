import type { Action } from '../domain/access/action.js';
import type { AccessUser } from '../domain/access/access-user.js';

/**
 * What a route requires, declared in its `config.access`: a policy action, `authenticated` (any signed-in
 * user: me, logout) or `public` (login). A route under /api without one fails to register.
 */
export type RouteAccess = Action | 'authenticated' | 'public';

/** The signed-in user and session of a request. */
export interface RequestAuth {
  user: AccessUser;
  sessionId: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}
