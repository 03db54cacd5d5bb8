import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_ACTIONS, type Action } from '../src/domain/access/action.js';
import { ROLES, type Role } from '../src/domain/access/role.js';
import { INDICATOR_CATALOG } from '../src/domain/indicators/catalog.js';
import { ENGINES } from './support/test-database.js';
import { alertIn, ensureAlerts } from './evaluation-access-support.js';
import { publicPlanYear } from '../src/services/publication/public-results.js';
import { publishYear } from '../src/store/publication-repository.js';
import { openApiHarness, PASSWORD, type ApiHarness, type Session } from './support/api-harness.js';
import { closeRound } from '../src/services/rounds/close-round.js';
import { loadRound } from '../src/services/rounds/round-context.js';
import { ensureRounds, findCell, openRounds, submittedCell, SYSTEM } from './support/round-fixture.js';
import { samplePlan } from './support/sample-plan.js';

/**
 * Every registered API route × every role × (in scope, out of scope), plus unauthenticated. Test users are
 * scoped to 安庆市; "in scope" requests act on 安庆, "out of scope" ones on 清远. Expected: a role without the
 * route's action gets 403 either way; with it, 2xx in scope and, out of scope, 404 (a plan, region or user
 * outside the scope is answered as missing), 403 (creating a user in a region outside the scope), or 200
 * with the outside items filtered out of a list. A request for a missing id gets 404 when allowed.
 * A route with no entry below fails the test, so a new route cannot go untested.
 */
type OutOfScope = 'hidden' | 'forbidden' | { filtered: (body: unknown) => void };

interface RouteCase {
  inScope: (h: ApiHarness, role: Role) => InjectOptions | Promise<InjectOptions>;
  outOfScope: (h: ApiHarness, role: Role) => InjectOptions;
  outcome: OutOfScope | 'same';
  missing?: InjectOptions;
  /** Needs its own session (logout ends the one it is sent with). */
  freshSession?: boolean;
}

let created = 0;
const indicator = INDICATOR_CATALOG[0]!.code;

