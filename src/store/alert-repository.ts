import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AlertCandidate, AlertLevel, AlertRule } from '../domain/evaluation/alert-rules.js';
import {
  nextAlertStatus,
  OPEN_ALERT_STATUSES,
  type AlertAction,
  type AlertStatus,
} from '../domain/evaluation/alert-workflow.js';
import type { HalfskyDatabase } from './create-database.js';
import type { AlertTables, AlertRow } from './alert-tables.js';
import { inChunks } from './in-chunks.js';
import type { Database } from './tables.js';

type AlertDb = Kysely<Database & AlertTables>;
type AlertTrx = Transaction<Database & AlertTables>;

/** A stored alert (预警) and where its follow-up stands. */
export interface StoredAlert {
  id: string;
  planId: string;
  targetKey: string;
  indicatorCode: string | null;
  regionCode: string;
  year: number;
  rule: AlertRule;
  level: AlertLevel;
  status: AlertStatus;
  reason: string;
  reasonEn: string;
  departments: string[];
  actionPlan: string | null;
  dueDate: string | null;
  closedNote: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One step of an alert's history. */
export interface AlertEvent {
  position: number;
  at: string;
  actor: string | null;
  kind: 'issued' | 'reopened' | 'updated' | 'auto_closed' | AlertAction;
  fromStatus: AlertStatus | null;
  toStatus: AlertStatus | null;
  note: string | null;
  dueDate: string | null;
}

export interface AlertFilter {
  planId?: string;
  year?: number;
  regionCodes?: readonly string[];
  statuses?: readonly AlertStatus[];
  level?: AlertLevel;
  rule?: AlertRule;
  department?: string;
  limit?: number;
  offset?: number;
}

/** The text an alert closed by the system carries. */
export const AUTO_CLOSE_NOTE = '最新数据已不再支持该预警，系统自动关闭。';

const alertsDb = (db: HalfskyDatabase): AlertDb => db.withTables<AlertTables>();

/**
 * Brings the stored alerts of one plan and year in line with what the data support, in one transaction
 * and idempotently (a second run with the same candidates changes nothing): a new candidate is issued; a
 * candidate whose alert was closed by the system is reopened; an open alert whose level or reason changed
 * is updated; an open alert (within `regionCodes`) no candidate supports any more is closed with a note.
 * Alerts a person resolved stay resolved. Two processes may run it at once (the key is unique).
 * With `targetKeys`, only those targets' alerts in `regionCodes` are reconciled (after a few values changed,
 * the candidates given are those targets' in those regions).
 */
export async function syncAlerts(
  db: HalfskyDatabase,
  scope: { planId: string; year: number; regionCodes: readonly string[]; targetKeys?: readonly string[] },
  candidates: readonly (AlertCandidate & { indicatorCode: string | null })[],
  now: Date = new Date(),
): Promise<{ issued: number; reopened: number; updated: number; closed: number }> {
  const at = now.toISOString();
  const counts = { issued: 0, reopened: 0, updated: 0, closed: 0 };
  await alertsDb(db)
    .transaction()
    .execute(async (trx) => {
      let query = trx
        .selectFrom('alerts')
        .selectAll()
        .where('plan_id', '=', scope.planId)
        .where('year', '=', scope.year);
      if (scope.targetKeys)
        query = query
          .where('target_key', 'in', ['', ...scope.targetKeys])
          .where('region_code', 'in', ['', ...scope.regionCodes]);
      const stored = await query.execute();
      const key = (a: { target_key: string; region_code: string; rule: string }) =>
        `${a.rule}|${a.target_key}|${a.region_code}`;
      const byKey = new Map(stored.map((a) => [key(a), a]));
      const wanted = new Set<string>();
      const fresh: AlertRow[] = [];
      const events: {
        alert: string;
        kind: AlertEvent['kind'];
        from: string | null;
        to: string;
        note: string | null;
      }[] = [];
      for (const c of candidates) {
        const k = key({ target_key: c.targetKey, region_code: c.regionCode, rule: c.rule });
        if (wanted.has(k)) continue;
        wanted.add(k);
        const old = byKey.get(k);
        if (!old) {
          const id = randomUUID();
          fresh.push({
            id,
            plan_id: scope.planId,
            target_key: c.targetKey,
            indicator_code: c.indicatorCode,
            region_code: c.regionCode,
            year: scope.year,
            rule: c.rule,
            level: c.level,
            status: 'issued',
            reason: c.reason,
            reason_en: c.reasonEn,
            departments: JSON.stringify(c.departments),
            action_plan: null,
            due_date: null,
            closed_note: null,
            created_at: at,
            updated_at: at,
          });
          events.push({ alert: id, kind: 'issued', from: null, to: 'issued', note: c.reason });
          continue;
        }
        if (old.status === 'closed') {
          const done = await trx
            .updateTable('alerts')
            .set({
              status: 'issued',
              level: c.level,
              reason: c.reason,
              reason_en: c.reasonEn,
              closed_note: null,
              updated_at: at,
            })
            .where('id', '=', old.id)
            .where('status', '=', 'closed')
            .executeTakeFirst();
          // Another process may have done it first (its update committed while this one waited): no event then.
          if (Number(done.numUpdatedRows) === 0) continue;
          events.push({ alert: old.id, kind: 'reopened', from: 'closed', to: 'issued', note: c.reason });
          counts.reopened++;
        } else if (
          OPEN_ALERT_STATUSES.includes(old.status as AlertStatus) &&
          (old.level !== c.level || old.reason !== c.reason)
        ) {
          const done = await trx
            .updateTable('alerts')
            .set({ level: c.level, reason: c.reason, reason_en: c.reasonEn, updated_at: at })
            .where('id', '=', old.id)
            .where('status', '=', old.status)
            .where('reason', '=', old.reason)
            .where('level', '=', old.level)
            .executeTakeFirst();
          if (Number(done.numUpdatedRows) === 0) continue;
          events.push({ alert: old.id, kind: 'updated', from: old.status, to: old.status, note: c.reason });
          counts.updated++;
        }
      }
      const inScope = new Set(scope.regionCodes);
      for (const old of stored) {
        if (wanted.has(key(old)) || !inScope.has(old.region_code)) continue;
        if (!OPEN_ALERT_STATUSES.includes(old.status as AlertStatus)) continue;
        const done = await trx
          .updateTable('alerts')
          .set({ status: 'closed', closed_note: AUTO_CLOSE_NOTE, updated_at: at })
          .where('id', '=', old.id)
          .where('status', '=', old.status)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0) continue;
        events.push({
          alert: old.id,
          kind: 'auto_closed',
          from: old.status,
          to: 'closed',
          note: AUTO_CLOSE_NOTE,
        });
        counts.closed++;
      }
      await inChunks(fresh, async (chunk) => {
        const inserted = await trx
          .insertInto('alerts')
          .values(chunk)
          .onConflict((oc) =>
            oc.columns(['plan_id', 'target_key', 'region_code', 'year', 'rule']).doNothing(),
          )
          .returning('id')
          .execute();
        counts.issued += inserted.length;
        const ids = new Set(inserted.map((r) => r.id));
        for (let i = events.length - 1; i >= 0; i--) {
          const e = events[i] as (typeof events)[number];
          if (e.kind === 'issued' && chunk.some((a) => a.id === e.alert) && !ids.has(e.alert))
            events.splice(i, 1);
        }
      });
      await appendEvents(
        trx,
        events.map((e) => ({
          alertId: e.alert,
          kind: e.kind,
          from: e.from,
          to: e.to,
          note: e.note,
          actor: null,
          dueDate: null,
        })),
        at,
      );
    });
  return counts;
}

