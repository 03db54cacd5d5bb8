import type { InjectOptions } from 'fastify';
import type { Response as InjectResponse } from 'light-my-request';
import { loadConfig } from '../../src/config/load-config.js';
import type { AccessUser } from '../../src/domain/access/access-user.js';
import type { Role } from '../../src/domain/access/role.js';
import { buildApp, type HalfskyApp } from '../../src/server/app.js';
import { LoginLimiter } from '../../src/server/auth/login-limiter.js';
import { createUser } from '../../src/services/users/create-user.js';
import { savePlan } from '../../src/store/plan-repository.js';
import { loadRegionTree } from '../../src/store/regions/load-region-tree.js';
import { samplePlan } from './sample-plan.js';
import { openTestDatabase, type Engine, type TestDatabase } from './test-database.js';

export const PASSWORD = 'correct-horse-battery';
/** 安庆市: where every test user's scope starts. */
export const IN_SCOPE_REGION = '340800';
/** 清远市: outside it. */
export const OUT_OF_SCOPE_REGION = '441800';

const regions = loadRegionTree();

export interface Session {
  cookie: string;
  csrfToken: string;
}

export interface ApiHarness extends HalfskyApp {
  test: TestDatabase;
  clock: { now: Date };
  /** One user per role, scoped to 安庆市 (reporters to 卫健局). */
  users: Record<Role, AccessUser>;
  /** Users the user routes act on: one in 安庆 (怀宁县), one in 清远. */
  targets: { inScope: AccessUser; outOfScope: AccessUser };
  login: (username: string, password?: string, ip?: string) => Promise<Session>;
  /** Injects with the session's cookie and (unless `csrf: false`) its CSRF header. */
  as: (session: Session | null, options: InjectOptions, csrf?: boolean) => Promise<InjectResponse>;
  close: () => Promise<void>;
}

const ROLES_WITH_DEPARTMENTS: Record<Role, string[]> = {
  administrator: [],
  plan_owner: [],
  monitoring_lead: [],
  reporter: ['卫健局'],
  county_office: [],
  viewer: [],
};

/** An app on a fresh database with the 安庆 and 清远 plans and one user per role. */
export async function openApiHarness(engine: Engine = 'sqlite'): Promise<ApiHarness> {
  const test = await openTestDatabase(engine);
  const clock = { now: new Date('2026-03-01T08:00:00.000Z') };
  const source = { format: 'txt' as const, text: '……' };
  await savePlan(
    test.db,
    { ...samplePlan('anqing', '安庆市妇女发展规划'), region: '安庆市', parentRegion: '安徽省' },
    source,
  );
  await savePlan(
    test.db,
    { ...samplePlan('qingyuan', '清远市妇女发展规划'), region: '清远市', parentRegion: '广东省' },
    source,
  );
  const users = {} as Record<Role, AccessUser>;
  for (const role of Object.keys(ROLES_WITH_DEPARTMENTS) as Role[]) {
    users[role] = await createUser(test.db, regions, {
      username: role,
      password: PASSWORD,
      role,
      region: IN_SCOPE_REGION,
      departments: ROLES_WITH_DEPARTMENTS[role],
    });
  }
  const targets = {
    inScope: await createUser(test.db, regions, {
      username: 'target-aq',
      password: PASSWORD,
      role: 'viewer',
      region: '340822',
    }),
    outOfScope: await createUser(test.db, regions, {
      username: 'target-qy',
      password: PASSWORD,
      role: 'viewer',
      region: OUT_OF_SCOPE_REGION,
    }),
  };
  const config = loadConfig({}, '/tmp');
  const built = await buildApp(config, {
    db: test.db,
    regions,
    now: () => clock.now,
    loginLimiter: new LoginLimiter(5, 15 * 60_000),
  });
  const { app } = built;

  const login = async (username: string, password = PASSWORD, ip = '127.0.0.1'): Promise<Session> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });
    if (response.statusCode !== 200)
      throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'halfsky_session');
    return {
      cookie: `halfsky_session=${cookie!.value}`,
      csrfToken: response.json<{ csrfToken: string }>().csrfToken,
    };
  };
  const as: ApiHarness['as'] = (session, options, csrf = true) =>
    app.inject({
      remoteAddress: '127.0.0.1',
      ...options,
      headers: {
        ...(options.headers ?? {}),
        ...(session ? { cookie: session.cookie } : {}),
        ...(session && csrf ? { 'x-csrf-token': session.csrfToken } : {}),
      },
    });
  return {
    ...built,
    test,
    clock,
    users,
    targets,
    login,
    as,
    close: async () => {
      await app.close();
      await test.destroy();
    },
  };
}
