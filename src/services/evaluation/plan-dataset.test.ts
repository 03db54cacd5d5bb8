import { describe, expect, it } from 'vitest';
import type { Plan, Target } from '../../domain/plan.js';
import { targetKey } from '../../domain/indicators/link-targets.js';
import type { StoredTargetLink } from '../../store/target-link-repository.js';
import { loadPlanRegionTree } from '../reference-data/load-plan-region-tree.js';
import { planDataset } from './plan-dataset.js';

const target = (t: Partial<Target>): Target => ({
  area: 'health',
  section: 'measure',
  item: 3,
  indicator: '孕产妇系统管理率',
  comparator: 'increase',
  value: null,
  unit: null,
  year: 2030,
  responsible: [],
  text: '提高孕产妇系统管理率，达到92%以上。',
  ...t,
});

describe('planDataset', () => {
  it('names a target that does not repeat its indicator (提高…，达到92%以上) after the linked indicator', () => {
    const targets = [target({}), target({ indicator: '', comparator: '>=', value: 92, unit: '%', item: 4 })];
    const plan: Plan = {
      id: 'p',
      title: '安庆市妇女发展规划',
      region: '安庆市',
      level: 'city',
      parentRegion: '安徽省',
      period: [2021, 2030],
      areas: [],
      projects: [],
      targets,
    };
    const links: StoredTargetLink[] = targets.map((t) => ({
      planId: 'p',
      targetKey: targetKey(t),
      indicatorCode: 'health.maternal_systematic_management',
      method: 'exact',
      score: 1,
      source: 'context',
      overridden: false,
    }));
    const dataset = planDataset(plan, links, loadPlanRegionTree([plan]), '340800');
    expect(dataset.targets.map((t) => t.label)).toEqual(['孕产妇系统管理率', '孕产妇系统管理率']);
    expect(dataset.targets[1]!.milestones[0]).toMatchObject({ indicator: '孕产妇系统管理率', value: 92 });
  });
});
