import type { HalfskyDatabase } from './create-database.js';
import { ensureDepartments } from './plan-repository.js';

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

/**
 * Replaces the departments responsible for one item of a plan, in one transaction; names are stored as
 * given (normalised by the caller), `aliases` are added to each department's other names. False when the
 * plan has no such item.
 */
export async function replaceResponsibilities(
  db: HalfskyDatabase,
  planId: string,
  item: { kind: ItemKind; id: string },
  departments: readonly { name: string; role: 'lead' | 'supporting'; alias?: string }[],
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
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
  });
}
