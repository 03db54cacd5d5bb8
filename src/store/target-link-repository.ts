import type { IndicatorCode } from '../domain/indicators/indicator.js';
import type { LinkMethod, LinkSource, PlanTargetLink } from '../domain/indicators/link-targets.js';
import type { HalfskyDatabase } from './create-database.js';
import { inChunks } from './in-chunks.js';

/** A stored link of a plan target (by its target key) to an indicator. */
export interface StoredTargetLink {
  planId: string;
  targetKey: string;
  indicatorCode: IndicatorCode | null;
  method: LinkMethod | null;
  score: number;
  source: LinkSource | null;
  overridden: boolean;
}

/**
 * Replaces a plan's automatic links with `links`, in one transaction. Manual overrides stay as they are:
 * a re-import or a re-link never undoes a person's decision.
 */
export async function saveTargetLinks(
  db: HalfskyDatabase,
  planId: string,
  links: readonly PlanTargetLink[],
  now: Date = new Date(),
): Promise<void> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const kept = await trx
      .selectFrom('target_links')
      .select('target_key')
      .where('plan_id', '=', planId)
      .where('overridden', '=', 1)
      .execute();
    const overridden = new Set(kept.map((r) => r.target_key));
    await trx.deleteFrom('target_links').where('plan_id', '=', planId).where('overridden', '=', 0).execute();
    const rows = new Map(
      links
        .filter((l) => !overridden.has(l.key))
        .map((l) => [
          l.key,
          {
            plan_id: planId,
            target_key: l.key,
            indicator_code: l.indicatorCode,
            method: l.method,
            score: l.score,
            source: l.source,
            matched: l.matched,
            overridden: 0,
            updated_at: at,
          },
        ]),
    );
    await inChunks([...rows.values()], (chunk) => trx.insertInto('target_links').values(chunk).execute());
  });
}

/** Links a target to an indicator by hand (or, with null, marks it as measuring none); kept across re-imports. */
export async function overrideTargetLink(
  db: HalfskyDatabase,
  planId: string,
  targetKey: string,
  indicatorCode: IndicatorCode | null,
  now: Date = new Date(),
): Promise<void> {
  const row = {
    plan_id: planId,
    target_key: targetKey,
    indicator_code: indicatorCode,
    method: 'override',
    score: 1,
    source: 'override',
    matched: null,
    overridden: 1,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('target_links')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['plan_id', 'target_key']).doUpdateSet({
        indicator_code: indicatorCode,
        method: 'override',
        score: 1,
        source: 'override',
        matched: null,
        overridden: 1,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Manual overrides of a plan as linkPlan takes them: target key → indicator code. */
export async function getTargetLinkOverrides(
  db: HalfskyDatabase,
  planId: string,
): Promise<Record<string, IndicatorCode>> {
  const rows = await db
    .selectFrom('target_links')
    .select(['target_key', 'indicator_code'])
    .where('plan_id', '=', planId)
    .where('overridden', '=', 1)
    .execute();
  return Object.fromEntries(
    rows.filter((r) => r.indicator_code !== null).map((r) => [r.target_key, r.indicator_code as string]),
  );
}

/** Every stored link of a plan, in target-key order. */
export async function listTargetLinks(db: HalfskyDatabase, planId: string): Promise<StoredTargetLink[]> {
  const rows = await db
    .selectFrom('target_links')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('target_key')
    .execute();
  return rows.map((r) => ({
    planId: r.plan_id,
    targetKey: r.target_key,
    indicatorCode: r.indicator_code,
    method: r.method as LinkMethod | null,
    score: r.score,
    source: r.source as LinkSource | null,
    overridden: r.overridden === 1,
  }));
}
