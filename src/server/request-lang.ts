import type { FastifyRequest } from 'fastify';
import type { Lang } from '../domain/errors.js';

/** Chinese unless the request's Accept-Language prefers English (`en`, `en-US, zh;q=0.5`). */
export function requestLang(request: FastifyRequest, fallback: Lang = 'zh'): Lang {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string' || header.trim() === '') return fallback;
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('zh')) return 'zh';
  return fallback;
}
