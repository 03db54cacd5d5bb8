import type { AreaCode, Section, Target } from '../domain/plan.js';
import { rawSlice, type CleanLine, type CleanText } from './clean-text.js';
import { splitClauses } from './clauses.js';
import { directionalTarget, fullCoverage } from './directional-targets.js';
import { numericTargets } from './numeric-targets.js';

/** Where targets found in an item's lines belong, and the year they are due unless the text says another. */
export interface TargetContext {
  area: AreaCode;
  section: Section;
  item: number;
  responsible: string[];
  dueYear: number;
}

/**
 * The targets of one line of an item, read clause by clause from `from` to `to`: numeric targets anywhere;
 * in 主要目标 also full-coverage goals and directional targets. A milestone clause (（2025年…）) and a bare
 * 差距 take the indicator named just before them; a clause that is only a year (到2025年，) sets the year
 * of the rest of its sentence.
 */
export function lineTargets(
  doc: CleanText,
  line: CleanLine,
  from: number,
  to: number,
  where: TargetContext,
): Target[] {
  const { dueYear, ...placed } = where;
  const targets: Target[] = [];
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
    const base = { ...placed, responsible: [...placed.responsible] };
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
    if (numeric.length > 0 || placed.section !== 'goal') continue;
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
  return targets;
}
