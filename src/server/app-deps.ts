import type { RegionTree } from '../domain/regions/region-tree.js';
import type { HalfskyDatabase } from '../store/create-database.js';
import type { LoginLimiter } from './auth/login-limiter.js';

/** What the app is built on; tests pass their own database, tree, clock and limiter. */
export interface AppDeps {
  db: HalfskyDatabase;
  regions: RegionTree;
  /** The clock (sessions, audit); defaults to the system clock. */
  now?: () => Date;
  loginLimiter?: LoginLimiter;
  /** Fastify's logger; off by default (tests), on in server.ts. */
  logger?: boolean;
}

/** AppDeps with defaults filled in. */
export interface ResolvedDeps extends Required<Omit<AppDeps, 'logger'>> {
  /** Every API route as registered, `METHOD url`, with the access it declared (for tests and docs). */
  routes: { method: string; url: string; access: string }[];
}
