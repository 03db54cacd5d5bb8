import type { Responsibility } from '../domain/plan.js';

/**
 * Responsible units (责任单位) as plans write them after an item: "（卫健局、妇联）",
 * "（责任单位：县卫健局、县妇联）". Returns the parenthesis's position so it can be cut from the item.
 */
export function trailingResponsibility(
  text: string,
): { responsibility: Responsibility; start: number } | null {
  const m = /\(([^()]{2,120})\)[。.;；]?$/.exec(text);
  if (!m) return null;
  const inner = m[1]!.replace(/^(?:责任|牵头|主责|配合|参与)?单位[:：]/, '');
  const parts = inner
    .split(/[、,，;；/]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || !parts.every(isDepartmentName)) return null;
  return {
    responsibility: {
      departments: dedupe(parts.map(normaliseDepartment)),
      raw: m[0].replace(/[。.;；]$/, ''),
    },
    start: m.index,
  };
}

const DEPARTMENT_SUFFIX =
  /(?:局|委|部|办|会|联|院|厅|署|处|中心|单位|分局|团县委|团市委|团区委|工委|协|队|所|室|社|公司|银行|监管局|法院|检察院)$/;

function isDepartmentName(s: string): boolean {
  return s.length >= 2 && s.length <= 20 && DEPARTMENT_SUFFIX.test(s) && !/[，。:：0-9%]/.test(s);
}

/** Common long forms and variants → the short name plans use most. */
const ALIASES: [RegExp, string][] = [
  [/^(?:卫生健康(?:委员会|委|局)|卫健委|卫生局|卫计委|卫生和计划生育委员会)$/, '卫健局'],
  [/^(?:人力资源和社会保障局|人力资源社会保障局|人社厅)$/, '人社局'],
  [/^(?:教育体育局|教体局)$/, '教育局'],
  [/^(?:妇女联合会)$/, '妇联'],
  [/^(?:医疗保障局)$/, '医保局'],
  [/^(?:残疾人联合会)$/, '残联'],
  [/^(?:文化和旅游局|文化旅游局|文体旅局|文广旅局)$/, '文旅局'],
  [/^(?:统计局)$/, '统计局'],
  [/^(?:人民法院)$/, '法院'],
  [/^(?:人民检察院)$/, '检察院'],
  [/^生态环境局.*分局$/, '生态环境局'],
];

/** Normalises a department name: drops a leading administrative prefix and maps known variants. */
export function normaliseDepartment(name: string): string {
  let n = name.replace(/\s+/g, '');
  // "市生态环境局镇原县分局" → "生态环境局"; "县卫健局" → "卫健局"; keep 县委/市委 organs (县委组织部).
  const stripped = n.replace(/^(?:[\u4e00-\u9fa5]{0,6}?(?:省|市|县|区|旗))(?!委|政府|人大|政协|场|辖)/, '');
  if (stripped.length >= 2 && stripped !== n && DEPARTMENT_SUFFIX.test(stripped)) n = stripped;
  for (const [re, canonical] of ALIASES) if (re.test(n)) return canonical;
  return n;
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

export const NO_RESPONSIBILITY: Responsibility = Object.freeze({
  departments: [],
  raw: null,
}) as Responsibility;
