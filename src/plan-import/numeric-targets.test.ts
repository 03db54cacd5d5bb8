import { describe, expect, it } from 'vitest';
import { splitClauses } from './clauses.js';
import { numericTargets } from './numeric-targets.js';

/** Every numeric target of a sentence, as [value, unit, comparator, year]. */
function targetsOf(sentence: string) {
  return splitClauses(sentence).flatMap((c) =>
    numericTargets(sentence, c).map((t) => [t.value, t.unit, t.comparator, t.year ?? 2030]),
  );
}

describe('numericTargets', () => {
  it.each([
    ['孕产妇死亡率下降到12/10万以下', [[12, '1/10万', '<=', 2030]]],
    [
      '适龄妇女宫颈癌筛查率达到70%以上(2025年达到50%以上)',
      [
        [70, '%', '>=', 2030],
        [50, '%', '>=', 2025],
      ],
    ],
    ['就业人员中的女性比例保持在45%左右', [[45, '%', '~', 2030]]],
    ['高中阶段教育毛入学率达到100%', [[100, '%', '=', 2030]]],
    ['妇女健康素养水平提高到30%', [[30, '%', '>=', 2030]]],
    ['女厕位与男厕位的比例不小于1.5:1', [[1.5, ':1', '>=', 2030]]],
    ['先天梅毒报告发病率下降到15/10万活产数以下', [[15, '1/10万活产数', '<=', 2030]]],
    [
      '适龄妇女宫颈癌、乳腺癌人群筛查率分别达到70%以上和50%以上',
      [
        [70, '%', '>=', 2030],
        [50, '%', '>=', 2030],
      ],
    ],
    [
      '每千名儿童至少拥有儿科执业(助理)医生1.12名、床位3.17张',
      [
        [1.12, '名', '>=', 2030],
        [3.17, '张', '>=', 2030],
      ],
    ],
    ['力争一半以上的领导班子配备女干部', [[50, '%', '>=', 2030]]],
    ['市、县(区)均建立1所标准化妇幼保健机构', [[1, '所', '=', 2030]]],
    ['孕妇尿碘中位数达到150ug/L', [[150, 'ug/L', '>=', 2030]]],
    ['2025年城市集中式饮用水水源达到或优于III类水质比例达到100%', [[100, '%', '=', 2025]]],
    ['女性比例≥30%', [[30, '%', '>=', 2030]]],
    ['农村妇女参训率提高5个百分点', [[5, '个百分点', '>=', 2030]]],
  ])('reads %s', (sentence, expected) => {
    expect(targetsOf(sentence)).toEqual(expected);
  });

  it.each([
    ['2012年,市人民政府颁布了纲要'],
    ['促进70%的妇女在35—45岁接受筛查'.replace('70%的妇女在', '妇女在')],
    ['实现城镇社区“15分钟健身圈”全覆盖'],
    ['建设“农村10公里、城市10分钟”公共文化服务网络'],
    ['客流超过1万人次的交通枢纽建设第三卫生间'],
    ['开通12338妇女维权热线'],
    ['65岁以上老年人健康管理'],
  ])('finds no target in %s', (sentence) => {
    expect(targetsOf(sentence)).toEqual([]);
  });

  it('keeps a share of people that is followed by 的', () => {
    expect(targetsOf('促进70%的妇女在35—45岁接受高效宫颈癌筛查')).toEqual([[70, '%', '>=', 2030]]);
  });

  it('does not take a number that qualifies the subject of a later target', () => {
    expect(targetsOf('乡镇党政领导班子各配备1名女干部的比例要达到40%以上')).toEqual([[40, '%', '>=', 2030]]);
  });

  it('names a share of people after the people it counts', () => {
    const s = '促进70%的妇女在35—45岁接受高效宫颈癌筛查';
    expect(numericTargets(s, splitClauses(s)[0]!)[0]!.indicator).toBe(
      '妇女在35—45岁接受高效宫颈癌筛查的比例',
    );
  });

  it('names the indicator without the verb', () => {
    const s = '孕产妇死亡率下降到12/10万以下';
    expect(numericTargets(s, splitClauses(s)[0]!)[0]!.indicator).toBe('孕产妇死亡率');
  });
});
