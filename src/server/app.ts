import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config/load-config.js';
import type { AppDeps, ResolvedDeps } from './app-deps.js';
import { alertRoutes } from './alerts/alert-routes.js';
import { auditRoutes } from './audit/audit-routes.js';
import { authRoutes } from './auth/auth-routes.js';
import { LoginLimiter } from './auth/login-limiter.js';
import { departmentRoutes } from './departments/department-routes.js';
import { evaluationRoutes } from './evaluation/evaluation-routes.js';
import { indicatorRoutes } from './indicators/indicator-routes.js';
import { observationRoutes } from './observations/observation-routes.js';
import { planImportRoutes } from './plans/plan-import-routes.js';
import { planRoutes } from './plans/plan-routes.js';
import { publicationRoutes } from './public/publication-routes.js';
import { publicRoutes } from './public/public-routes.js';
import { registerAuth } from './plugins/auth.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { regionRoutes } from './regions/region-routes.js';
import { reportRoutes } from './reports/report-routes.js';
import { roundRoutes } from './rounds/round-routes.js';
import './route-access.js';
import { ErrorBody } from './schemas/error-schema.js';
import { userRoutes } from './users/user-routes.js';
import { registerWebApp } from './web/web-app.js';

export interface HalfskyApp {
  app: FastifyInstance;
  /** Every API route with the access it declared, as registered. */
  routes: ResolvedDeps['routes'];
}

/**
 * The HTTP app, the same for the server and for tests (app.inject()). The API lives in one encapsulated
 * scope whose auth plugin refuses to register a route without declared access (deny by default);
 * OpenAPI JSON at /docs/json and its UI at /docs are public.
 */
export async function buildApp(config: Config, deps: AppDeps): Promise<HalfskyApp> {
  const resolved: ResolvedDeps = {
    db: deps.db,
    regions: deps.regions,
    now: deps.now ?? (() => new Date()),
    loginLimiter: deps.loginLimiter ?? new LoginLimiter(),
    routes: [],
  };
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { allErrors: true, removeAdditional: false } },
  });
  registerErrorHandler(app, config.lang);
  await app.register(cookie);
  app.addSchema(ErrorBody);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Halfsky 半边天 API',
        description: '妇女发展规划监测评估平台接口 / monitoring and evaluation of women’s development plans',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'halfsky_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await registerWebApp(app); // the built web app (dist/web), when there is one

  await app.register(async (api) => {
    registerAuth(api, resolved);
    authRoutes(api, config, resolved);
    planRoutes(api, resolved);
    planImportRoutes(api, config, resolved);
    regionRoutes(api, resolved);
    indicatorRoutes(api);
    userRoutes(api, resolved);
    observationRoutes(api, resolved);
    auditRoutes(api, resolved);
    departmentRoutes(api, resolved);
    evaluationRoutes(api, resolved, config.database.kind === 'postgres' ? config.database.url : null);
    alertRoutes(api, resolved);
    reportRoutes(api, resolved);
    publicationRoutes(api, resolved);
    publicRoutes(api, resolved);
    roundRoutes(api, config, resolved);
  });
  await app.ready();
  return { app, routes: resolved.routes };
}
