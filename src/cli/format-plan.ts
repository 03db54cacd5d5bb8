import type { Lang } from '../domain/errors.js';
import { AREA_NAMES, type Plan } from '../domain/plan.js';
import { formatTable } from './format-table.js';
import { comparatorLabel, labels, levelLabel, sectionLabel } from './labels.js';

/** Ideographic space: separates the fields of the heading line. */
const GAP = '\u3000';

/** A readable summary of a plan: heading, counts per area, and a table of its targets. */
export function formatPlan(plan: Plan, lang: Lang): string {
  const t = labels(lang);
  const parent = plan.parentRegion ? `，${t.parent}：${plan.parentRegion}` : '';
  const heading = [
    plan.title,
    `${t.id}：${plan.id}${GAP}${t.region}：${plan.region}（${levelLabel(lang, plan.level)}${parent}）${GAP}${t.period}：${plan.period[0]}—${plan.period[1]}`,
  ];

  const areaRows = plan.areas.map((area) => {
    const targets = plan.targets.filter((target) => target.area === area.code).length;
    return [area.name, String(area.goals.length), String(area.measures.length), String(targets)];
  });
  const total = (i: number) => String(areaRows.reduce((sum, row) => sum + Number(row[i]), 0));
  const areas = formatTable(
    [
      { header: t.area },
      { header: t.goals, align: 'right' },
      { header: t.measures, align: 'right' },
      { header: t.targets, align: 'right' },
    ],
    [...areaRows, [t.total, total(1), total(2), total(3)]],
  );
  const projects = plan.projects.length > 0 ? [`${t.projects}：${plan.projects.length}`] : [];

  const targets = formatTable(
    [
      { header: t.area },
      { header: t.section },
      { header: t.item, align: 'right' },
      { header: t.indicator, maxWidth: 32 },
      { header: t.comparator },
      { header: t.value, align: 'right' },
      { header: t.unit },
      { header: t.year },
      { header: t.responsible, maxWidth: 20 },
    ],
    plan.targets.map((target) => [
      shortAreaName(AREA_NAMES[target.area] ?? target.area),
      sectionLabel(lang, target.section),
      String(target.item),
      target.indicator,
      comparatorLabel(lang, target.comparator),
      target.value === null ? '' : String(target.value),
      target.unit ?? '',
      String(target.year),
      target.responsible.join('、'),
    ]),
  );
  return [...heading, '', areas, ...projects, '', t.targetsHeading(plan.targets.length), targets, ''].join(
    '\n',
  );
}

/** 妇女与健康 → 健康: the area names share their prefix, which only takes room in a table. */
function shortAreaName(name: string): string {
  return name.replace(/^妇女(与|参与)?/, (_, word: string | undefined) => (word === '参与' ? '参与' : ''));
}
