/**
 * Why a row of an observation file was refused. Expected failures, so results rather than exceptions: the
 * importer collects every problem of every row, and the edge prints each with its line number.
 */
export type RowProblem =
  | { kind: 'missing'; column: string }
  | { kind: 'unknown-indicator'; input: string; suggestions: string[] }
  | { kind: 'unknown-region'; input: string; suggestions: string[] }
  | { kind: 'ambiguous-region'; input: string; candidates: string[] }
  | { kind: 'bad-year'; input: string }
  | { kind: 'bad-choice'; column: string; input: string; allowed: string[] }
  | { kind: 'not-a-number'; column: string; input: string }
  | { kind: 'out-of-range'; column: string; value: number; min: number; max: number | null }
  | { kind: 'not-integer'; column: string; value: number }
  | { kind: 'ratio-mismatch'; value: number; expected: number }
  | { kind: 'duplicate'; firstLine: number }
  | { kind: 'female-above-total'; column: string; female: number; total: number; totalLine: number }
  /** The value is submitted or approved in a reporting round: only the round's review may change it. */
  | {
      kind: 'round-locked';
      roundId: string;
      state: 'submitted' | 'approved';
      cell: { zh: string; en: string };
    };

export interface RowError {
  /** Line of the file (CSV) or row of the sheet (XLSX), counting the header as 1. */
  line: number;
  problem: RowProblem;
}

const list = (xs: string[]) => xs.join('、');
const listEn = (xs: string[]) => xs.join(', ');

/** The problem in Chinese and English. */
export function describeRowProblem(p: RowProblem): { zh: string; en: string } {
  switch (p.kind) {
    case 'missing':
      return { zh: `缺少“${p.column}”`, en: `${p.column} is missing` };
    case 'unknown-indicator':
      return {
        zh: `未知指标“${p.input}”${p.suggestions.length ? `，是否为：${list(p.suggestions)}` : ''}`,
        en: `unknown indicator "${p.input}"${p.suggestions.length ? `; did you mean: ${listEn(p.suggestions)}` : ''}`,
      };
    case 'unknown-region':
      return {
        zh: `未知地区“${p.input}”${p.suggestions.length ? `，是否为：${list(p.suggestions)}` : ''}`,
        en: `unknown region "${p.input}"${p.suggestions.length ? `; did you mean: ${listEn(p.suggestions)}` : ''}`,
      };
    case 'ambiguous-region':
      return {
        zh: `地区“${p.input}”不唯一，请使用代码：${list(p.candidates)}`,
        en: `region "${p.input}" is ambiguous; use a code: ${listEn(p.candidates)}`,
      };
    case 'bad-year':
      return {
        zh: `年份“${p.input}”无效，应为 2000—2100 的整数`,
        en: `invalid year "${p.input}": expected an integer 2000–2100`,
      };
    case 'bad-choice':
      return {
        zh: `${p.column}“${p.input}”无效，应为：${list(p.allowed)}`,
        en: `invalid ${p.column} "${p.input}": expected ${listEn(p.allowed)}`,
      };
    case 'not-a-number':
      return { zh: `${p.column}“${p.input}”不是数字`, en: `${p.column} "${p.input}" is not a number` };
    case 'out-of-range': {
      const max = p.max === null ? '' : p.max;
      return {
        zh: `${p.column} ${p.value} 超出范围（${p.min}—${max === '' ? '∞' : max}）`,
        en: `${p.column} ${p.value} is out of range (${p.min}–${max === '' ? '∞' : max})`,
      };
    }
    case 'not-integer':
      return {
        zh: `${p.column} ${p.value} 应为整数（计数指标）`,
        en: `${p.column} ${p.value} must be a whole number (a count)`,
      };
    case 'ratio-mismatch':
      return {
        zh: `数值 ${p.value} 与分子/分母不符（应约为 ${p.expected}）`,
        en: `value ${p.value} does not match numerator/denominator (expected about ${p.expected})`,
      };
    case 'duplicate':
      return {
        zh: `与第 ${p.firstLine} 行重复（指标、地区、年份、性别、城乡、年龄相同）`,
        en: `duplicates line ${p.firstLine} (same indicator, region, year, sex, urban/rural and age)`,
      };
    case 'female-above-total':
      return {
        zh: `女性${p.column} ${p.female} 大于第 ${p.totalLine} 行的合计 ${p.total}`,
        en: `female ${p.column} ${p.female} exceeds the total ${p.total} on line ${p.totalLine}`,
      };
    case 'round-locked':
      return {
        zh: `${p.cell.zh} 在填报轮次 ${p.roundId} 中${p.state === 'approved' ? '已审核锁定' : '已报送待审核'}，不能通过导入覆盖；请在轮次中退回或重新开放后修改`,
        en: `${p.cell.en} is ${p.state} in the reporting round ${p.roundId} and cannot be overwritten by an import; return or reopen it in the round first`,
      };
  }
}
