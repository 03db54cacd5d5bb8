import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../test/support/sample-plan.js';
import type { Plan } from './plan.js';
import { validatePlan } from './validate-plan.js';

const fields = (plan: Plan) => validatePlan(plan).map((p) => p.field);

describe('validatePlan', () => {
  it('passes a plan as the parser makes it', () => {
    expect(validatePlan(samplePlan('anqing', '安庆市妇女发展规划'))).toEqual([]);
  });

  it('names every bad field at once, in both languages', () => {
    const plan = samplePlan('anqing', '安庆市妇女发展规划');
    const targets = plan.targets.map((t) => ({ ...t }));
    targets[0] = { ...targets[0]!, indicator: ' ', comparator: '<=', value: null, year: 1999 };
    const problems = validatePlan({ ...plan, id: 'a b', title: '', targets });
    expect(problems.map((p) => p.field)).toEqual([
      'id',
      'title',
      'targets.0.indicator',
      'targets.0.value',
      'targets.0.year',
    ]);
    for (const p of problems) expect(p.zh && p.en).toBeTruthy();
  });

  it('lets a directional target go without a value, and refuses repeated or empty departments', () => {
    const plan = samplePlan('anqing', '安庆市妇女发展规划');
    const targets = [{ ...plan.targets[0]!, comparator: 'increase' as const, value: null }];
    const area = plan.areas[0]!;
    const goals = [{ ...area.goals[0]!, responsibility: { departments: ['妇联', '妇联', ''], raw: null } }];
    expect(fields({ ...plan, targets, areas: [{ ...area, goals }] })).toEqual([
      'areas.0.goals.0.departments.2',
      'areas.0.goals.0.departments',
    ]);
  });

  it('refuses a plan without areas or targets', () => {
    const plan = samplePlan('anqing', '安庆市妇女发展规划');
    expect(fields({ ...plan, areas: [], targets: [] })).toEqual(['areas', 'targets']);
  });
});