const CASES: Record<string, RouteCase> = {
  'POST /api/auth/login': {
    inScope: (_h, role) => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: role, password: PASSWORD },
    }),
    outOfScope: (_h, role) => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: role, password: PASSWORD },
    }),
    outcome: 'same',
  },
  'POST /api/auth/logout': {
    inScope: () => ({ method: 'POST', url: '/api/auth/logout' }),
    outOfScope: () => ({ method: 'POST', url: '/api/auth/logout' }),
    outcome: 'same',
    freshSession: true,
  },
  'GET /api/auth/me': {
    inScope: () => ({ method: 'GET', url: '/api/auth/me' }),
    outOfScope: () => ({ method: 'GET', url: '/api/auth/me' }),
    outcome: 'same',
  },
  'GET /api/plans': {
    inScope: () => ({ method: 'GET', url: '/api/plans' }),
    outOfScope: () => ({ method: 'GET', url: '/api/plans' }),
    outcome: {
      filtered: (body) => {
        const ids = (body as { plans: { id: string }[] }).plans.map((p) => p.id);
        expect(ids).toEqual(['anqing']);
      },
    },
  },
  'GET /api/plans/:id': {
    inScope: () => ({ method: 'GET', url: '/api/plans/anqing' }),
    outOfScope: () => ({ method: 'GET', url: '/api/plans/qingyuan' }),
    outcome: 'hidden',
    missing: { method: 'GET', url: '/api/plans/nowhere' },
  },
  'GET /api/plans/:id/targets': {
    inScope: () => ({ method: 'GET', url: '/api/plans/anqing/targets' }),
    outOfScope: () => ({ method: 'GET', url: '/api/plans/qingyuan/targets' }),
    outcome: 'hidden',
    missing: { method: 'GET', url: '/api/plans/nowhere/targets' },
  },
  'GET /api/regions/:code': {
    inScope: () => ({ method: 'GET', url: '/api/regions/340822' }),
    outOfScope: () => ({ method: 'GET', url: '/api/regions/441800' }),
    outcome: 'hidden',
    missing: { method: 'GET', url: '/api/regions/999999' },
  },
  'GET /api/regions': {
    inScope: () => ({ method: 'GET', url: `/api/regions?q=${encodeURIComponent('怀宁县')}` }),
    outOfScope: () => ({ method: 'GET', url: `/api/regions?q=${encodeURIComponent('清远市')}` }),
    outcome: {
      filtered: (body) => {
        expect(body).toMatchObject({ kind: 'not-found', candidates: [], suggestions: [] });
      },
    },
  },
  'GET /api/indicators': {
    inScope: () => ({ method: 'GET', url: '/api/indicators' }),
    outOfScope: () => ({ method: 'GET', url: '/api/indicators' }),
    outcome: 'same',
  },
  'GET /api/indicators/:code': {
    inScope: () => ({ method: 'GET', url: `/api/indicators/${indicator}` }),
    outOfScope: () => ({ method: 'GET', url: `/api/indicators/${indicator}` }),
    outcome: 'same',
    missing: { method: 'GET', url: '/api/indicators/health.nothing_like_this' },
  },
  'GET /api/users': {
    inScope: () => ({ method: 'GET', url: '/api/users' }),
    outOfScope: () => ({ method: 'GET', url: '/api/users' }),
    outcome: {
      filtered: (body) => {
        const names = (body as { users: { username: string }[] }).users.map((u) => u.username);
        expect(names).toContain('target-aq');
        expect(names).not.toContain('target-qy');
      },
    },
  },
  'POST /api/users': {
    inScope: () => ({
      method: 'POST',
      url: '/api/users',
      payload: { username: `new-${++created}`, password: PASSWORD, role: 'viewer', regionCode: '340822' },
    }),
    outOfScope: () => ({
      method: 'POST',
      url: '/api/users',
      payload: { username: `new-${++created}`, password: PASSWORD, role: 'viewer', regionCode: '441800' },
    }),
    outcome: 'forbidden',
  },
  'PATCH /api/users/:id': {
    inScope: (h) => ({
      method: 'PATCH',
      url: `/api/users/${h.targets.inScope.id}`,
      payload: { displayName: '怀宁用户' },
    }),
    outOfScope: (h) => ({
      method: 'PATCH',
      url: `/api/users/${h.targets.outOfScope.id}`,
      payload: { displayName: 'x' },
    }),
    outcome: 'hidden',
    missing: { method: 'PATCH', url: '/api/users/nobody', payload: { displayName: 'x' } },
  },
  'GET /api/observations': {
    inScope: () => ({ method: 'GET', url: '/api/observations?region=340822' }),
    outOfScope: () => ({ method: 'GET', url: '/api/observations?region=441800' }),
    outcome: 'hidden',
    missing: { method: 'GET', url: '/api/observations?indicator=health.nothing_like_this' },
  },
  'PUT /api/observations': {
    inScope: () => ({
      method: 'PUT',
      url: '/api/observations',
      payload: {
        cells: [{ indicator: 'health.maternal_mortality', region: '340822', year: 2023, value: 9 }],
      },
    }),
    outOfScope: () => ({
      method: 'PUT',
      url: '/api/observations',
      payload: {
        cells: [{ indicator: 'health.maternal_mortality', region: '441802', year: 2023, value: 9 }],
      },
    }),
    outcome: 'forbidden',
  },
  'GET /api/audit': {
    inScope: (h) => ({ method: 'GET', url: `/api/audit?user=${h.targets.inScope.id}&pageSize=10` }),
    outOfScope: (h) => ({ method: 'GET', url: `/api/audit?user=${h.targets.outOfScope.id}` }),
    outcome: {
      filtered: (body) => {
        expect(body).toMatchObject({ entries: [], total: 0 });
      },
    },
  },
  'GET /api/departments': {
    inScope: () => ({ method: 'GET', url: '/api/departments?region=340800' }),
    outOfScope: () => ({ method: 'GET', url: '/api/departments?region=441800' }),
    outcome: 'hidden',
  },
  'GET /api/plans/:id/responsibilities': {
    inScope: () => ({ method: 'GET', url: '/api/plans/anqing/responsibilities' }),
    outOfScope: () => ({ method: 'GET', url: '/api/plans/qingyuan/responsibilities' }),
    outcome: 'hidden',
    missing: { method: 'GET', url: '/api/plans/nowhere/responsibilities' },
  },
  'PUT /api/plans/:id/responsibilities': {
    inScope: () => ({
      method: 'PUT',
      url: '/api/plans/anqing/responsibilities',
      payload: {
        item: { kind: 'goal', id: 'anqing/a0/g0' },
        departments: [{ name: '卫健局', role: 'lead' }],
      },
    }),
    outOfScope: () => ({
      method: 'PUT',
      url: '/api/plans/qingyuan/responsibilities',
      payload: { item: { kind: 'goal', id: 'qingyuan/a0/g0' }, departments: [] },
    }),
    outcome: 'hidden',
    missing: {
      method: 'PUT',
      url: '/api/plans/anqing/responsibilities',
      payload: { item: { kind: 'goal', id: 'anqing/a9/g9' }, departments: [] },
    },
  },
};

