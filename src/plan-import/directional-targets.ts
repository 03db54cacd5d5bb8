import type { Comparator } from '../domain/plan.js';
import type { Clause } from './clauses.js';

export interface DirectionalHit {
  indicator: string;
  comparator: Extract<Comparator, 'increase' | 'decrease' | 'maintain'>;
  start: number;
  end: number;
}

const ADVERB =
  '(?:预防和|预防|不断|逐步|逐渐|持续|稳步|明显|显著|大幅|大幅度|全面|进一步|有效|切实|继续|基本|努力|大力|着力|积极|有所|较大|更加|普遍|日益|力争|得到|得以|显著地|快速|加快|合理|保持稳定并|稳定并|并|且|和)';
const DECREASE = '(?:缩小|减少|降低|下降|减缓|消除|遏制|减轻|趋于合理|趋于平衡|趋于均衡|趋向合理|收窄|减低)';
const INCREASE = '(?:提高|提升|延长|增强|增加|扩大|改善|加大|增长|上升|拓宽|拓展)';
const MAINTAIN = '(?:保持(?:均衡|稳定|合理比例|合理水平|低水平|较低水平|在合理范围内?)|稳定(?:在合理水平)?)';

const VERB_LAST = new RegExp(`^(.{2,40}?)${ADVERB}*(${DECREASE}|${INCREASE}|${MAINTAIN})$`);
const VERB_FIRST = new RegExp(`^${ADVERB}*(${DECREASE}|${INCREASE})(.{2,40})$`);

/** Objects that name a quantity someone could measure; others are aspirations, not targets. */
const MEASURABLE =
  /(?:率|比例|比重|水平|差距|寿命|人数|年限|覆盖面|数量|规模|待遇|收入|质量|水质|文盲|妊娠|传播|传递|贫血|趋势|现象|发生|案件|性骚扰|程度|时间|失衡|结构|占比|比|次数)$/;

function directionOf(verb: string): DirectionalHit['comparator'] {
  if (new RegExp(`^${DECREASE}$`).test(verb)) return 'decrease';
  if (new RegExp(`^${INCREASE}$`).test(verb)) return 'increase';
  return 'maintain';
}

/**
 * A directional target in a goal clause ("妇女人均预期寿命延长", "缩小两性家务劳动时间差距",
 * "高校在校生中男女比例保持均衡"): subject + verb, or verb + object, where the subject or
 * object is a measurable quantity. Clauses with a number are numeric targets instead.
 */
export function directionalTarget(clause: Clause): DirectionalHit | null {
  const text = clause.text.replace(/[。.]$/, '');
  if (/\d/.test(text) || text.length < 4) return null;
  const last = VERB_LAST.exec(text);
  if (last) {
    const subject = stripLead(last[1]!);
    const verbNamesQuantity = /比例|水平/.test(last[2]!);
    if (!verbNamesQuantity && !MEASURABLE.test(subject) && !/(?:率|比例)/.test(subject)) return null;
    return { indicator: subject, comparator: directionOf(last[2]!), start: clause.start, end: clause.end };
  }
  const first = VERB_FIRST.exec(text);
  if (first) {
    const object = first[2]!;
    if (!MEASURABLE.test(object)) return null;
    return { indicator: object, comparator: directionOf(first[1]!), start: clause.start, end: clause.end };
  }
  return null;
}

function stripLead(s: string): string {
  return s.replace(/^(?:其中|同时|并|使|让|促进|推动|实现)/, '').replace(/(?:的|得到|得以)$/, '');
}

/** "农村无害化卫生厕所实现全覆盖": a goal stated as full coverage is a 100 % target. */
export function fullCoverage(clause: Clause): { indicator: string; comparator: '=' } | null {
  const m = /^(?:推进|推动|实现|确保|力争)?(.{2,40}?)(?:实现|达到)?(?:基本)?全覆盖$/.exec(
    clause.text.replace(/[。.]$/, ''),
  );
  if (!m || /\d/.test(clause.text)) return null;
  return { indicator: `${m[1]!.replace(/^实现/, '')}覆盖率`, comparator: '=' };
}
