import type { Comparator } from '../domain/plan.js';
import type { Clause } from './clauses.js';

/** A numeric commitment found in a clause, with clean-text positions within the line. */
export interface NumericHit {
  indicator: string;
  comparator: Comparator;
  value: number;
  unit: string | null;
  year: number | null;
  start: number;
  end: number;
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const COUNT_UNITS =
  '所|个|家|张|名|人|次|项|座|间|处|户|支|条|台|批|套|本|元|万元|亿元|万人|人次|万人次|平方米|公里|小时|天|年|个百分点|百分点'
    .split('|')
    .sort((a, b) => b.length - a.length) // longest first: 万人次 before 万人
    .join('|');
/** value + unit, tried in order; each returns value and unit from the match. */
const VALUE = new RegExp(
  [
    String.raw`${NUM}:${NUM}`, // 1.5:1
    String.raw`${NUM}\/(10万|十万|万|千|百)(活产数|活产|人口|人)?`, // 12/10万
    String.raw`${NUM}(%|‰)`,
    String.raw`${NUM}(ug\/L|μg\/L|mg\/L|g\/L|kg|岁|个月|分钟|${COUNT_UNITS})`,
    String.raw`(一半|半数|三分之一|三分之二)`,
    String.raw`${NUM}(?![\d.%‰\/])`,
  ].join('|'),
  'g',
);

/** Units that count things; the thing counted often follows the number: "建立1所标准化妇幼保健机构". */
const COUNTED_THINGS = /^(?:所|个|家|张|名|座|间|处|支|条|台|套)$/;

const AT_LEAST_BEFORE = /(?:不低于|不少于|不小于|至少|超过|高于|大于|多于|不下于)$/;
const AT_MOST_BEFORE = /(?:不高于|不超过|不多于|低于|少于|小于)$/;
const LOWER_VERB = /(?:下降|降低|降|减少|减|压缩|缩减|控制)(?:到|至|在)?$/;
const TARGET_VERB =
  /(?:达到|达|提高到|提高至|提升到|提升至|增加到|增加至|增长到|稳定在|保持在|维持在|巩固在|控制在|下降到|下降至|降低到|降低至|降到|降至|减少到|减少至|不低于|不少于|不小于|至少|超过|高于|不高于|不超过|低于|≥|≤|>|<|均建立|均建设|建成|建设|建立|设立|配备|拥有|实现|做到|占|为|覆盖)/;

/** Years, ages, durations and other numbers that are never a target value on their own. */
function isNoise(value: number, unit: string | null, after: string, before: string): boolean {
  if (unit === null) {
    if (/^(?:年|届|月|日|号|岁|周岁|多|余|项工程|大|个?百分点|倍)/.test(after)) return true;
    if (Number.isInteger(value) && value >= 1900 && value <= 2100) return true;
    if (!TARGET_VERB.test(before.slice(-6))) return true;
  }
  if (unit === '岁' || unit === '分钟' || unit === '个月') return true;
  if (unit === '年' && value >= 1900) return true;
  if (/\d[—\-~～]$/.test(before)) return true; // the second half of a range "35—45"
  if (/^[—\-~～]\d/.test(after)) return true; // a range "35—45岁"
  if (/^(?:周岁|岁)/.test(after)) return true;
  return false;
}

function unitOf(m: RegExpExecArray): { value: number; unit: string | null } {
  if (m[1] !== undefined) return { value: Number(m[1]) / Number(m[2]), unit: ':1' };
  if (m[3] !== undefined)
    return { value: Number(m[3]), unit: `1/${m[4] === '十万' ? '10万' : m[4]}${m[5] ?? ''}` };
  if (m[6] !== undefined) return { value: Number(m[6]), unit: m[7]! };
  if (m[8] !== undefined) return { value: Number(m[8]), unit: m[9]! };
  if (m[10] !== undefined) {
    const frac: Record<string, number> = { 一半: 50, 半数: 50, 三分之一: 100 / 3, 三分之二: 200 / 3 };
    return { value: Math.round(frac[m[10]]! * 100) / 100, unit: '%' };
  }
  return { value: Number(m[11]), unit: null };
}

/** The comparator a clause states for a value: from the words right after it, then before it. */
function comparatorOf(before: string, after: string, value: number, unit: string | null): Comparator {
  if (/^(?:及|或)?以上|^(?:以)?上的/.test(after)) return '>=';
  if (/^(?:及|或)?以下|^以内|^之内|^内/.test(after)) return '<=';
  if (/^左右/.test(after)) return '~';
  const near = before.slice(-8);
  if (AT_LEAST_BEFORE.test(near) || /[≥>]$/.test(near)) return '>=';
  if (AT_MOST_BEFORE.test(near) || /[≤<]$/.test(near)) return '<=';
  if (LOWER_VERB.test(near)) return '<=';
  if (/(?:保持在|稳定在|维持在)$/.test(near) && unit !== '%') return '~';
  if (value === 100 && unit === '%') return '=';
  if (/均(?:建立|建设|建成|设立|配备|有)$/.test(near) || /(?:每个|各)[^,]{0,12}(?:建立|建设)$/.test(near))
    return '=';
  return '>=';
}

const YEAR_IN_CLAUSE = /(?:^|[^\d-—~])(20[2-3]\d)年(?![-—~]|\d)/;

/** Finds every numeric target in a clause. `line` is the clause's line; positions refer to it. */
export function numericTargets(line: string, clause: Clause): NumericHit[] {
  const text = clause.text;
  const hits: NumericHit[] = [];
  const yearMatch = YEAR_IN_CLAUSE.exec(text);
  const year = yearMatch ? Number(yearMatch[1]) : null;
  let segmentStart = 0;
  VALUE.lastIndex = 0;
  for (let m = VALUE.exec(text); m; m = VALUE.exec(text)) {
    const { value, unit } = unitOf(m);
    const before = text.slice(0, m.index);
    let after = text.slice(m.index + m[0].length);
    if (/^\d/.test(after)) continue;
    if (Number.isNaN(value) || isNoise(value, unit, after, before)) continue;
    if (/[\dA-Za-z]$/.test(before) || insideQuotes(before)) continue;
    if (isCondition(after, unit) || qualifiesLaterValue(after)) continue;
    if (unit === null && !/^(?:以上|以下|左右|以内)?(?:$|[,，。;；、)）和])/.test(after)) continue;
    if (/^以上的|^以下的/.test(after) && unit !== '%' && !/[率比数]/.test(after.slice(3, 12))) continue;
    const comparator = comparatorOf(before, after, value, unit);
    const suffix = /^(?:及|或)?(?:以上|以下|左右|以内|之内)/.exec(after)?.[0] ?? '';
    after = after.slice(suffix.length);
    const endInClause = m.index + m[0].length + suffix.length + trailingQualifier(after);
    const counted =
      unit !== null && COUNTED_THINGS.test(unit)
        ? /^[\u4e00-\u9fa5()（）]{2,24}$/.exec(after)?.[0]
        : undefined;
    // "促进70%的妇女在35—45岁接受宫颈癌筛查": the share is of the people named after it.
    const shareOf = /^的([^,，。;；]{2,40})$/.exec(after);
    const subject = indicatorOf(text.slice(segmentStart, m.index));
    hits.push({
      indicator: !subject && shareOf ? `${shareOf[1]}的比例` : subject + (counted ?? ''),
      comparator,
      value,
      unit,
      year,
      start: clause.start + segmentStart,
      end: clause.start + endInClause,
    });
    segmentStart = endInClause;
  }
  return hits.map((h) => ({ ...h, indicator: h.indicator || hits[0]!.indicator }));
}

