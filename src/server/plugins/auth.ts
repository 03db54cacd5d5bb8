import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/load-config.js';
import { ACTIONS, type Action } from '../../domain/access/action.js';
import { roleAllows } from '../../domain/access/can.js';
import { HalfskyError } from '../../domain/errors.js';
import { findLiveSession } from '../../store/session-repository.js';
import type { ResolvedDeps } from '../app-deps.js';
import { recordAudit } from '../audit.js';
import { hashSessionToken } from '../auth/session-token.js';
import type { RouteAccess } from '../route-access.js';

export const SESSION_COOKIE = 'halfsky_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Deny by default, for the routes of the scope it is registered in: a route that declares no `config.access`
 * fails to register; every request loads its session from the `halfsky_session` cookie, then is refused
 * with 401 (no live session), 403 CSRF_TOKEN_INVALID (a non-GET without the session's `x-csrf-token`) or
 * 403 FORBIDDEN (the role lacks the route's action; audited) before its body is even parsed.
 */
export function registerAuth(app: FastifyInstance, deps: ResolvedDeps): void {
  app.decorateRequest('auth', null);

  app.addHook('onRoute', (route) => {
    const access = route.config?.access as RouteAccess | undefined;
    const valid =
      access === 'public' ||
      access === 'authenticated' ||
      (ACTIONS as readonly string[]).includes(access ?? '');
    if (!valid)
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access (config.access)`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') deps.routes.push({ method, url: route.url, access: access as string });
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    request.auth = await loadSession(request, deps);
    if (access === 'public') return;
    if (!request.auth) throw new HalfskyError('UNAUTHENTICATED', {});
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || header !== request.auth.csrfToken) {
        await recordAudit(deps.db, request, deps.now(), 'access_denied', {
          reason: 'csrf',
          route: `${request.method} ${request.routeOptions.url}`,
        });
        throw new HalfskyError('CSRF_TOKEN_INVALID', {});
      }
    }
    if (access !== 'authenticated' && !roleAllows(request.auth.user, access as Action)) {
      await recordAudit(deps.db, request, deps.now(), 'access_denied', {
        reason: 'role',
        action: access,
        route: `${request.method} ${request.routeOptions.url}`,
      });
      throw new HalfskyError('FORBIDDEN', {});
    }
  });
}

async function loadSession(request: FastifyRequest, deps: ResolvedDeps) {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const session = await findLiveSession(deps.db, hashSessionToken(token), deps.now().toISOString());
  if (!session || session.user.disabled) return null;
  return { user: session.user, sessionId: session.id, csrfToken: session.csrfToken };
}

/** Cookie options of the session cookie: httpOnly, SameSite=Strict, Secure per configuration. */
export function sessionCookieOptions(config: Config, request: FastifyRequest, expires: Date) {
  const secure =
    config.secureCookies === 'always' || (config.secureCookies === 'auto' && request.protocol === 'https');
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure, expires };
}
