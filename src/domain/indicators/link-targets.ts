/**
 * Links plan targets to catalogue indicators: by name (exact, alias, normalised), by the words around
 * the number in the item's text, and, failing those, by fuzzy similarity above FUZZY_THRESHOLD. A manual
 * override wins over all of them; what does not link is listed, never dropped.
 */
import type { Plan, PlanItem, Target } from '../plan.js';
import { bigramContainment, bigramDice } from './bigram-dice.js';
import { catalogIndex, type IndexEntry } from './catalog-index.js';
import type { Indicator, IndicatorCode } from './indicator.js';
import { matchInContext } from './match-in-context.js';
import { normaliseName, stripSexPrefix } from './normalise-name.js';
import { unitsCompatible } from './unit-compatibility.js';

/**
 * Lowest bigram Dice coefficient accepted for a fuzzy match. Chosen on the seed plans: true variants
 * ("城市集中式饮用水水源水质达到或优于三类标准的比例总体") score ≥ 0.8, while the nearest wrong
 * indicators ("两癌防治意识" vs "两癌防治知识知晓率") score below 0.75.
 */
export const FUZZY_THRESHOLD = 0.75;

/**
 * Share of the indicator's bigrams that must occur in the target's clause for the indicator to count as
 * written there (rather than carried over from an earlier clause); tolerates the parser's small edits
 * ("农村生活垃圾得到治理村庄覆盖率" from "…治理村庄实现基本全覆盖").
 */
const IN_CLAUSE = 0.8;

export type LinkMethod = 'exact' | 'alias' | 'normalised' | 'fuzzy' | 'override';

/** Where the link came from: the target's indicator text, the item text around the number, or a person. */
export type LinkSource = 'indicator' | 'context' | 'override';

export interface TargetLink {
  indicatorCode: IndicatorCode | null;
  method: LinkMethod | null;
  /** 1 for exact, alias, normalised, context and override links; the Dice coefficient for fuzzy ones; 0 if none. */
  score: number;
  source: LinkSource | null;
  /** The catalogue name or alias that matched. */
  matched: string | null;
}

export interface LinkTargetOptions {
  /** The full text of the item (goal, measure or project) the target comes from. */
  context?: string;
}

const NO_LINK: TargetLink = { indicatorCode: null, method: null, score: 0, source: null, matched: null };

/**
 * Links one target. The target's own indicator text is tried first when the clause contains it; when
 * it does not (the parser carried it over from an earlier clause, or left it empty), the words around
 * the number decide first. Units must be compatible ("%" never links to a 1/10万 indicator).
 */
export function linkTarget(
  target: Target,
  catalog: readonly Indicator[],
  options: LinkTargetOptions = {},
): TargetLink {
  const entries = catalogIndex(catalog).filter((e) => unitsCompatible(target.unit, e.indicator.unit));
  const name = target.indicator.trim();
  const inClause =
    name !== '' && bigramContainment(normaliseName(name), normaliseName(target.text)) >= IN_CLAUSE;
  const byName = () => (name === '' ? null : matchName(name, target, entries));
  const byContext = () => {
    const hit = matchInContext(target.text, target.value, options.context ?? target.text, entries);
    return hit && link(hit, 'normalised', 1, 'context');
  };
  return (
    (inClause ? byName() : null) ??
    byContext() ??
    (inClause ? null : byName()) ??
    (name === '' ? null : matchFuzzy(name, target, entries)) ??
    NO_LINK
  );
}

function link(e: IndexEntry, method: LinkMethod, score: number, source: LinkSource): TargetLink {
  return { indicatorCode: e.indicator.code, method, score, source, matched: e.raw };
}

/** Prefers an indicator of the target's own area when two entries tie. */
function pick(candidates: IndexEntry[], target: Target): IndexEntry | null {
  return candidates.find((e) => e.indicator.area === target.area) ?? candidates[0] ?? null;
}

