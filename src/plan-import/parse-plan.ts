import type {
  AreaCode,
  Plan,
  PlanArea,
  PlanItem,
  PlanProject,
  Responsibility,
  Target,
} from '../domain/plan.js';
import { cleanText, rawSlice, type CleanLine, type CleanText } from './clean-text.js';
import { splitClauses } from './clauses.js';
import { directionalTarget, fullCoverage } from './directional-targets.js';
import { numericTargets } from './numeric-targets.js';
import { buildOutline, itemNumber, type OutlineItem } from './outline.js';
import { planMetadata } from './plan-metadata.js';
import { projectArea } from './project-area.js';
import { NO_RESPONSIBILITY, trailingResponsibility } from './responsibility.js';

export interface ParseOptions {
  /** Plan id; defaults to the region's GB/T 2260 code, else "plan". */
  id?: string;
}

/** Parses the text of a plan document into a Plan: structure, responsibilities and every target. */
export function parsePlanText(raw: string, options: ParseOptions = {}): Plan {
  const doc = cleanText(raw);
  const outline = buildOutline(doc);
  const meta = planMetadata(doc);
  const dueYear = meta.period[1];
  const targets: Target[] = [];

  const areas: PlanArea[] = outline.areas.map((a) => {
    const goals = a.goals.map((it) => readItem(doc, it, a.code, dueYear, targets));
    const measures = a.measures.map((it) => readItem(doc, it, a.code, dueYear, targets));
    return { code: a.code, name: a.name, goals, measures };
  });
  const projects: PlanProject[] = outline.projects.map((it) => {
    const area = projectArea(it.lines.map((l) => l.text).join(''));
    return { ...readItem(doc, it, area, dueYear, targets), area: area === 'other' ? null : area };
  });

  return {
    id: options.id ?? meta.regionCode ?? 'plan',
    title: meta.title,
    region: meta.region,
    level: meta.level,
    parentRegion: meta.parentRegion,
    period: meta.period,
    areas,
    projects,
    targets,
  };
}

/** Reads one numbered item: its text, title and responsible units, and appends its targets. */
function readItem(
  doc: CleanText,
  item: OutlineItem,
  area: AreaCode,
  dueYear: number,
  targets: Target[],
): PlanItem {
  const bodies = item.lines.map((line, i) => ({
    line,
    from: i === 0 ? (itemNumber(line.text)?.rest ?? 0) : 0,
    to: line.text.length,
  }));
  let responsibility: Responsibility = NO_RESPONSIBILITY;
  const last = bodies[bodies.length - 1]!;
  const resp = trailingResponsibility(last.line.text.slice(last.from));
  if (resp) {
    responsibility = resp.responsibility;
    last.to = last.from + resp.start;
  }
  for (const { line, from, to } of bodies) {
    collectTargets(doc, line, from, to, item, area, dueYear, responsibility.departments, targets);
  }
  const text = bodies.map(({ line, from, to }) => line.text.slice(from, to)).join('\n');
  const firstSentence = /^[^。]{2,40}。/.exec(text)?.[0] ?? null;
  return {
    number: item.number,
    title: item.section === 'goal' ? null : firstSentence ? firstSentence.replace(/。$/, '') : null,
    text,
    responsibility,
  };
}

function collectTargets(
  doc: CleanText,
  line: CleanLine,
  from: number,
  to: number,
  item: OutlineItem,
  area: AreaCode,
  dueYear: number,
  responsible: string[],
  targets: Target[],
): void {
  const body = line.text.slice(0, to);
  let previousIndicator = '';
  let sentenceYear: number | null = null; // "到2025年，…": a year standing alone governs its sentence
  for (const clause of splitClauses(body, from)) {
    const yearOnly = /^(?:到|至|在|于)?(20[2-3]\d)年(?:前|底|末|时)?$/.exec(clause.text);
    if (yearOnly) {
      sentenceYear = Number(yearOnly[1]);
      continue;
    }
    const year = sentenceYear ?? dueYear;
    if (clause.endsSentence) sentenceYear = null;
    const base = { area, section: item.section, item: item.number, responsible: [...responsible] };
    const numeric = numericTargets(body, clause);
    for (const hit of numeric) {
      const indicator =
        clause.milestone || !hit.indicator ? previousIndicator || hit.indicator : hit.indicator;
      targets.push({
        ...base,
        indicator,
        comparator: hit.comparator,
        value: hit.value,
        unit: hit.unit,
        year: hit.year ?? year,
        text: rawSlice(doc, line, hit.start, hit.end),
      });
      if (!clause.milestone) previousIndicator = indicator;
    }
    if (numeric.length > 0 || item.section !== 'goal') continue;
    const full = fullCoverage(clause);
    if (full) {
      targets.push({
        ...base,
        ...full,
        value: 100,
        unit: '%',
        year,
        text: rawSlice(doc, line, clause.start, clause.end),
      });
      continue;
    }
    const dir = directionalTarget(clause);
    if (dir) {
      // "孕产妇死亡率下降到…，城乡差距缩小": a bare gap is the gap of the indicator just named.
      const bareGap = /^(?:城乡|区域|地区|山川|城乡、区域|城乡、山川|城乡和区域)?差距$/.test(dir.indicator);
      targets.push({
        ...base,
        indicator: bareGap && previousIndicator ? previousIndicator + dir.indicator : dir.indicator,
        comparator: dir.comparator,
        value: null,
        unit: null,
        year,
        text: rawSlice(doc, line, dir.start, dir.end),
      });
    }
  }
}
