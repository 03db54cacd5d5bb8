import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

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

/** Hashed build assets never change under their name; everything else is checked every time. */
function cacheControl(root: string, path: string): string {
  return path.startsWith(join(root, 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache';
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
      reply.header('cache-control', cacheControl(root, path));
    },
  });
  app.get('/*', { config: { access: 'public' } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (NOT_WEB.test(path)) return reply.callNotFound();
    if (/\.[a-z0-9]+$/i.test(path)) {
      // A file written after start-up (a rebuild while serving); never outside the root.
      let decoded: string;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        return reply.callNotFound();
      }
      const file = resolve(root, `.${decoded}`);
      if (file.startsWith(root + sep) && existsSync(file))
        return reply.header('cache-control', cacheControl(root, file)).sendFile(file.slice(root.length + 1));
      return reply.callNotFound();
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