const evaluationCase = (path: string): RouteCase => ({
  inScope: () => ({ method: 'GET', url: `/api/plans/anqing/${path}` }),
  outOfScope: () => ({ method: 'GET', url: `/api/plans/qingyuan/${path}` }),
  outcome: 'hidden',
  missing: { method: 'GET', url: `/api/plans/nowhere/${path}` },
});
const alertActionCase = (action: 'acknowledge' | 'resolve' | 'escalate' | 'comment'): RouteCase => ({
  inScope: async (h) => ({
    method: 'POST',
    url: `/api/alerts/${await alertIn(h, action)}/${action}`,
    payload: { note: '已部署', actionPlan: '加强孕产妇健康管理', dueDate: '2026-06-30' },
  }),
  outOfScope: (h) => ({
    method: 'POST',
    url: `/api/alerts/${ensureAlerts.outOfScopeId(h)}/${action}`,
    payload: { note: 'x', actionPlan: 'x' },
  }),
  outcome: 'hidden',
  missing: { method: 'POST', url: `/api/alerts/nothing/${action}`, payload: { note: 'x', actionPlan: 'x' } },
});
CASES['GET /api/plans/:id/evaluation'] = evaluationCase('evaluation?year=2024');
CASES['GET /api/plans/:id/evaluation/overview'] = evaluationCase('evaluation/overview?year=2024');
CASES['GET /api/plans/:id/ranking'] = evaluationCase('ranking?year=2024');
CASES['GET /api/plans/:id/comparison'] = evaluationCase('comparison');
CASES['GET /api/alerts'] = {
  inScope: async (h) => {
    await ensureAlerts(h);
    return { method: 'GET', url: '/api/alerts?plan=anqing&year=2024' };
  },
  outOfScope: () => ({ method: 'GET', url: '/api/alerts?plan=qingyuan&year=2024' }),
  outcome: 'hidden',
  missing: { method: 'GET', url: '/api/alerts?plan=nowhere' },
};
CASES['GET /api/alerts/:id'] = {
  inScope: async (h) => ({ method: 'GET', url: `/api/alerts/${await alertIn(h, 'comment')}` }),
  outOfScope: (h) => ({ method: 'GET', url: `/api/alerts/${ensureAlerts.outOfScopeId(h)}` }),
  outcome: 'hidden',
  missing: { method: 'GET', url: '/api/alerts/nothing' },
};
CASES['POST /api/alerts/:id/acknowledge'] = alertActionCase('acknowledge');
CASES['POST /api/alerts/:id/resolve'] = alertActionCase('resolve');
CASES['POST /api/alerts/:id/escalate'] = alertActionCase('escalate');
CASES['POST /api/alerts/:id/comment'] = alertActionCase('comment');

