import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, listAudit } from '../src/store/audit-repository.js';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findLiveSession,
  insertSession,
} from '../src/store/session-repository.js';
import {
  findUserByUsername,
  getUser,
  insertUser,
  listUsers,
  updateUser,
} from '../src/store/user-repository.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './support/test-database.js';

const newUser = (id: string, username: string) => ({
  id,
  username,
  displayName: `用户 ${username}`,
  passwordHash: 'scrypt$1$1$1$c2FsdA==$aGFzaA==',
  role: 'reporter' as const,
  regionCode: '340800',
  departments: ['卫健局', '妇联'],
  createdAt: '2026-01-01T00:00:00.000Z',
});

for (const engine of ENGINES) {
  describe(`users, sessions and audit log on ${engine}`, () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await openTestDatabase(engine);
    });
    afterAll(async () => {
      await test?.destroy();
    });

    it('stores and reads a user, with departments and without exposing the hash', async () => {
      const user = await insertUser(test.db, newUser('u1', 'alice'));
      expect(user).toEqual({
        id: 'u1',
        username: 'alice',
        displayName: '用户 alice',
        role: 'reporter',
        regionCode: '340800',
        departments: ['卫健局', '妇联'],
        disabled: false,
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      expect(await getUser(test.db, 'u1')).toEqual(user);
      expect(await findUserByUsername(test.db, 'alice')).toEqual({
        user,
        passwordHash: newUser('', '').passwordHash,
      });
      expect(await findUserByUsername(test.db, 'nobody')).toBeNull();
    });

    it('keeps usernames unique', async () => {
      await expect(insertUser(test.db, newUser('u2', 'alice'))).rejects.toThrow();
    });

    it('updates fields and lists users by username', async () => {
      await insertUser(test.db, newUser('u3', 'bob'));
      const updated = await updateUser(test.db, 'u3', { disabled: true, role: 'viewer', departments: [] });
      expect(updated).toMatchObject({ disabled: true, role: 'viewer', departments: [] });
      expect((await listUsers(test.db)).map((u) => u.username)).toEqual(['alice', 'bob']);
      expect(await updateUser(test.db, 'missing', { displayName: 'x' })).toBeNull();
    });

    it('finds live sessions only, and deletes them singly, per user or when expired', async () => {
      const base = { userId: 'u1', csrfToken: 'c', createdAt: '2026-03-01T00:00:00.000Z' };
      await insertSession(test.db, { ...base, id: 's1', expiresAt: '2026-03-01T12:00:00.000Z' });
      await insertSession(test.db, { ...base, id: 's2', expiresAt: '2026-03-01T06:00:00.000Z' });
      await insertSession(test.db, { ...base, id: 's3', expiresAt: '2026-03-02T00:00:00.000Z' });
      const at = '2026-03-01T08:00:00.000Z';
      expect(await findLiveSession(test.db, 's1', at)).toMatchObject({
        id: 's1',
        csrfToken: 'c',
        user: { username: 'alice' },
      });
      expect(await findLiveSession(test.db, 's2', at)).toBeNull();
      expect(await deleteExpiredSessions(test.db, at)).toBe(1);
      await deleteSession(test.db, 's1');
      expect(await findLiveSession(test.db, 's1', at)).toBeNull();
      await deleteUserSessions(test.db, 'u1');
      expect(await findLiveSession(test.db, 's3', at)).toBeNull();
    });

    it('appends and lists audit entries, newest first', async () => {
      await appendAudit(test.db, {
        id: 'a1',
        at: '2026-03-01T08:00:00.000Z',
        userId: null,
        event: 'login_failed',
        detail: { username: 'eve' },
        ip: '10.0.0.9',
      });
      await appendAudit(test.db, {
        id: 'a2',
        at: '2026-03-01T08:01:00.000Z',
        userId: 'u1',
        event: 'login_ok',
        detail: {},
        ip: null,
      });
      expect(await listAudit(test.db)).toEqual([
        { id: 'a2', at: '2026-03-01T08:01:00.000Z', userId: 'u1', event: 'login_ok', detail: {}, ip: null },
        {
          id: 'a1',
          at: '2026-03-01T08:00:00.000Z',
          userId: null,
          event: 'login_failed',
          detail: { username: 'eve' },
          ip: '10.0.0.9',
        },
      ]);
    });
  });
}
