import type { OwedCell, CellState, Round, RoundStatus, RoundStatusChange } from '../domain/rounds/round.js';
import { sqliteHandle, type HalfskyDatabase } from './create-database.js';
import { prepared } from './round-statements.js';
import { inChunks } from './in-chunks.js';
import { lockRound } from './round-lock.js';
import { idMaker } from './round-row-ids.js';
import type { RoundCellRow } from './round-tables.js';
import type { Database } from './tables.js';

const CHUNK = 1000;

/**
 * Stores a new round and its owed cells in one transaction; `initialState` gives each cell's starting state
 * (a value already stored for that year starts as it stands). Throws on a duplicate plan × year (unique).
 */
export async function insertRound(
  db: HalfskyDatabase,
  round: Round,
  cells: readonly (OwedCell & { state: CellState })[],
): Promise<void> {
  const nextId = idMaker();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('rounds')
      .values({
        id: round.id,
        plan_id: round.planId,
        year: round.year,
        region_code: round.regionCode,
        deadline: round.deadline,
        status: round.status,
        opened_by: round.openedBy,
        opened_at: round.openedAt,
      })
      .execute();
    const rows: RoundCellRow[] = cells.map((c) => ({
      id: nextId(),
      round_id: round.id,
      indicator_code: c.indicatorCode,
      region_code: c.regionCode,
      sex: c.sex,
      urban_rural: c.urbanRural,
      age: c.age,
      department: c.department,
      state: c.state,
      return_reason: null,
      warnings: null,
      submitted_value: null,
      submitted_comment: null,
      first_submitted_at: null,
      submitted_at: null,
      reviewed_by: null,
      reviewed_at: null,
      updated_at: round.openedAt,
    }));
    await inChunks(rows, (chunk) => trx.insertInto('round_cells').values(chunk).execute(), CHUNK);
  });
}

function rowToRound(r: Database['rounds']): Round {
  return {
    id: r.id,
    planId: r.plan_id,
    year: Number(r.year),
    regionCode: r.region_code,
    deadline: r.deadline,
    status: r.status as RoundStatus,
    openedBy: r.opened_by,
    openedAt: r.opened_at,
    closedAt: r.closed_at ?? null,
    closedBy: r.closed_by ?? null,
  };
}

/** A round as stored now (every request about a round starts here: on SQLite a prepared statement). */
export async function getRound(db: HalfskyDatabase, id: string): Promise<Round | null> {
  const raw = sqliteHandle(db);
  const row = raw
    ? (prepared(raw, 'select * from rounds where id = ?').get(id) as Database['rounds'] | undefined)
    : await db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToRound(row) : null;
}

export async function findRound(db: HalfskyDatabase, planId: string, year: number): Promise<Round | null> {
  const row = await db
    .selectFrom('rounds')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row ? rowToRound(row) : null;
}

/** Every round, newest year first. */
export async function listRounds(db: HalfskyDatabase): Promise<Round[]> {
  const rows = await db.selectFrom('rounds').selectAll().orderBy('year', 'desc').orderBy('plan_id').execute();
  return rows.map(rowToRound);
}

/**
 * Closes or reopens a round, in one transaction with the record of the change (who, when, why), under the
 * round's lock (lockRound), which every change of its cells takes too, so no save runs
 * half before and half after. Returns false, changing nothing, when the round already has that status.
 */
export async function changeRoundStatus(
  db: HalfskyDatabase,
  id: string,
  change: { status: RoundStatus; reason: string | null; userId: string; at: Date },
): Promise<boolean> {
  const at = change.at.toISOString();
  return db.transaction().execute(async (trx) => {
    await lockRound(trx, id);
    const current = await trx.selectFrom('rounds').select('status').where('id', '=', id).executeTakeFirst();
    if (!current || current.status === change.status) return false;
    const closing = change.status === 'closed';
    await trx
      .updateTable('rounds')
      .set({
        status: change.status,
        closed_at: closing ? at : null,
        closed_by: closing ? change.userId : null,
      })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('round_status_changes')
      .values({
        id: idMaker()(),
        round_id: id,
        status: change.status,
        reason: change.reason,
        user_id: change.userId,
        at,
      })
      .execute();
    return true;
  });
}

/** A round's closings and reopenings, oldest first. */
export async function listRoundStatusChanges(db: HalfskyDatabase, id: string): Promise<RoundStatusChange[]> {
  const rows = await db
    .selectFrom('round_status_changes')
    .selectAll()
    .where('round_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    status: r.status as RoundStatus,
    reason: r.reason,
    userId: r.user_id,
    at: r.at,
  }));
}
