import type { AccessUser } from '../domain/access/access-user.js';
import type { HalfskyDatabase } from './create-database.js';
import { getUser } from './user-repository.js';

export interface StoredSession {
  /** The hash of the cookie token (the stored id). */
  id: string;
  user: AccessUser;
  csrfToken: string;
  expiresAt: string;
}

export async function insertSession(
  db: HalfskyDatabase,
  session: { id: string; userId: string; csrfToken: string; expiresAt: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
      created_at: session.createdAt,
    })
    .execute();
}

/** The session with this id (token hash) that has not expired at `now`, with its user; null otherwise. */
export async function findLiveSession(
  db: HalfskyDatabase,
  id: string,
  now: string,
): Promise<StoredSession | null> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return null;
  const user = await getUser(db, row.user_id);
  return user ? { id: row.id, user, csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
}

export async function deleteSession(db: HalfskyDatabase, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (after a password change, role change or disabling). */
export async function deleteUserSessions(db: HalfskyDatabase, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Removes sessions that expired before `now`; returns how many. */
export async function deleteExpiredSessions(db: HalfskyDatabase, now: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
