import type { AreaCode } from '../domain/plan.js';

/** Keywords that place a key project (重点工程) in an area, strongest first. */
const PROJECT_AREA_KEYS: [RegExp, AreaCode][] = [
  [/妇幼|健康|医疗|疾病|筛查/, 'health'],
  [/就业|创业|家政|技能|职业|乡村振兴|科技创新|经济/, 'economy'],
  [/教育|学校|培训/, 'education'],
  [/参政|决策|女干部|领导班子/, 'decision'],
  [/社会保障|社保|救助|养老/, 'social_security'],
  [/家庭|家家|家风|婚姻|家教/, 'family'],
  [/母婴室|环境|生态|厕所|饮用水/, 'environment'],
  [/法律|法治|维权|家庭暴力|拐卖/, 'law'],
];

/** The area of a key project, judged from its name (the text up to its first full stop). */
export function projectArea(text: string): AreaCode {
  const name = text.split('。')[0] ?? text;
  for (const [re, code] of PROJECT_AREA_KEYS) if (re.test(name)) return code;
  return 'other';
}