/** A number inside “…” is part of a name ("农村10公里、城市10分钟"), not a commitment. */
function insideQuotes(before: string): boolean {
  return (before.match(/[“「]/g)?.length ?? 0) > (before.match(/[”」]/g)?.length ?? 0);
}

/** "超过1万人的场所", "1万平方米或者…": a threshold that selects what a measure applies to. */
function isCondition(after: string, unit: string | null): boolean {
  if (unit === '%' || unit === '‰') return false; // "70%的妇女…" is a share of people: a commitment
  return /^(?:以上|以下)?(?:的(?![^,，。;；]{0,6}(?:比例|比重|目标|标准))|或者?|及以上的)/.test(after);
}

/** "配备1名女干部的比例要达到40%": the first number belongs to the subject of a later target. */
function qualifiesLaterValue(after: string): boolean {
  const next = /\d/.exec(after);
  if (!next) return false;
  const between = after.slice(0, next.index);
  return !/[、和及]/.test(between.slice(0, 4)) && new RegExp(TARGET_VERB.source).test(between);
}

/** Keeps words like "帮扶" in "做到100%帮扶" inside the quoted text. */
function trailingQualifier(after: string): number {
  const m = /^(?:的)?[\u4e00-\u9fa5]{0,4}(?=$|[,，。;；)）])/.exec(after);
  return m && m[0].length <= 4 ? m[0].length : 0;
}

const LEADING_FILLER =
  /^(?:[、和及与]|力争|争取|确保|推进|推动|促进|实现|到20\d\d年|20\d\d年|全市|全县|全区|全省|其中|同时|并|使|让|要|且|逐步|努力|进一步)+/;
const VERB_TAIL = new RegExp(
  `(?:分别|均|要|应|都|稳定|保持|持续|逐步|提高|提升|增加|下降|降低|减少|控制|巩固|并)*${TARGET_VERB.source}?(?:并保持在|并|要)?$`,
);

/** The measured quantity: the clause before its verb, without leading connectives. */
export function indicatorOf(segment: string): string {
  let s = segment.replace(LEADING_FILLER, '');
  for (let i = 0; i < 3; i++) s = s.replace(VERB_TAIL, '').replace(/(?:分别|均)$/, '');
  return s.replace(/[、,，的]+$/, '').trim();
}
