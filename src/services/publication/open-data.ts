import JSZip from 'jszip';
import { formatCsv } from '../../data-files/format-csv.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import type { EvaluationContext } from '../evaluation/plan-engine.js';
import { publicObservations, publicPlanYear } from './public-results.js';

/** One published indicator's open data: Open SDG tidy CSV and JSON. */
export interface OpenDataFiles {
  csv: string;
  json: unknown;
}

/**
 * Open data of a published indicator in the Open SDG layout: `Year`, the disaggregation columns (`GeoCode`,
 * `Region`, `Sex`), `Value`. The headline rows (the plan's region, both sexes) leave the disaggregation
 * columns empty, as Open SDG expects; the JSON adds the indicator's metadata (unit, simulated data).
 */
export async function openDataFiles(
  db: HalfskyDatabase,
  planId: string,
  year: number,
  indicatorCode: string,
  context: EvaluationContext = {},
): Promise<OpenDataFiles> {
  const {
    year: published,
    indicator,
    observations,
    regionNames,
  } = await publicObservations(db, planId, year, indicatorCode, context);
  const rows = observations
    .filter((o) => o.urbanRural === '合计' && o.age === '')
    .map((o) => {
      const headlineRegion = o.regionCode === published.regionCode;
      return {
        Year: o.year,
        GeoCode: headlineRegion ? '' : o.regionCode,
        Region: headlineRegion ? '' : (regionNames.get(o.regionCode) ?? o.regionCode),
        Sex: o.sex === '合计' ? '' : o.sex,
        Value: o.value,
        simulated: o.simulated,
      };
    })
    .sort((a, b) => a.Year - b.Year || a.GeoCode.localeCompare(b.GeoCode) || a.Sex.localeCompare(b.Sex));
  const header = ['Year', 'GeoCode', 'Region', 'Sex', 'Value'];
  const csv = formatCsv([
    header,
    ...rows.map((r) => [String(r.Year), r.GeoCode, r.Region, r.Sex, String(r.Value)]),
  ]);
  const json = {
    plan: { id: planId, title: published.planTitle, region: published.regionCode },
    publishedYear: year,
    indicator: {
      code: indicator.indicatorCode,
      name: indicator.indicatorName,
      label: indicator.label,
      unit: indicator.unit,
      status: indicator.status,
      statusName: indicator.statusName,
    },
    simulated: rows.some((r) => r.simulated),
    columns: header,
    data: rows.map(({ simulated: _s, ...r }) => r),
  };
  return { csv, json };
}

/** Every published indicator's CSV and JSON of a plan year, plus an index, in one zip. */
export async function openDataZip(
  db: HalfskyDatabase,
  planId: string,
  year: number,
  context: EvaluationContext = {},
): Promise<Buffer> {
  const published = await publicPlanYear(db, planId, year, context);
  const zip = new JSZip();
  const codes = [...new Set(published.indicators.map((i) => i.indicatorCode))];
  for (const code of codes) {
    const files = await openDataFiles(db, planId, year, code, context);
    zip.file(`csv/${code}.csv`, files.csv);
    zip.file(`json/${code}.json`, JSON.stringify(files.json, null, 2));
  }
  zip.file(
    'index.json',
    JSON.stringify(
      {
        plan: planId,
        title: published.planTitle,
        year,
        publishedAt: published.publishedAt,
        indicators: published.indicators.map((i) => ({
          code: i.indicatorCode,
          label: i.label,
          unit: i.unit,
          status: i.statusName,
          simulated: i.simulated,
        })),
      },
      null,
      2,
    ),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