/** Publishes 安庆's 2024 results (and links and evaluates the plans first): what the public routes show. */
const published = async (h: ApiHarness): Promise<string> => {
  await ensureAlerts(h);
  await publishYear(h.test.db, { planId: 'anqing', year: 2024, publishedBy: null });
  const year = await publicPlanYear(h.test.db, 'anqing', 2024);
  const code = year.indicators[0]?.indicatorCode;
  if (!code) throw new Error('no published indicator in 安庆');
  return code;
};
const publicCase = (path: (code: string) => string): RouteCase => ({
  inScope: async (h) => ({
    method: 'GET',
    url: `/api/public/plans/anqing/years/2024${path(await published(h))}`,
  }),
  // 清远 2024 is never published: the public section answers as if it did not exist.
  outOfScope: () => ({ method: 'GET', url: `/api/public/plans/qingyuan/years/2024${path(indicator)}` }),
  outcome: 'hidden',
  missing: { method: 'GET', url: `/api/public/plans/anqing/years/2023${path(indicator)}` },
});
CASES['GET /api/plans/:id/reports/:kind'] = {
  inScope: async (h) => {
    await ensureAlerts(h);
    return { method: 'GET', url: '/api/plans/anqing/reports/annual?year=2024' };
  },
  outOfScope: () => ({ method: 'GET', url: '/api/plans/qingyuan/reports/annual?year=2024' }),
  outcome: 'hidden',
  missing: { method: 'GET', url: '/api/plans/nowhere/reports/yearbook?year=2024&format=xlsx' },
};
CASES['GET /api/plans/:id/publications'] = {
  inScope: () => ({ method: 'GET', url: '/api/plans/anqing/publications' }),
  outOfScope: () => ({ method: 'GET', url: '/api/plans/qingyuan/publications' }),
  outcome: 'hidden',
  missing: { method: 'GET', url: '/api/plans/nowhere/publications' },
};
CASES['PUT /api/plans/:id/publications/:year'] = {
  inScope: () => ({ method: 'PUT', url: '/api/plans/anqing/publications/2022', payload: { note: '测试' } }),
  outOfScope: () => ({ method: 'PUT', url: '/api/plans/qingyuan/publications/2022', payload: {} }),
  outcome: 'hidden',
  missing: { method: 'PUT', url: '/api/plans/nowhere/publications/2022', payload: {} },
};
CASES['DELETE /api/plans/:id/publications/:year'] = {
  inScope: async (h) => {
    await publishYear(h.test.db, { planId: 'anqing', year: 2021, publishedBy: null });
    return { method: 'DELETE', url: '/api/plans/anqing/publications/2021' };
  },
  outOfScope: () => ({ method: 'DELETE', url: '/api/plans/qingyuan/publications/2021' }),
  outcome: 'hidden',
  missing: { method: 'DELETE', url: '/api/plans/anqing/publications/2019' },
};
CASES['GET /api/public/publications'] = {
  inScope: async (h) => {
    await published(h);
    return { method: 'GET', url: '/api/public/publications' };
  },
  outOfScope: () => ({ method: 'GET', url: '/api/public/publications' }),
  outcome: {
    filtered: (body) => {
      const years = (body as { publications: { planId: string; year: number }[] }).publications;
      expect(years.map((p) => p.planId)).not.toContain('qingyuan');
      expect(years).toContainEqual(expect.objectContaining({ planId: 'anqing', year: 2024 }));
    },
  },
};
CASES['GET /api/public/plans/:id/years/:year'] = publicCase(() => '');
CASES['GET /api/public/plans/:id/years/:year/charts/:indicator'] = publicCase((c) => `/charts/${c}`);
CASES['GET /api/public/plans/:id/years/:year/open-data/:indicator'] = publicCase((c) => `/open-data/${c}`);
CASES['GET /api/public/plans/:id/years/:year/open-data.zip'] = publicCase(() => '/open-data.zip');
CASES['GET /api/public/plans/:id/years/:year/reports/:kind'] = publicCase(
  () => '/reports/yearbook?format=xlsx',
);

