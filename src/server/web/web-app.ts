import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths the web app never answers: the API and its documentation keep their own 404s. */
const NOT_WEB = /^\/(api|docs)(\/|$)/;

/**
 * The built web app (`dist/web`, from `vite build`), found from the package root whether this file runs from
 * `src/` (tsx, tests) or `dist/` (the compiled CLI).
 */
export function webRoot(from: string = import.meta.dirname): string | null {
  for (const candidate of [
    resolve(from, '..', '..', '..', 'dist', 'web'),
    resolve(from, '..', '..', 'web'),
  ]) {
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

/**
 * Serves the web app from the same server: hashed assets with a year's cache, index.html never cached, and
 * index.html for any other GET path outside /api and /docs (client-side routes such as /plans/anqing).
 * Does nothing when the app is not built (API tests, a checkout without `npm run build`).
 */
export async function registerWebApp(
  app: FastifyInstance,
  root: string | null = webRoot(),
): Promise<boolean> {
  if (root === null) return false;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        path.includes(join('web', 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/*', { config: { access: 'public' } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (NOT_WEB.test(path) || /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
