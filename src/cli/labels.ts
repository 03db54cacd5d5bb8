import type { Lang } from '../domain/errors.js';
import type { Comparator, RegionLevel, Section } from '../domain/plan.js';

/** Words the CLI prints, in Chinese and English. */
const LABELS = {
  zh: {
    id: '标识',
    title: '规划名称',
    region: '地区',
    level: '层级',
    parent: '上级',
    period: '规划期',
    area: '领域',
    goals: '主要目标',
    measures: '策略措施',
    projects: '重点工程',
    targets: '目标值',
    total: '合计',
    section: '部分',
    item: '条目',
    indicator: '指标',
    comparator: '比较',
    value: '目标值',
    unit: '单位',
    year: '年份',
    responsible: '责任单位',
    source: '来源格式',
    updated: '更新时间',
    noPlans: '尚未导入任何规划。运行 bin/halfsky plan import-seeds 导入随附的五个规划。',
    created: '已导入',
    updatedPlan: '已更新',
    deleted: '已删除规划',
    failed: '失败',
    summary: (ok: number, failed: number) => `完成：成功 ${ok} 个，失败 ${failed} 个。`,
    counts: (areas: number, goals: number, measures: number, projects: number, targets: number) =>
      `${areas} 个领域，${goals} 个主要目标，${measures} 项策略措施，${projects} 个重点工程，${targets} 个目标值`,
    targetsHeading: (n: number) => `目标值（${n} 项）`,
  },
  en: {
    id: 'id',
    title: 'title',
    region: 'region',
    level: 'level',
    parent: 'parent',
    period: 'period',
    area: 'area',
    goals: 'goals',
    measures: 'measures',
    projects: 'projects',
    targets: 'targets',
    total: 'total',
    section: 'section',
    item: 'item',
    indicator: 'indicator',
    comparator: 'cmp',
    value: 'value',
    unit: 'unit',
    year: 'year',
    responsible: 'responsible',
    source: 'source',
    updated: 'updated',
    noPlans: 'No plans imported yet. Run bin/halfsky plan import-seeds to import the five bundled plans.',
    created: 'imported',
    updatedPlan: 'updated',
    deleted: 'deleted plan',
    failed: 'failed',
    summary: (ok: number, failed: number) => `Done: ${ok} imported, ${failed} failed.`,
    counts: (areas: number, goals: number, measures: number, projects: number, targets: number) =>
      `${areas} areas, ${goals} goals, ${measures} measures, ${projects} projects, ${targets} targets`,
    targetsHeading: (n: number) => `Targets (${n})`,
  },
};

export function labels(lang: Lang) {
  return LABELS[lang];
}

const LEVELS: Record<Lang, Record<RegionLevel, string>> = {
  zh: { national: '全国', province: '省级', city: '市级', county: '县级', district: '区级' },
  en: { national: 'national', province: 'province', city: 'city', county: 'county', district: 'district' },
};

const SECTIONS: Record<Lang, Record<Section, string>> = {
  zh: { goal: '主要目标', measure: '策略措施', project: '重点工程', other: '其他' },
  en: { goal: 'goal', measure: 'measure', project: 'project', other: 'other' },
};

const COMPARATORS: Record<Lang, Record<Comparator, string>> = {
  zh: { '<=': '≤', '>=': '≥', '~': '约', '=': '=', increase: '提高', decrease: '降低', maintain: '保持' },
  en: {
    '<=': '≤',
    '>=': '≥',
    '~': '~',
    '=': '=',
    increase: 'increase',
    decrease: 'decrease',
    maintain: 'maintain',
  },
};

export const levelLabel = (lang: Lang, level: RegionLevel) => LEVELS[lang][level] ?? level;
export const sectionLabel = (lang: Lang, section: Section) => SECTIONS[lang][section] ?? section;
export const comparatorLabel = (lang: Lang, comparator: Comparator) =>
  COMPARATORS[lang][comparator] ?? comparator;