// Reporting rounds: 安庆 (in scope) and 清远 (out of scope), 2024, opened on first use.
const MMR = 'health.maternal_mortality';
let roundYear = 2000;
const roundCase = (path: string, missing = true): RouteCase => ({
  inScope: async (h) => {
    await ensureRounds(h);
    return { method: 'GET', url: `/api/rounds/anqing-2024${path}` };
  },
  outOfScope: () => ({ method: 'GET', url: `/api/rounds/qingyuan-2024${path}` }),
  outcome: 'hidden',
  ...(missing ? { missing: { method: 'GET' as const, url: `/api/rounds/nowhere-2024${path}` } } : {}),
});
CASES['GET /api/rounds'] = {
  inScope: async (h) => {
    await ensureRounds(h);
    return { method: 'GET', url: '/api/rounds' };
  },
  outOfScope: () => ({ method: 'GET', url: '/api/rounds' }),
  outcome: {
    filtered: (body) => {
      const ids = (body as { rounds: { planId: string }[] }).rounds.map((r) => r.planId);
      expect(ids).toContain('anqing');
      expect(ids).not.toContain('qingyuan');
    },
  },
};
CASES['POST /api/rounds'] = {
  inScope: async (h) => {
    await ensureRounds(h);
    return {
      method: 'POST',
      url: '/api/rounds',
      payload: { planId: 'anqing', year: ++roundYear, deadline: '2025-03-31' },
    };
  },
  outOfScope: () => ({
    method: 'POST',
    url: '/api/rounds',
    payload: { planId: 'qingyuan', year: 2030, deadline: '2025-03-31' },
  }),
  outcome: 'hidden',
  missing: {
    method: 'POST',
    url: '/api/rounds',
    payload: { planId: 'nowhere', year: 2030, deadline: '2025-03-31' },
  },
};
CASES['GET /api/rounds/:id'] = roundCase('');
/** A fresh 安庆 round (its own year) for the close and reopen cases, closed when asked. */
let closeYear = 2100;
const freshRound = async (h: ApiHarness, closed: boolean) => {
  await ensureRounds(h);
  const [round] = await openRounds(h.test.db, ['anqing'], closeYear--);
  if (closed) await closeRound(h.test.db, SYSTEM, await loadRound(h.test.db, SYSTEM, round!.id), new Date());
  return round!.id;
};
CASES['POST /api/rounds/:id/close'] = {
  inScope: async (h) => ({ method: 'POST', url: `/api/rounds/${await freshRound(h, false)}/close` }),
  outOfScope: () => ({ method: 'POST', url: '/api/rounds/qingyuan-2024/close' }),
  outcome: 'hidden',
  missing: { method: 'POST', url: '/api/rounds/nowhere-2024/close' },
};
CASES['POST /api/rounds/:id/reopen'] = {
  inScope: async (h) => ({
    method: 'POST',
    url: `/api/rounds/${await freshRound(h, true)}/reopen`,
    payload: { reason: '补报数据' },
  }),
  outOfScope: () => ({
    method: 'POST',
    url: '/api/rounds/qingyuan-2024/reopen',
    payload: { reason: '补报数据' },
  }),
  outcome: 'hidden',
  missing: { method: 'POST', url: '/api/rounds/nowhere-2024/reopen', payload: { reason: '补报数据' } },
};
CASES['GET /api/rounds/:id/cells'] = roundCase('/cells');
CASES['GET /api/rounds/:id/roll-up'] = roundCase('/roll-up');
CASES['GET /api/rounds/:id/template'] = roundCase('/template?department=%E5%8D%AB%E5%81%A5%E5%B1%80');
CASES['GET /api/rounds/:id/cells/:cellId/history'] = {
  inScope: async (h) => {
    await ensureRounds(h);
    const cell = await findCell(h.test.db, 'anqing-2024', { indicator: MMR, region: '340822' });
    return { method: 'GET', url: `/api/rounds/anqing-2024/cells/${cell.id}/history` };
  },
  outOfScope: () => ({ method: 'GET', url: '/api/rounds/qingyuan-2024/cells/any/history' }),
  outcome: 'hidden',
  missing: { method: 'GET', url: '/api/rounds/anqing-2024/cells/nothing/history' },
};
CASES['PUT /api/rounds/:id/cells'] = {
  inScope: async (h) => {
    await ensureRounds(h);
    const cell = await findCell(h.test.db, 'anqing-2024', { indicator: MMR, region: '340826' });
    return {
      method: 'PUT',
      url: '/api/rounds/anqing-2024/cells',
      payload: {
        cells: [{ indicator: MMR, region: '340826', value: 9, version: cell.observation?.version ?? 0 }],
      },
    };
  },
  outOfScope: () => ({
    method: 'PUT',
    url: '/api/rounds/qingyuan-2024/cells',
    payload: { cells: [{ indicator: MMR, region: '441802', value: 9, version: 0 }] },
  }),
  outcome: 'hidden',
};
CASES['POST /api/rounds/:id/submit'] = {
  inScope: async (h) => {
    await ensureRounds(h);
    return { method: 'POST', url: '/api/rounds/anqing-2024/submit', payload: { region: '340825' } };
  },
  outOfScope: () => ({ method: 'POST', url: '/api/rounds/qingyuan-2024/submit', payload: {} }),
  outcome: 'hidden',
};
CASES['POST /api/rounds/:id/review'] = {
  inScope: async (h) => {
    await ensureRounds(h);
    const cell = await submittedCell(h.test.db, 'anqing-2024', { indicator: MMR, region: '340881' }, 9);
    return {
      method: 'POST',
      url: '/api/rounds/anqing-2024/review',
      payload: { decisions: [{ cellId: cell.id, decision: 'approve' }] },
    };
  },
  outOfScope: () => ({
    method: 'POST',
    url: '/api/rounds/qingyuan-2024/review',
    payload: { decisions: [{ cellId: 'any', decision: 'approve' }] },
  }),
  outcome: 'hidden',
};
CASES['POST /api/rounds/:id/upload'] = {
  inScope: async (h) => {
    await ensureRounds(h);
    return {
      method: 'POST',
      url: '/api/rounds/anqing-2024/upload?filename=data.csv',
      headers: { 'content-type': 'text/csv' },
      payload: `indicator,region,value\n${MMR},340822,${8 + (roundYear++ % 3)}\n`,
    };
  },
  outOfScope: () => ({
    method: 'POST',
    url: '/api/rounds/qingyuan-2024/upload?filename=data.csv',
    headers: { 'content-type': 'text/csv' },
    payload: `indicator,region,value\n${MMR},441802,9\n`,
  }),
  outcome: 'hidden',
};

