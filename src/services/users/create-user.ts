import { randomUUID } from 'node:crypto';
import type { AccessUser } from '../../domain/access/access-user.js';
import { isRole } from '../../domain/access/role.js';
import { HalfskyError } from '../../domain/errors.js';
import type { RegionTree } from '../../domain/regions/region-tree.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { findUserByUsername, insertUser } from '../../store/user-repository.js';
import { hashPassword } from '../auth/password-hash.js';

export interface CreateUserInput {
  username: string;
  displayName?: string;
  password: string;
  role: string;
  /** A region code in any accepted shape ('3408', '340800'). */
  region: string;
  departments?: string[];
}

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{2,64}$/;
export const MIN_PASSWORD_LENGTH = 8;

/**
 * Validates and stores a new user: username free and well-formed, password at least 8 characters, a known
 * role, a region the tree knows (stored in canonical form), and at least one department for a reporter.
 */
export async function createUser(
  db: HalfskyDatabase,
  regions: RegionTree,
  input: CreateUserInput,
  now: Date = new Date(),
): Promise<AccessUser> {
  const fail = (reasonZh: string, reasonEn: string) =>
    new HalfskyError('USER_INVALID', { reasonZh, reasonEn });
  if (!USERNAME_PATTERN.test(input.username)) {
    throw fail(
      '用户名只能包含字母、数字和 _ . -，2 到 64 个字符',
      'a username has 2–64 letters, digits, _ . or -',
    );
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw fail(
      `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`,
      `a password has at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
  if (!isRole(input.role)) throw fail(`未知角色 ${input.role}`, `unknown role ${input.role}`);
  const region = regions.get(input.region);
  if (!region) throw new HalfskyError('REGION_NOT_FOUND', { code: input.region });
  const departments = normaliseDepartments(input.departments ?? []);
  if (input.role === 'reporter' && departments.length === 0) {
    throw fail('成员单位用户须指定至少一个部门', 'a reporter needs at least one department');
  }
  if (await findUserByUsername(db, input.username)) {
    throw new HalfskyError('USERNAME_TAKEN', { username: input.username });
  }
  return insertUser(db, {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName?.trim() || input.username,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    regionCode: region.code,
    departments,
    createdAt: now.toISOString(),
  });
}

/** Trimmed, without blanks or repeats, in the order given. */
export function normaliseDepartments(departments: readonly string[]): string[] {
  return [...new Set(departments.map((d) => d.trim()).filter((d) => d !== ''))];
}
