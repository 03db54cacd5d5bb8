import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiHarness, type ApiHarness, type Session } from './support/api-harness.js';

describe('GET /api/audit', () => {
  let h: ApiHarness;
  let admin: Session;
  beforeAll(async () => {
    h = await openApiHarness('sqlite');
    h.clock.now = new Date('2026-03-01T08:00:00.000Z');
    await h.login('viewer');
    h.clock.now = new Date('2026-03-02T08:00:00.000Z');
    await h.login('viewer');
    await h.as(await h.login('viewer'), { method: 'GET', url: '/api/users' });
    admin = await h.login('administrator');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('filters by event, user and time, most recent first, paged', async () => {
    const viewer = h.users.viewer.id;
    const logins = await h.as(admin, { method: 'GET', url: `/api/audit?event=login_ok&user=${viewer}` });
    expect(logins.statusCode, logins.body).toBe(200);
    expect(logins.json()).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    const page = await h.as(admin, {
      method: 'GET',
      url: `/api/audit?event=login_ok&user=${viewer}&pageSize=2&page=2`,
    });
    expect(page.json().entries).toHaveLength(1);
    expect(page.json().entries[0].at).toBe('2026-03-01T08:00:00.000Z');
    const later = await h.as(admin, {
      method: 'GET',
      url: `/api/audit?user=${viewer}&from=2026-03-02T00:00:00Z`,
    });
    expect(
      later
        .json()
        .entries.map((e: { event: string }) => e.event)
        .sort(),
    ).toEqual(['access_denied', 'login_ok', 'login_ok']);
  });

  it('is for administrators only', async () => {
    const response = await h.as(await h.login('plan_owner'), { method: 'GET', url: '/api/audit' });
    expect(response.statusCode).toBe(403);
  });
});
