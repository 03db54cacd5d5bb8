import type {
  AreaCode,
  Plan,
  PlanArea,
  PlanItem,
  PlanProject,
  Responsibility,
  Target,
} from '../domain/plan.js';
import { cleanText, type CleanText } from './clean-text.js';
import { lineTargets, type TargetContext } from './line-targets.js';
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
  const where: TargetContext = {
    area,
    section: item.section,
    item: item.number,
    responsible: responsibility.departments,
    dueYear,
  };
  for (const { line, from, to } of bodies) targets.push(...lineTargets(doc, line, from, to, where));
  const text = bodies.map(({ line, from, to }) => line.text.slice(from, to)).join('\n');
  const firstSentence = /^[^。]{2,40}。/.exec(text)?.[0] ?? null;
  return {
    number: item.number,
    title: item.section === 'goal' ? null : firstSentence ? firstSentence.replace(/。$/, '') : null,
    text,
    responsibility,
  };
}
