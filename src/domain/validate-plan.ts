import type { ErrorField } from './errors.js';
import { AREA_CODES, COMPARATORS, type Plan } from './plan.js';
import { isValidPlanId } from './plan-id.js';

const DIRECTIONAL = new Set(['increase', 'decrease', 'maintain']);
const AREAS = new Set<string>([...AREA_CODES, 'other']);
const MAX_DEPARTMENT = 50;

/**
 * The problems of a plan someone corrected by hand, one per field (`targets.3.value`), each in both
 * languages; [] when it can be stored. The parser's output passes; this guards the edits.
 */
export function validatePlan(plan: Plan): ErrorField[] {
  const problems: ErrorField[] = [];
  const add = (field: string, zh: string, en: string) => problems.push({ field, zh, en });
  if (!isValidPlanId(plan.id)) add('id', '编号只能含字母、数字、“-”和“_”', 'letters, digits, - and _ only');
  if (!plan.title.trim()) add('title', '标题不能为空', 'the title is empty');
  if (!plan.region.trim()) add('region', '地区不能为空', 'the region is empty');
  const [from, to] = plan.period;
  if (from > to) add('period', '规划期起年晚于止年', 'the period starts after it ends');
  if (plan.areas.length === 0) add('areas', '没有任何发展领域', 'no area');
  if (plan.targets.length === 0) add('targets', '没有任何目标值', 'no target');
  plan.areas.forEach((area, a) => {
    area.goals.forEach((item, i) =>
      checkDepartments(`areas.${a}.goals.${i}`, item.responsibility.departments),
    );
    area.measures.forEach((item, i) =>
      checkDepartments(`areas.${a}.measures.${i}`, item.responsibility.departments),
    );
  });
  plan.projects.forEach((item, i) => checkDepartments(`projects.${i}`, item.responsibility.departments));
  plan.targets.forEach((t, i) => {
    const at = `targets.${i}`;
    if (!AREAS.has(t.area)) add(`${at}.area`, '未知的领域', 'unknown area');
    if (!t.indicator.trim()) add(`${at}.indicator`, '指标不能为空', 'the indicator is empty');
    if (!(COMPARATORS as readonly string[]).includes(t.comparator))
      add(`${at}.comparator`, '未知的比较方式', 'unknown comparator');
    else if (!DIRECTIONAL.has(t.comparator) && (t.value === null || !Number.isFinite(t.value)))
      add(`${at}.value`, '需要填写数值', 'a value is required');
    if (t.value !== null && t.value < 0) add(`${at}.value`, '数值不能为负', 'the value is negative');
    if (!Number.isInteger(t.year) || t.year < from || t.year > to)
      add(`${at}.year`, `年份应在 ${from}—${to} 之间`, `the year must lie in ${from}–${to}`);
    if (t.unit !== null && t.unit.length > 20) add(`${at}.unit`, '单位过长', 'the unit is too long');
  });
  return problems;

  function checkDepartments(field: string, departments: readonly string[]): void {
    departments.forEach((d, j) => {
      if (!d.trim() || d.length > MAX_DEPARTMENT)
        add(`${field}.departments.${j}`, '单位名称为空或过长', 'the department name is empty or too long');
    });
    if (new Set(departments).size !== departments.length)
      add(`${field}.departments`, '单位重复', 'a department is named twice');
  }
}
