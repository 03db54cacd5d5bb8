import type { Transaction } from 'kysely';
import type { HalfskyDatabase } from './create-database.js';
import { ensureDepartments } from './plan-repository.js';
import type { Database } from './tables.js';

/** A department (责任单位) with its normalised name and the other names seen for it. */
export interface Department {
  name: string;
  aliases: string[];
}

export const ITEM_KINDS = ['goal', 'measure', 'project', 'target'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** A department's responsibility for one item of a plan. */
export interface Responsibility {
  itemKind: ItemKind;
  itemId: string;
  department: string;
  role: 'lead' | 'supporting';
  position: number;
}

const TABLE = { goal: 'goals', measure: 'measures', project: 'projects', target: 'targets' } as const;
const COLUMN = {
  goal: 'goal_id',
  measure: 'measure_id',
  project: 'project_id',
  target: 'target_id',
} as const;

/** The departments responsible for anything in these plans, by name. */
export async function listPlanDepartments(
  db: HalfskyDatabase,
  planIds: readonly string[],
): Promise<Department[]> {
  if (planIds.length === 0) return [];
  const rows = await db
    .selectFrom('departments as d')
    .innerJoin('responsibilities as r', 'r.department_id', 'd.id')
    .select(['d.name', 'd.aliases'])
    .distinct()
    .where('r.plan_id', 'in', planIds)
    .orderBy('d.name')
    .execute();
  return rows.map((r) => ({ name: r.name, aliases: JSON.parse(r.aliases) as string[] }));
}

/** Every responsibility link of a plan, by item and position. */
export async function listResponsibilities(db: HalfskyDatabase, planId: string): Promise<Responsibility[]> {
  const rows = await db
    .selectFrom('responsibilities as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.goal_id', 'r.measure_id', 'r.project_id', 'r.target_id', 'r.role', 'r.position', 'd.name'])
    .where('r.plan_id', '=', planId)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => {
    const itemKind = ITEM_KINDS.find((k) => r[COLUMN[k]] !== null)!;
    return {
      itemKind,
      itemId: r[COLUMN[itemKind]]!,
      department: r.name,
      role: r.role,
      position: Number(r.position),
    };
  });
}

/** The departments of one item, in order, as an edit gives them. */
export type ItemDepartments = readonly { name: string; role: 'lead' | 'supporting'; alias?: string }[];

/**
 * Replaces the departments responsible for one item of a plan, in one transaction; names are stored as
 * given (normalised by the caller), `aliases` are added to each department's other names. The edit is kept
 * (responsibility_edits) and re-applied when the plan is imported again. False when the plan has no such item.
 */
export async function replaceResponsibilities(
  db: HalfskyDatabase,
  planId: string,
  item: { kind: ItemKind; id: string },
  departments: ItemDepartments,
  now: Date = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await writeItemResponsibilities(trx, planId, item, departments))) return false;
    const edit = {
      departments: JSON.stringify(departments.map(({ name, role }) => ({ name, role }))),
      edited_at: now.toISOString(),
    };
    await trx
      .insertInto('responsibility_edits')
      .values({ plan_id: planId, item_kind: item.kind, item_id: item.id, ...edit })
      .onConflict((oc) => oc.columns(['plan_id', 'item_kind', 'item_id']).doUpdateSet(edit))
      .execute();
    return true;
  });
}

/**
 * Re-applies a plan's kept responsibility edits to its freshly saved items (inside savePlan's transaction);
 * an edit whose item the new document no longer has is kept for a later import.
 */
export async function reapplyResponsibilityEdits(trx: Transaction<Database>, planId: string): Promise<void> {
  const edits = await trx
    .selectFrom('responsibility_edits')
    .selectAll()
    .where('plan_id', '=', planId)
    .execute();
  for (const edit of edits) {
    const kind = ITEM_KINDS.find((k) => k === edit.item_kind);
    if (!kind) continue;
    await writeItemResponsibilities(
      trx,
      planId,
      { kind, id: edit.item_id },
      JSON.parse(edit.departments) as ItemDepartments,
    );
  }
}

/** Replaces one item's responsibility rows; false when the plan has no such item. */
async function writeItemResponsibilities(
  trx: Transaction<Database>,
  planId: string,
  item: { kind: ItemKind; id: string },
  departments: ItemDepartments,
): Promise<boolean> {
  const exists = await trx
    .selectFrom(TABLE[item.kind])
    .select('id')
    .where('id', '=', item.id)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  if (!exists) return false;
  await trx.deleteFrom('responsibilities').where(COLUMN[item.kind], '=', item.id).execute();
  const ids = await ensureDepartments(trx, [...new Set(departments.map((d) => d.name))]);
  for (const d of departments) {
    if (d.alias === undefined || d.alias === d.name) continue;
    const row = await trx
      .selectFrom('departments')
      .select('aliases')
      .where('id', '=', ids.get(d.name)!)
      .executeTakeFirstOrThrow();
    const aliases = JSON.parse(row.aliases) as string[];
    if (!aliases.includes(d.alias))
      await trx
        .updateTable('departments')
        .set({ aliases: JSON.stringify([...aliases, d.alias].sort()) })
        .where('id', '=', ids.get(d.name)!)
        .execute();
  }
  if (departments.length > 0) {
    await trx
      .insertInto('responsibilities')
      .values(
        departments.map((d, position) => ({
          id: `${item.id}/r${position}`,
          plan_id: planId,
          department_id: ids.get(d.name)!,
          goal_id: null,
          measure_id: null,
          project_id: null,
          target_id: null,
          [COLUMN[item.kind]]: item.id,
          role: d.role,
          position,
        })),
      )
      .execute();
  }
  return true;
}
