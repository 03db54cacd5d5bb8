import { Type } from '@sinclair/typebox';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { buildApp } from '../src/server/app.js';
import { registerAuth } from '../src/server/plugins/auth.js';
import { registerErrorHandler } from '../src/server/plugins/error-handler.js';
import { listAudit } from '../src/store/audit-repository.js';
import { loadRegionTree } from '../src/store/regions/load-region-tree.js';
import { openApiHarness, PASSWORD, type ApiHarness } from './support/api-harness.js';
import { openTestDatabase } from './support/test-database.js';

describe('API security', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness('sqlite');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sets an httpOnly, SameSite=Strict session cookie and stores only the token hash', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'viewer', password: PASSWORD },
    });
    const cookie = response.cookies.find((c) => c.name === 'halfsky_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy(); // plain http with HALFSKY_SECURE_COOKIES=auto
    const ids = (await h.test.db.selectFrom('sessions').select('id').execute()).map((r) => r.id);
    expect(ids).not.toContain(cookie.value);
    expect(ids.every((id) => /^[0-9a-f]{64}$/.test(id))).toBe(true);
    expect(response.json()).not.toHaveProperty('user.passwordHash');
  });

  it('refuses a wrong password with a Chinese message, in English on request', async () => {
    const zh = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'viewer', password: 'wrong-password' },
    });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toEqual({ code: 'LOGIN_FAILED', message: '用户名或密码错误。' });
    const en = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'nobody', password: 'wrong-password' },
    });
    expect(en.json()).toEqual({ code: 'LOGIN_FAILED', message: 'Wrong username or password.' });
  });

  it('expires sessions after the configured lifetime', async () => {
    const session = await h.login('viewer');
    expect((await h.as(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const start = h.clock.now;
    try {
      h.clock.now = new Date(start.getTime() + 12 * 3600_000 + 1000);
      const expired = await h.as(session, { method: 'GET', url: '/api/auth/me' });
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    } finally {
      h.clock.now = start;
    }
  });

  it('requires the CSRF token on POST and PATCH', async () => {
    const admin = await h.login('administrator');
    const patch = {
      method: 'PATCH' as const,
      url: `/api/users/${h.targets.inScope.id}`,
      payload: { displayName: 'csrf' },
    };
    expect((await h.as(admin, patch, false)).statusCode).toBe(403);
    const wrong = await h.as({ ...admin, csrfToken: 'forged' }, patch);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    const post = {
      method: 'POST' as const,
      url: '/api/users',
      payload: { username: 'csrf-user', password: PASSWORD, role: 'viewer', regionCode: '340800' },
    };
    expect((await h.as(admin, post, false)).statusCode).toBe(403);
    expect((await h.as(admin, { method: 'POST', url: '/api/auth/logout' }, false)).statusCode).toBe(403);
    expect((await h.as(admin, patch)).statusCode).toBe(200);
    expect((await h.as(admin, post)).statusCode).toBe(201);
  });

  it('logout ends the session', async () => {
    const session = await h.login('viewer');
    expect((await h.as(session, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await h.as(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('rate-limits logins: five failures per username and IP in 15 minutes, then 429', async () => {
    const attempt = (password: string, ip = '10.0.0.1', username = 'monitoring_lead') =>
      h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
        remoteAddress: ip,
      });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong-password')).statusCode).toBe(401);
    const blocked = await attempt(PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'LOGIN_RATE_LIMITED' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(PASSWORD, '10.0.0.2')).statusCode).toBe(200);
    const start = h.clock.now;
    try {
      h.clock.now = new Date(start.getTime() + 15 * 60_000 + 1);
      expect((await attempt(PASSWORD)).statusCode).toBe(200);
    } finally {
      h.clock.now = start;
    }
  });

  it('writes audit rows for logins, logout, user changes and denials', async () => {
    const admin = await h.login('administrator');
    await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'administrator', password: 'nope-nope' },
    });
    await h.as(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'audited',
        password: PASSWORD,
        role: 'reporter',
        regionCode: '340822',
        departments: ['教育局'],
      },
    });
    await h.as(admin, {
      method: 'PATCH',
      url: `/api/users/${h.targets.inScope.id}`,
      payload: { disabled: false },
    });
    const viewer = await h.login('viewer');
    await h.as(viewer, { method: 'GET', url: '/api/users' });
    await h.as(viewer, { method: 'POST', url: '/api/auth/logout' });
    const events = new Set((await listAudit(h.test.db, 1000)).map((e) => e.event));
    for (const event of [
      'login_ok',
      'login_failed',
      'logout',
      'user_created',
      'user_changed',
      'access_denied',
    ]) {
      expect(events, event).toContain(event);
    }
    const denied = (await listAudit(h.test.db, 1000)).find(
      (e) => e.event === 'access_denied' && e.userId === h.users.viewer.id,
    );
    expect(denied).toMatchObject({ ip: '127.0.0.1', detail: { reason: 'role', action: 'user:manage' } });
    const logged = JSON.stringify(await listAudit(h.test.db, 1000));
    expect(logged).not.toContain(PASSWORD);
  });

  it('answers bad input with 400 and the fields at fault', async () => {
    const admin = await h.login('administrator');
    const response = await h.as(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'x', role: 'emperor' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; fields: { field: string }[] }>();
    expect(body.code).toBe('VALIDATION_FAILED');
    const fields = body.fields.map((f) => f.field).join(' ');
    expect(fields).toContain('password');
    expect(fields).toContain('role');
  });

  it('says why each field is refused, in Chinese (English on request), once per field', async () => {
    const admin = await h.login('administrator');
    const request = (lang?: string) =>
      h.as(admin, {
        method: 'POST',
        url: '/api/users',
        ...(lang ? { headers: { 'accept-language': lang } } : {}),
        payload: { username: 'x', role: 'emperor', regionCode: '安庆' },
      });
    const zh = (await request()).json<{ message: string; fields: { field: string; message: string }[] }>();
    const byField = new Map(zh.fields.map((f) => [f.field, f.message]));
    expect(zh.fields.length).toBe(byField.size);
    expect(byField.get('body.password')).toBe('必填');
    expect(byField.get('body.role')).toMatch(/^应为以下之一：.*"reporter"/);
    expect(byField.get('body.regionCode')).toBe('格式不正确');
    expect(zh.message).toContain('body.password 必填');
    const en = (await request('en')).json<{ fields: { field: string; message: string }[] }>();
    expect(en.fields.find((f) => f.field === 'body.password')?.message).toBe('is required');
  });

  it('names the accepted types once for a field that takes a number or null', async () => {
    const app = Fastify();
    registerErrorHandler(app, 'zh');
    app.put(
      '/cells',
      { schema: { body: Type.Object({ value: Type.Union([Type.Number(), Type.Null()]) }) } },
      async () => ({}),
    );
    const response = await app.inject({ method: 'PUT', url: '/cells', payload: { value: 'abc' } });
    expect(response.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: '请求参数无效：body.value 应为数字或空值（null）',
      fields: [{ field: 'body.value', message: '应为数字或空值（null）' }],
    });
    await app.close();
  });

  it('answers an unknown route with a coded 404', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/nothing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('serves OpenAPI at /docs/json listing every API route, and the UI at /docs', async () => {
    const spec = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    for (const route of h.routes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(spec.paths[path], path).toBeDefined();
      expect(spec.paths[path]![route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    const ui = await h.app.inject({ method: 'GET', url: '/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });
});

describe('deny by default', () => {
  it('refuses to register a route that declares no access', async () => {
    const app = Fastify();
    const test = await openTestDatabase('sqlite');
    try {
      const register = async () => {
        await app.register(async (api) => {
          registerAuth(api, {
            db: test.db,
            regions: loadRegionTree(),
            now: () => new Date(),
            loginLimiter: undefined as never,
            routes: [],
          });
          api.get('/api/open', async () => 'open');
        });
        await app.ready();
      };
      await expect(register()).rejects.toThrow(/declares no access/);
    } finally {
      await test.destroy();
    }
  });

  it('hides unexpected failures behind a generic 500', async () => {
    const test = await openTestDatabase('sqlite');
    const { app } = await buildApp(loadConfig({}, '/tmp'), { db: test.db, regions: loadRegionTree() });
    await test.db.destroy();
    const response = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'halfsky_session=abc' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后再试。' });
    await app.close();
  });
});
