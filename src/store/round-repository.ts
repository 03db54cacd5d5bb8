import type { OwedCell, CellState, Round, RoundStatus } from '../domain/rounds/round.js';
import type { HalfskyDatabase } from './create-database.js';
import { inChunks } from './in-chunks.js';
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
  };
}

export async function getRound(db: HalfskyDatabase, id: string): Promise<Round | null> {
  const row = await db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
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

export async function setRoundStatus(db: HalfskyDatabase, id: string, status: RoundStatus): Promise<void> {
  await db.updateTable('rounds').set({ status }).where('id', '=', id).execute();
}