const planText = (city: string) =>
  [
    `${city}妇女发展规划（2021—2030年）`,
    '（一）妇女与健康。',
    '主要目标：',
    '1.孕产妇死亡率控制在12/10万以下。',
  ].join('\n\n');
CASES['POST /api/plans/parse'] = {
  inScope: () => ({
    method: 'POST',
    url: '/api/plans/parse?filename=plan.txt',
    headers: { 'content-type': 'text/plain' },
    payload: planText('安庆市'),
  }),
  outOfScope: () => ({
    method: 'POST',
    url: '/api/plans/parse?filename=plan.txt',
    headers: { 'content-type': 'text/plain' },
    payload: planText('清远市'),
  }),
  // Parsing stores nothing; the answer says whether the plan may be stored.
  outcome: 'same',
};
const importedPlan = (city: string, id: string) => {
  const plan = {
    ...samplePlan(id, `${city}妇女发展规划`),
    region: city,
    parentRegion: city === '清远市' ? '广东省' : '安徽省',
  };
  return { plan, source: { format: 'txt', text: planText(city) } };
};
CASES['POST /api/plans'] = {
  inScope: () => ({ method: 'POST', url: '/api/plans', payload: importedPlan('安庆市', 'anqing') }),
  outOfScope: () => ({ method: 'POST', url: '/api/plans', payload: importedPlan('清远市', 'qingyuan') }),
  outcome: 'forbidden',
};

const allowed = (role: Role, access: string) =>
  access === 'public' || access === 'authenticated' || ROLE_ACTIONS[role].includes(access as Action);

for (const engine of ENGINES) {
  describe(`API access on ${engine}: every route × role × scope`, () => {
    let h: ApiHarness;
    const sessions = new Map<Role, Session>();
    beforeAll(async () => {
      h = await openApiHarness(engine);
      for (const role of ROLES) sessions.set(role, await h.login(role));
    });
    afterAll(async () => {
      await h?.close();
    });

    it('registers exactly the routes the table covers', () => {
      const registered = h.routes.map((r) => `${r.method} ${r.url}`).sort();
      expect(registered).toEqual(Object.keys(CASES).sort());
    });

    it('refuses every protected route without a session (401) and lets login through', async () => {
      for (const route of h.routes) {
        const test = CASES[`${route.method} ${route.url}`]!;
        const response = await h.as(null, await test.inScope(h, 'viewer'));
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(
          route.access === 'public' ? 200 : 401,
        );
      }
    });

    for (const role of ROLES) {
      it(`gives ${role} exactly what its role and scope allow`, async () => {
        let checked = 0;
        for (const route of h.routes) {
          const key = `${route.method} ${route.url}`;
          const test = CASES[key]!;
          const session = async () => (test.freshSession ? h.login(role) : sessions.get(role)!);
          const inScope = await h.as(await session(), await test.inScope(h, role));
          const outOfScope = await h.as(await session(), test.outOfScope(h, role));
          const label = `${role} ${key}`;
          if (!allowed(role, route.access)) {
            expect(inScope.statusCode, `${label} in scope`).toBe(403);
            expect(outOfScope.statusCode, `${label} out of scope`).toBe(403);
            expect(inScope.json()).toMatchObject({ code: 'FORBIDDEN' });
          } else {
            expect(inScope.statusCode, `${label} in scope: ${inScope.body}`).toBeGreaterThanOrEqual(200);
            expect(inScope.statusCode, `${label} in scope: ${inScope.body}`).toBeLessThan(300);
            const outcome = test.outcome;
            if (outcome === 'same') expect(outOfScope.statusCode, label).toBe(inScope.statusCode);
            else if (outcome === 'hidden') expect(outOfScope.statusCode, `${label} out of scope`).toBe(404);
            else if (outcome === 'forbidden')
              expect(outOfScope.statusCode, `${label} out of scope`).toBe(403);
            else {
              expect(outOfScope.statusCode, label).toBe(200);
              outcome.filtered(outOfScope.json());
            }
            if (test.missing) {
              const missing = await h.as(sessions.get(role)!, test.missing);
              expect(missing.statusCode, `${label} missing`).toBe(404);
            }
          }
          checked++;
        }
        expect(checked).toBe(Object.keys(CASES).length);
      });
    }
  });
}
