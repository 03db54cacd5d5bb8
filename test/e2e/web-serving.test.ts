import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/server/route-access.js';
import { registerWebApp } from '../../src/server/web/web-app.js';

/** The static serving of the web app on a bare Fastify instance with a fake build. */
describe('web app serving', () => {
  const root = mkdtempSync(join(tmpdir(), 'halfsky-web-'));
  const app = Fastify();
  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'main-abc.js'), 'console.log(1)');
    app.setNotFoundHandler((_request, reply) => reply.status(404).send({ code: 'ROUTE_NOT_FOUND' }));
    app.get('/api/ping', { config: { access: 'public' } }, () => ({ ok: true }));
    expect(await registerWebApp(app, root)).toBe(true);
    await app.ready();
  });
  afterAll(() => app.close());

  it('serves index.html for client routes, never for /api or /docs', async () => {
    const page = await app.inject({ url: '/plans/anqing?x=1' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ url: '/api/nothing' })).json()).toEqual({ code: 'ROUTE_NOT_FOUND' });
    expect((await app.inject({ url: '/docs/nothing' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/ping' })).json()).toEqual({ ok: true });
  });

  it('serves hashed assets with a long cache, files added after start, and nothing outside the root', async () => {
    const asset = await app.inject({ url: '/assets/main-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    writeFileSync(join(root, 'assets', 'later-def.js'), 'console.log(2)');
    expect((await app.inject({ url: '/assets/later-def.js' })).body).toBe('console.log(2)');
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    expect([400, 404]).toContain(
      (await app.inject({ url: '/assets/..%2f..%2fetc%2fpasswd.txt' })).statusCode,
    );
    expect([400, 404]).toContain((await app.inject({ url: '/%E0%A4%A.js' })).statusCode);
  });

  it('registers nothing without a build', async () => {
    expect(await registerWebApp(Fastify(), null)).toBe(false);
  });
});
