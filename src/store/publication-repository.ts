import type { HalfskyDatabase } from './create-database.js';

/** A published year of a plan's results. */
export interface Publication {
  planId: string;
  year: number;
  publishedAt: string;
  publishedBy: string | null;
  note: string | null;
}

/** Publishes (or re-publishes, updating the time and user) a plan's results of one year. */
export async function publishYear(
  db: HalfskyDatabase,
  input: { planId: string; year: number; publishedBy: string | null; note?: string | null; now?: Date },
): Promise<Publication> {
  const row = {
    plan_id: input.planId,
    year: input.year,
    published_at: (input.now ?? new Date()).toISOString(),
    published_by: input.publishedBy,
    note: input.note ?? null,
  };
  await db
    .insertInto('publications')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['plan_id', 'year']).doUpdateSet({
        published_at: row.published_at,
        published_by: row.published_by,
        note: row.note,
      }),
    )
    .execute();
  return {
    planId: row.plan_id,
    year: row.year,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    note: row.note,
  };
}

/** Withdraws a published year; true when there was one. */
export async function withdrawYear(db: HalfskyDatabase, planId: string, year: number): Promise<boolean> {
  const result = await db
    .deleteFrom('publications')
    .where('plan_id', '=', planId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Published years, of one plan or of all, by plan then year. */
export async function listPublications(db: HalfskyDatabase, planId?: string): Promise<Publication[]> {
  let query = db.selectFrom('publications').selectAll();
  if (planId !== undefined) query = query.where('plan_id', '=', planId);
  const rows = await query.orderBy('plan_id').orderBy('year').execute();
  return rows.map((r) => ({
    planId: r.plan_id,
    year: Number(r.year),
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    note: r.note,
  }));
}

/** Whether a plan's year is published. */
export async function isPublished(db: HalfskyDatabase, planId: string, year: number): Promise<boolean> {
  const row = await db
    .selectFrom('publications')
    .select('year')
    .where('plan_id', '=', planId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row !== undefined;
}
