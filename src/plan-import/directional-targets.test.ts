import { describe, expect, it } from 'vitest';
import { splitClauses } from './clauses.js';
import { directionalTarget, fullCoverage } from './directional-targets.js';

const first = (s: string) => splitClauses(s)[0]!;

describe('directionalTarget', () => {
  it.each([
    ['妇女人均预期寿命延长', 'increase', '妇女人均预期寿命'],
    ['乳腺癌人群筛查率逐步提高', 'increase', '乳腺癌人群筛查率'],
    ['缩小两性家务劳动时间差距', 'decrease', '两性家务劳动时间差距'],
    ['妇女焦虑障碍、抑郁症患病率上升趋势得到进一步减缓', 'decrease', '妇女焦虑障碍、抑郁症患病率上升趋势'],
    ['高校在校生中男女比例保持均衡', 'maintain', '高校在校生中男女比例'],
    ['中国共产党女党员保持合理比例', 'maintain', '中国共产党女党员'],
    ['预防和减少孕产妇贫血', 'decrease', '孕产妇贫血'],
    ['就业人员中的女性比例保持稳定并逐步提高', 'increase', '就业人员中的女性比例'],
  ])('reads %s', (text, comparator, indicator) => {
    expect(directionalTarget(first(text))).toMatchObject({ comparator, indicator });
  });

  it.each([
    ['开展孕育能力提升专项攻关'],
    ['加强思想政治教育'],
    ['提高妇女的思想政治意识'],
    ['孕产妇死亡率下降到12/10万以下'],
  ])('is not a directional target: %s', (text) => {
    expect(directionalTarget(first(text))).toBeNull();
  });

  it('reads full coverage as a 100% target', () => {
    expect(fullCoverage(first('农村无害化卫生厕所实现全覆盖'))).toEqual({
      indicator: '农村无害化卫生厕所覆盖率',
      comparator: '=',
    });
    expect(fullCoverage(first('健全覆盖全民的社会保障体系'))).toBeNull();
  });
});
