import type { HalfskyDatabase } from './create-database.js';

/** Security events the audit log records. */
export type AuditEvent =
  | 'login_ok'
  | 'login_failed'
  | 'login_rate_limited'
  | 'logout'
  | 'user_created'
  | 'user_changed'
  | 'access_denied';

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  event: AuditEvent;
  detail: Record<string, unknown>;
  ip: string | null;
}

export async function appendAudit(db: HalfskyDatabase, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: entry.id,
      at: entry.at,
      user_id: entry.userId,
      event: entry.event,
      detail: JSON.stringify(entry.detail),
      ip: entry.ip,
    })
    .execute();
}

/** The most recent entries first (at most `limit`). */
export async function listAudit(db: HalfskyDatabase, limit = 100): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    userId: row.user_id,
    event: row.event as AuditEvent,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    ip: row.ip,
  }));
}
