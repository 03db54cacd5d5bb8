import type { Indicator } from '../domain/indicators/indicator.js';
import type { HalfskyDatabase } from './create-database.js';
import { inChunks } from './in-chunks.js';
import type { IndicatorRow } from './tables.js';

function indicatorToRow(i: Indicator): IndicatorRow {
  return {
    code: i.code,
    name_zh: i.nameZh,
    name_en: i.nameEn,
    area: i.area,
    kind: i.kind,
    unit: i.unit,
    direction: i.direction,
    definition: i.definition,
    caliber: i.caliber,
    department: i.department,
    supporting_departments: JSON.stringify(i.supportingDepartments),
    disaggregations: JSON.stringify(i.disaggregations),
    roll_up: JSON.stringify(i.rollUp),
    band: i.band === undefined ? null : JSON.stringify(i.band),
    aliases: JSON.stringify(i.aliases),
  };
}

/**
 * Makes the `indicators` table equal to the catalogue in code: inserts new indicators and updates changed
 * ones, in one transaction; idempotent. Indicators no longer in the catalogue are kept (observations and
 * target links may refer to them; codes are never reused). Returns the number of catalogue indicators.
 */
export async function syncIndicatorCatalog(
  db: HalfskyDatabase,
  catalog: readonly Indicator[],
): Promise<number> {
  const rows = catalog.map(indicatorToRow);
  await db.transaction().execute((trx) =>
    inChunks(rows, (chunk) =>
      trx
        .insertInto('indicators')
        .values(chunk)
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name_zh: eb.ref('excluded.name_zh'),
            name_en: eb.ref('excluded.name_en'),
            area: eb.ref('excluded.area'),
            kind: eb.ref('excluded.kind'),
            unit: eb.ref('excluded.unit'),
            direction: eb.ref('excluded.direction'),
            definition: eb.ref('excluded.definition'),
            caliber: eb.ref('excluded.caliber'),
            department: eb.ref('excluded.department'),
            supporting_departments: eb.ref('excluded.supporting_departments'),
            disaggregations: eb.ref('excluded.disaggregations'),
            roll_up: eb.ref('excluded.roll_up'),
            band: eb.ref('excluded.band'),
            aliases: eb.ref('excluded.aliases'),
          })),
        )
        .execute(),
    ),
  );
  return rows.length;
}

/** Codes of the stored indicators. */
export async function listIndicatorCodes(db: HalfskyDatabase): Promise<string[]> {
  const rows = await db.selectFrom('indicators').select('code').orderBy('code').execute();
  return rows.map((r) => r.code);
}