/** Stored alerts matching the filter, red first, then by region, target and rule; with the total. */
export async function listAlerts(
  db: HalfskyDatabase,
  filter: AlertFilter = {},
): Promise<{ alerts: StoredAlert[]; total: number }> {
  let query = alertsDb(db).selectFrom('alerts');
  if (filter.planId !== undefined) query = query.where('plan_id', '=', filter.planId);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.regionCodes) query = query.where('region_code', 'in', ['', ...filter.regionCodes]);
  if (filter.statuses) query = query.where('status', 'in', ['', ...filter.statuses]);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.rule) query = query.where('rule', '=', filter.rule);
  if (filter.department) query = query.where('departments', 'like', `%${JSON.stringify(filter.department)}%`);
  const total = Number((await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await query
    .selectAll()
    .orderBy('level')
    .orderBy('region_code')
    .orderBy('target_key')
    .orderBy('rule')
    .limit(filter.limit ?? 1000)
    .offset(filter.offset ?? 0)
    .execute();
  return { alerts: rows.map(rowToAlert), total };
}

/** One alert with its history, oldest first; null when there is none with this id. */
export async function getAlert(
  db: HalfskyDatabase,
  id: string,
): Promise<{ alert: StoredAlert; events: AlertEvent[] } | null> {
  const row = await alertsDb(db).selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const events = await alertsDb(db)
    .selectFrom('alert_events')
    .selectAll()
    .where('alert_id', '=', id)
    .orderBy('position')
    .execute();
  return {
    alert: rowToAlert(row),
    events: events.map((e) => ({
      position: Number(e.position),
      at: e.at,
      actor: e.actor,
      kind: e.kind as AlertEvent['kind'],
      fromStatus: e.from_status as AlertStatus | null,
      toStatus: e.to_status as AlertStatus | null,
      note: e.note,
      dueDate: e.due_date,
    })),
  };
}

export interface AlertActionInput {
  action: AlertAction;
  actor: string;
  note: string | null;
  /** Acknowledge: the action plan (整改措施). */
  actionPlan?: string | null;
  /** Acknowledge / escalate: when the follow-up is due (YYYY-MM-DD). */
  dueDate?: string | null;
}

/**
 * Moves an alert through its follow-up workflow (see `nextAlertStatus`) and records the step, in one
 * transaction; the status is compared again in the update, so two people acting at once cannot both move it.
 * Returns the alert after the step, 'not_found', or 'not_allowed' (with the status it is in).
 */
export async function applyAlertAction(
  db: HalfskyDatabase,
  id: string,
  input: AlertActionInput,
  now: Date = new Date(),
): Promise<
  { kind: 'done'; alert: StoredAlert } | { kind: 'not_found' } | { kind: 'not_allowed'; status: AlertStatus }
> {
  const at = now.toISOString();
  return alertsDb(db)
    .transaction()
    .execute(async (trx) => {
      const row = await trx.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return { kind: 'not_found' as const };
      const from = row.status as AlertStatus;
      const to = nextAlertStatus(from, input.action);
      if (to === null) return { kind: 'not_allowed' as const, status: from };
      const set: Partial<AlertRow> = { status: to, updated_at: at };
      if (input.actionPlan != null) set.action_plan = input.actionPlan;
      if (input.dueDate != null) set.due_date = input.dueDate;
      const updated = await trx
        .updateTable('alerts')
        .set(set)
        .where('id', '=', id)
        .where('status', '=', from)
        .returningAll()
        .executeTakeFirst();
      if (!updated) return { kind: 'not_allowed' as const, status: from };
      await appendEvents(
        trx,
        [
          {
            alertId: id,
            kind: input.action,
            from,
            to,
            note: input.action === 'acknowledge' ? (input.actionPlan ?? input.note) : input.note,
            actor: input.actor,
            dueDate: input.dueDate ?? null,
          },
        ],
        at,
      );
      return { kind: 'done' as const, alert: rowToAlert(updated) };
    });
}

async function appendEvents(
  trx: AlertTrx,
  events: readonly {
    alertId: string;
    kind: AlertEvent['kind'];
    from: string | null;
    to: string | null;
    note: string | null;
    actor: string | null;
    dueDate: string | null;
  }[],
  at: string,
): Promise<void> {
  if (events.length === 0) return;
  const ids = [...new Set(events.map((e) => e.alertId))];
  const last = new Map<string, number>();
  await inChunks(ids, async (chunk) => {
    const rows = await trx
      .selectFrom('alert_events')
      .select(['alert_id', (eb) => eb.fn.max('position').as('p')])
      .where('alert_id', 'in', chunk)
      .groupBy('alert_id')
      .execute();
    for (const r of rows) last.set(r.alert_id, Number(r.p));
  });
  const rows = events.map((e) => {
    const position = (last.get(e.alertId) ?? 0) + 1;
    last.set(e.alertId, position);
    return {
      id: randomUUID(),
      alert_id: e.alertId,
      position,
      at,
      actor: e.actor,
      kind: e.kind,
      from_status: e.from,
      to_status: e.to,
      note: e.note,
      due_date: e.dueDate,
    };
  });
  await inChunks(rows, (chunk) => trx.insertInto('alert_events').values(chunk).execute());
}

function rowToAlert(r: AlertRow): StoredAlert {
  return {
    id: r.id,
    planId: r.plan_id,
    targetKey: r.target_key,
    indicatorCode: r.indicator_code,
    regionCode: r.region_code,
    year: Number(r.year),
    rule: r.rule as AlertRule,
    level: r.level as AlertLevel,
    status: r.status as AlertStatus,
    reason: r.reason,
    reasonEn: r.reason_en,
    departments: JSON.parse(r.departments) as string[],
    actionPlan: r.action_plan,
    dueDate: r.due_date,
    closedNote: r.closed_note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
