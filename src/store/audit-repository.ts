import type { Selectable } from 'kysely';
import type { HalfskyDatabase } from './create-database.js';
import type { AuditRow } from './user-tables.js';

/** Security events the audit log records. */
export type AuditEvent =
  | 'login_ok'
  | 'login_failed'
  | 'login_rate_limited'
  | 'logout'
  | 'user_created'
  | 'user_changed'
  | 'access_denied'
  | 'responsibilities_changed'
  | 'results_published'
  | 'results_withdrawn'
  | 'plan_imported';

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
  return rows.map(auditRowToEntry);
}

export interface AuditFilter {
  event?: AuditEvent;
  /** Only entries of these users (an empty list matches nothing); undefined: any user, or none. */
  userIds?: readonly string[];
  /** ISO 8601 bounds on `at`, inclusive. */
  from?: string;
  to?: string;
}

/** One page of entries matching the filter, most recent first, with the number of all matching entries. */
export async function queryAudit(
  db: HalfskyDatabase,
  filter: AuditFilter,
  page: { offset: number; limit: number },
): Promise<{ entries: AuditEntry[]; total: number }> {
  let query = db.selectFrom('audit_log');
  if (filter.event !== undefined) query = query.where('event', '=', filter.event);
  if (filter.userIds !== undefined) query = query.where('user_id', 'in', ['', ...filter.userIds]);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<=', filter.to);
  const { n } = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return {
    total: Number(n),
    entries: rows.map(auditRowToEntry),
  };
}

function auditRowToEntry(row: Selectable<AuditRow>): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    userId: row.user_id,
    event: row.event as AuditEvent,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    ip: row.ip,
  };
}
