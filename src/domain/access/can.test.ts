import { describe, expect, it } from 'vitest';
import type { AccessUser } from './access-user.js';
import { ACTIONS, ROLE_ACTIONS } from './action.js';
import { can } from './can.js';
import { ROLES, type Role } from './role.js';

const user = (role: Role, over: Partial<AccessUser> = {}): AccessUser => ({
  id: 'u1',
  username: 'u',
  displayName: 'U',
  role,
  regionCode: '340800',
  departments: role === 'reporter' ? ['卫健局'] : [],
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

const anqing = ['340800', '340000', '000000'];
const huaining = ['340822', '340800', '340000', '000000'];
const qingyuan = ['441800', '440000', '000000'];

describe('can', () => {
  it('denies without a user and for a disabled user', () => {
    expect(can(null, 'plan:read')).toBe(false);
    expect(can(user('administrator', { disabled: true }), 'plan:read')).toBe(false);
  });

  it('follows the role table for every role and action', () => {
    for (const role of ROLES) {
      for (const action of ACTIONS) {
        const resource = { department: '卫健局' };
        expect(can(user(role), action, resource), `${role} ${action}`).toBe(
          ROLE_ACTIONS[role].includes(action),
        );
      }
    }
  });

  it('allows the region subtree, inclusively, and nothing outside it', () => {
    expect(can(user('viewer'), 'plan:read', { regionLineage: anqing })).toBe(true);
    expect(can(user('viewer'), 'plan:read', { regionLineage: huaining })).toBe(true);
    expect(can(user('viewer'), 'plan:read', { regionLineage: qingyuan })).toBe(false);
    expect(can(user('viewer'), 'plan:read', { regionLineage: ['340000', '000000'] })).toBe(false);
  });

  it('limits reporters writing to their departments', () => {
    const reporter = user('reporter');
    expect(can(reporter, 'observation:write', { regionLineage: anqing, department: '卫健局' })).toBe(true);
    expect(can(reporter, 'observation:write', { regionLineage: anqing, department: '教育局' })).toBe(false);
    expect(can(reporter, 'observation:write', { regionLineage: anqing })).toBe(false);
    expect(can(reporter, 'observation:read', { regionLineage: anqing, department: '教育局' })).toBe(true);
  });

  it('keeps user management for administrators', () => {
    for (const role of ROLES) expect(can(user(role), 'user:manage')).toBe(role === 'administrator');
  });
});
