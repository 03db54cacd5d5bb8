import { join, resolve } from 'node:path';
import { HalfskyError, type Lang } from '../domain/errors.js';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** Validated, frozen configuration. Read once at start-up; nothing else reads the environment. */
export interface Config {
  readonly database: Readonly<DatabaseConfig>;
  /** Absolute path of the data directory (SQLite file, uploads). */
  readonly dataDir: string;
  readonly port: number;
  readonly maxUploadMb: number;
  readonly maxUploadBytes: number;
  readonly lang: Lang;
  /** Secure flag of the session cookie: `auto` sets it when the request came over https. */
  readonly secureCookies: 'auto' | 'always' | 'never';
  /** Trust X-Forwarded-* headers (behind a reverse proxy that terminates https). */
  readonly trustProxy: boolean;
  /** Lifetime of a login session, in hours. */
  readonly sessionHours: number;
}

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Builds the configuration from environment variables:
 * DATABASE_URL (PostgreSQL; SQLite under the data directory when unset), HALFSKY_DATA_DIR (default `./data`),
 * PORT (default 3000), HALFSKY_MAX_UPLOAD_MB (default 20), HALFSKY_LANG (`zh` | `en`, default `zh`),
 * HALFSKY_SECURE_COOKIES (`auto` | `always` | `never`, default `auto`), HALFSKY_TRUST_PROXY (`true` |
 * `false`, default `false`), HALFSKY_SESSION_HOURS (default 12).
 * Throws CONFIG_INVALID naming the variable.
 */
export function loadConfig(env: Env, cwd: string = process.cwd()): Config {
  const dataDir = resolve(cwd, nonEmpty(env.HALFSKY_DATA_DIR) ?? './data');
  const url = nonEmpty(env.DATABASE_URL);
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) {
    throw invalid('DATABASE_URL', url, '以 postgres:// 开头的 PostgreSQL 连接串', 'a postgres:// URL');
  }
  const database: DatabaseConfig = url
    ? { kind: 'postgres', url }
    : { kind: 'sqlite', file: join(dataDir, 'halfsky.sqlite') };
  const port = integer(env, 'PORT', 3000, 1, 65535);
  const maxUploadMb = integer(env, 'HALFSKY_MAX_UPLOAD_MB', 20, 1, 1024);
  const lang = nonEmpty(env.HALFSKY_LANG) ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw invalid('HALFSKY_LANG', lang, ' zh 或 en', 'zh or en');
  const secureCookies = nonEmpty(env.HALFSKY_SECURE_COOKIES) ?? 'auto';
  if (secureCookies !== 'auto' && secureCookies !== 'always' && secureCookies !== 'never') {
    throw invalid('HALFSKY_SECURE_COOKIES', secureCookies, ' auto、always 或 never', 'auto, always or never');
  }
  const trustProxy = nonEmpty(env.HALFSKY_TRUST_PROXY) ?? 'false';
  if (trustProxy !== 'true' && trustProxy !== 'false') {
    throw invalid('HALFSKY_TRUST_PROXY', trustProxy, ' true 或 false', 'true or false');
  }
  const sessionHours = integer(env, 'HALFSKY_SESSION_HOURS', 12, 1, 24 * 30);

  return Object.freeze({
    database: Object.freeze(database),
    dataDir,
    port,
    maxUploadMb,
    maxUploadBytes: maxUploadMb * 1024 * 1024,
    lang,
    secureCookies,
    trustProxy: trustProxy === 'true',
    sessionHours,
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function integer(env: Env, variable: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env[variable]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw invalid(variable, raw, ` ${min} 到 ${max} 之间的整数`, `an integer from ${min} to ${max}`);
  }
  return value;
}

function invalid(
  variable: string,
  value: string,
  expectedZh: string,
  expectedEn: string,
): HalfskyError<'CONFIG_INVALID'> {
  return new HalfskyError('CONFIG_INVALID', { variable, value, expectedZh, expectedEn });
}
