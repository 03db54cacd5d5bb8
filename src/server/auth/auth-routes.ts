import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/load-config.js';
import { HalfskyError } from '../../domain/errors.js';
import { verifyPassword } from '../../services/auth/password-hash.js';
import { deleteExpiredSessions, deleteSession, insertSession } from '../../store/session-repository.js';
import { findUserByUsername } from '../../store/user-repository.js';
import type { ResolvedDeps } from '../app-deps.js';
import { recordAudit } from '../audit.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../plugins/auth.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import { UserSchema } from '../schemas/user-schema.js';
import { hashSessionToken, newCsrfToken, newSessionToken } from './session-token.js';

const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});

const SessionBody = Type.Object({
  user: UserSchema,
  csrfToken: Type.String({ description: 'send as x-csrf-token on every non-GET request' }),
});

// Spent on an unknown username so that its answer takes as long as a wrong password's.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(86) + '==';

/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me. */
export function authRoutes(app: FastifyInstance, config: Config, deps: ResolvedDeps): void {
  app.post<{ Body: Static<typeof LoginBody> }>(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: '登录 / sign in (sets the halfsky_session cookie)',
        body: LoginBody,
        response: { 200: SessionBody, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const now = deps.now();
      const key = `${username}\u0000${request.ip}`;
      const wait = deps.loginLimiter.retryAfterMs(key, now.getTime());
      if (wait > 0) {
        await recordAudit(deps.db, request, now, 'login_rate_limited', { username }, null);
        reply.header('retry-after', String(Math.ceil(wait / 1000)));
        throw new HalfskyError('LOGIN_RATE_LIMITED', { minutes: Math.ceil(wait / 60_000) });
      }
      const found = await findUserByUsername(deps.db, username);
      const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
      if (!found || !ok || found.user.disabled) {
        deps.loginLimiter.recordFailure(key, now.getTime());
        await recordAudit(deps.db, request, now, 'login_failed', { username }, found?.user.id ?? null);
        throw new HalfskyError('LOGIN_FAILED', {});
      }
      deps.loginLimiter.recordSuccess(key);
      const token = newSessionToken();
      const csrfToken = newCsrfToken();
      const expires = new Date(now.getTime() + config.sessionHours * 3600_000);
      await deleteExpiredSessions(deps.db, now.toISOString()); // housekeeping: sign-ins are rare enough
      await insertSession(deps.db, {
        id: hashSessionToken(token),
        userId: found.user.id,
        csrfToken,
        expiresAt: expires.toISOString(),
        createdAt: now.toISOString(),
      });
      await recordAudit(deps.db, request, now, 'login_ok', { username }, found.user.id);
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config, request, expires));
      return { user: found.user, csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: '退出登录 / sign out',
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      await deleteSession(deps.db, auth.sessionId);
      await recordAudit(deps.db, request, deps.now(), 'logout');
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: '当前用户 / the signed-in user',
        response: { 200: SessionBody, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ user: request.auth!.user, csrfToken: request.auth!.csrfToken }),
  );
}