function matchName(name: string, target: Target, entries: readonly IndexEntry[]): TargetLink | null {
  const exact = pick(
    entries.filter((e) => e.raw === name),
    target,
  );
  if (exact) return link(exact, exact.isName ? 'exact' : 'alias', 1, 'indicator');
  const norm = normaliseName(name);
  const bare = stripSexPrefix(norm);
  const normalised = pick(
    entries.filter((e) => e.norm === norm || (e.bySex && bare !== norm && e.norm === bare)),
    target,
  );
  return normalised && link(normalised, 'normalised', 1, 'indicator');
}

function matchFuzzy(name: string, target: Target, entries: readonly IndexEntry[]): TargetLink | null {
  const norm = normaliseName(name);
  const bare = stripSexPrefix(norm);
  let best: IndexEntry | null = null;
  let bestScore = 0;
  for (const e of entries) {
    const score = Math.max(bigramDice(norm, e.norm), e.bySex ? bigramDice(bare, e.norm) : 0);
    const better =
      score > bestScore || (score === bestScore && best !== null && e.indicator.area === target.area);
    if (better) {
      best = e;
      bestScore = score;
    }
  }
  return best && bestScore >= FUZZY_THRESHOLD ? link(best, 'fuzzy', bestScore, 'indicator') : null;
}

/**
 * Key of a target within its plan, for manual overrides: area/section/item/year/comparator/value/indicator
 * (e.g. "health/goal/2/2030/<=/12/孕产妇死亡率"). Two targets with the same key are the same commitment.
 */
export function targetKey(t: Target): string {
  return [t.area, t.section, t.item, t.year, t.comparator, t.value ?? '', t.indicator].join('/');
}

export interface PlanTargetLink extends TargetLink {
  key: string;
  target: Target;
}

export interface PlanLinks {
  /** One entry per target, in the plan's order, linked or not. */
  links: PlanTargetLink[];
  /** The targets that did not link (also present in `links`, with a null code). */
  unlinked: Target[];
  /** Overrides whose key matched no target, or whose code is not in the catalogue. */
  unusedOverrides: string[];
  /**
   * Linked share of numeric targets (value not null), of directional ones (value null), and of all.
   * Null where the plan has no target of that kind.
   */
  share: { numeric: number | null; directional: number | null; all: number | null };
}

/**
 * Links every target of a plan. `overrides` maps targetKey → indicator code and wins over automatic
 * linking; the item's text (goal, measure or project) is the context for each target.
 */
export function linkPlan(
  plan: Plan,
  catalog: readonly Indicator[],
  overrides: Readonly<Record<string, IndicatorCode>> = {},
): PlanLinks {
  const codes = new Map(catalog.map((i) => [i.code, i]));
  const used = new Set<string>();
  const links = plan.targets.map((target): PlanTargetLink => {
    const key = targetKey(target);
    const code = overrides[key];
    if (code !== undefined && codes.has(code)) {
      used.add(key);
      return {
        key,
        target,
        indicatorCode: code,
        method: 'override',
        score: 1,
        source: 'override',
        matched: null,
      };
    }
    const context = itemOf(plan, target)?.text;
    return { key, target, ...linkTarget(target, catalog, context === undefined ? {} : { context }) };
  });
  const share = (keep: (t: Target) => boolean) => {
    const xs = links.filter((l) => keep(l.target));
    return xs.length === 0 ? null : xs.filter((l) => l.indicatorCode !== null).length / xs.length;
  };
  return {
    links,
    unlinked: links.filter((l) => l.indicatorCode === null).map((l) => l.target),
    unusedOverrides: Object.keys(overrides).filter((k) => !used.has(k)),
    share: {
      numeric: share((t) => t.value !== null),
      directional: share((t) => t.value === null),
      all: share(() => true),
    },
  };
}

function itemOf(plan: Plan, t: Target): PlanItem | undefined {
  if (t.section === 'project') return plan.projects.find((p) => p.number === t.item);
  const area = plan.areas.find((a) => a.code === t.area);
  if (t.section === 'goal') return area?.goals.find((g) => g.number === t.item);
  if (t.section === 'measure') return area?.measures.find((m) => m.number === t.item);
  return undefined;
}
