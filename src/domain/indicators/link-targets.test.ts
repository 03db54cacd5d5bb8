import { describe, expect, it } from 'vitest';
import type { Plan, Target } from '../plan.js';
import { bigramDice } from './bigram-dice.js';
import { INDICATOR_CATALOG } from './catalog.js';
import { FUZZY_THRESHOLD, linkPlan, linkTarget, targetKey } from './link-targets.js';
import { normaliseName } from './normalise-name.js';
import { canonicalUnit, unitsCompatible } from './unit-compatibility.js';

const target = (t: Partial<Target>): Target => ({
  area: 'health',
  section: 'goal',
  item: 1,
  indicator: '',
  comparator: '>=',
  value: null,
  unit: null,
  year: 2030,
  responsible: [],
  text: t.indicator ?? '',
  ...t,
});

describe('normaliseName', () => {
  it.each([
    ['（市、区）全角括号', '全角括号'],
    ['“两癌”防控知识知晓率', '两癌防控知识知晓率'],
    ['宫颈癌和乳腺癌防治知识知晓率', '两癌防治知识知晓率'],
    ['适龄妇女宫颈癌人群筛查率', '适龄妇女宫颈癌筛查率'],
    ['水源水质达到或优于三类标准', '水源水质达到或优于III类标准'],
    ['35岁—45岁妇女', '35-45岁妇女'],
    ['全市妇女国民体质测定标准合格率', '妇女国民体质测定标准合格率'],
    ['就业人员中的女性比例', '就业人员中女性比例'],
  ])('%s → %s', (raw, norm) => expect(normaliseName(raw)).toBe(norm));
});

describe('unitsCompatible', () => {
  it.each([
    ['1/10万活产数', '1/10万', true],
    ['%', '1/10万', false],
    ['ug/L', 'μg/L', true],
    [':1', ':1', true],
    ['ratio', ':1', true],
    ['名', '名/千名儿童', true],
    ['张', '名/千名儿童', false],
    ['家', '个', true],
    [null, '%', true],
  ] as const)('%s ~ %s: %s', (a, b, ok) => expect(unitsCompatible(a, b)).toBe(ok));

  it('canonicalises blanks to null', () => expect(canonicalUnit(' ')).toBeNull());
});

describe('linkTarget', () => {
  const link = (t: Partial<Target>, context?: string) =>
    linkTarget(target(t), INDICATOR_CATALOG, context === undefined ? {} : { context });

  it('links the canonical name exactly and a plan wording by alias', () => {
    expect(link({ indicator: '孕产妇死亡率', unit: '1/10万', value: 12 })).toMatchObject({
      indicatorCode: 'health.maternal_mortality',
      method: 'exact',
      score: 1,
    });
    expect(link({ indicator: '宫颈癌患者获得治疗的比例', unit: '%', value: 95 })).toMatchObject({
      indicatorCode: 'health.cervical_cancer_treatment',
      method: 'alias',
    });
  });

  it('drops 女童 / 妇女 where the indicator is collected by sex, and normalises width and 两癌', () => {
    expect(link({ indicator: '女生九年义务教育巩固率', unit: '%', value: 96 })).toMatchObject({
      indicatorCode: 'education.compulsory_retention',
      method: 'normalised',
    });
    expect(link({ indicator: '“两癌”早诊早治率' }).indicatorCode).toBe('health.two_cancer_early_diagnosis');
  });

  it('refuses an indicator whose unit cannot measure the target', () => {
    expect(link({ indicator: '孕产妇死亡率', unit: '%', value: 2 }).indicatorCode).toBeNull();
  });

  it('does not link nonsense', () => {
    expect(link({ indicator: '会议通知' })).toEqual({
      indicatorCode: null,
      method: null,
      score: 0,
      source: null,
      matched: null,
    });
  });

  it('accepts a fuzzy match only above the threshold and reports its score', () => {
    const l = link({ indicator: '县（市）、区妇女发展纲要报送市政府妇儿工委办公室的时限（纲要颁布后）' });
    expect(l.method).toBe('fuzzy');
    expect(l.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect(bigramDice('两癌防治意识', '两癌防治知识知晓率')).toBeLessThan(FUZZY_THRESHOLD);
  });

  it('reads the words around the number when the indicator was carried over from another clause', () => {
    const context = '防控知识知晓率达到92%以上。促进70%的妇女在35—45岁接受高效宫颈癌筛查。';
    expect(
      link({ indicator: '防控知识知晓率', text: '促进70%', value: 70, unit: '%' }, context),
    ).toMatchObject({
      indicatorCode: 'health.cervical_screening_35_45',
      source: 'context',
    });
  });

  it('resolves 分别 lists by the position of the value', () => {
    const context = '适龄妇女宫颈癌、乳腺癌人群筛查率分别达到70%以上和50%以上,提高“两癌”早诊早治率。';
    const indicator = '适龄妇女宫颈癌、乳腺癌人群筛查率';
    expect(link({ indicator, text: '和 50% 以上', value: 50, unit: '%' }, context).indicatorCode).toBe(
      'health.breast_cancer_screening',
    );
    expect(
      link(
        { indicator, text: '适龄妇女宫颈癌、乳腺癌人群筛查率分别达到70%以上', value: 70, unit: '%' },
        context,
      ).indicatorCode,
    ).toBe('health.cervical_cancer_screening');
  });
});

describe('linkPlan', () => {
  const plan = (targets: Target[]): Plan => ({
    id: 'p',
    title: 't',
    region: 'r',
    level: 'county',
    parentRegion: null,
    period: [2021, 2030],
    areas: [],
    projects: [],
    targets,
  });
  const meeting = target({ indicator: '会议通知', value: 3, unit: '个' });
  const mmr = target({ indicator: '孕产妇死亡率', value: 12, unit: '1/10万' });

  it('lists what does not link and counts shares by kind', () => {
    const r = linkPlan(
      plan([mmr, meeting, target({ indicator: '妇女人均预期寿命', comparator: 'increase' })]),
      INDICATOR_CATALOG,
    );
    expect(r.links).toHaveLength(3);
    expect(r.unlinked).toEqual([meeting]);
    expect(r.share).toEqual({ numeric: 0.5, directional: 1, all: 2 / 3 });
  });

  it('lets a manual override win, and reports overrides that match nothing', () => {
    const r = linkPlan(plan([meeting, mmr]), INDICATOR_CATALOG, {
      [targetKey(meeting)]: 'other.plan_filing_time',
      [targetKey(mmr)]: 'health.hiv_mtct_rate',
      'nowhere/goal/1/2030/=/1/x': 'health.maternal_mortality',
    });
    expect(r.links.map((l) => [l.indicatorCode, l.method])).toEqual([
      ['other.plan_filing_time', 'override'],
      ['health.hiv_mtct_rate', 'override'],
    ]);
    expect(r.unlinked).toEqual([]);
    expect(r.unusedOverrides).toEqual(['nowhere/goal/1/2030/=/1/x']);
  });

  it('ignores an override to an unknown code and declares empty shares as null', () => {
    const r = linkPlan(plan([meeting]), INDICATOR_CATALOG, { [targetKey(meeting)]: 'no.such' });
    expect(r.unlinked).toEqual([meeting]);
    expect(linkPlan(plan([]), INDICATOR_CATALOG).share).toEqual({
      numeric: null,
      directional: null,
      all: null,
    });
  });
});
