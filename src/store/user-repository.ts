import type { AccessUser } from '../domain/access/access-user.js';
import { isRole } from '../domain/access/role.js';
import type { HalfskyDatabase } from './create-database.js';
import type { UserRow } from './user-tables.js';

/** A user with the stored password hash, for verifying a login; nothing else should need the hash. */
export interface UserWithPassword {
  user: AccessUser;
  passwordHash: string;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: AccessUser['role'];
  regionCode: string;
  departments: string[];
  createdAt: string;
}

export type UserChanges = Partial<
  Pick<AccessUser, 'displayName' | 'role' | 'regionCode' | 'departments' | 'disabled'> & {
    passwordHash: string;
  }
>;

/** Inserts a user; the caller has checked that the username is free (the unique index enforces it). */
export async function insertUser(db: HalfskyDatabase, user: NewUser): Promise<AccessUser> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      region_code: user.regionCode,
      departments: JSON.stringify(user.departments),
      disabled: 0,
      created_at: user.createdAt,
    })
    .execute();
  return (await getUser(db, user.id)) as AccessUser;
}

export async function getUser(db: HalfskyDatabase, id: string): Promise<AccessUser | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToUser(row) : null;
}

export async function findUserByUsername(
  db: HalfskyDatabase,
  username: string,
): Promise<UserWithPassword | null> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row ? { user: rowToUser(row), passwordHash: row.password_hash } : null;
}

/** Every user, by username. */
export async function listUsers(db: HalfskyDatabase): Promise<AccessUser[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(rowToUser);
}

/** Applies the changes given; returns the updated user, or null when there is none with this id. */
export async function updateUser(
  db: HalfskyDatabase,
  id: string,
  changes: UserChanges,
): Promise<AccessUser | null> {
  const values: Partial<UserRow> = {};
  if (changes.displayName !== undefined) values.display_name = changes.displayName;
  if (changes.role !== undefined) values.role = changes.role;
  if (changes.regionCode !== undefined) values.region_code = changes.regionCode;
  if (changes.departments !== undefined) values.departments = JSON.stringify(changes.departments);
  if (changes.disabled !== undefined) values.disabled = changes.disabled ? 1 : 0;
  if (changes.passwordHash !== undefined) values.password_hash = changes.passwordHash;
  if (Object.keys(values).length > 0)
    await db.updateTable('users').set(values).where('id', '=', id).execute();
  return getUser(db, id);
}

function rowToUser(row: UserRow): AccessUser {
  if (!isRole(row.role)) throw new Error(`Stored user ${row.id} has an unknown role`);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    regionCode: row.region_code,
    departments: JSON.parse(row.departments) as string[],
    disabled: Number(row.disabled) === 1,
    createdAt: row.created_at,
  };
}
