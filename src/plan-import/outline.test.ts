import { describe, expect, it } from 'vitest';
import { cleanText, rawSlice } from './clean-text.js';
import { areaHeading, buildOutline, chineseNumber, itemNumber } from './outline.js';

describe('areaHeading', () => {
  it.each([
    ['(一)妇女与健康。', 'health', '妇女与健康'],
    ['第二章 妇女与教育', 'education', '妇女与教育'],
    ['(四)妇女参与决策与管理', 'decision', '妇女参与决策与管理'],
    ['五、妇女与社会保障', 'social_security', '妇女与社会保障'],
    ['(六)妇女与家庭建设.....12', 'family', '妇女与家庭建设'],
    ['(三)经济领域', 'economy', '经济领域'],
  ])('%s is the %s area', (line, code, name) => {
    expect(areaHeading(line)).toEqual({ code, name });
  });

  it.each([
    ['妇女平等享有健康服务,生命质量持续改善。'],
    ['(一)指导思想'],
    ['二、发展领域、主要目标和策略措施'],
  ])('%s is not an area heading', (line) => {
    expect(areaHeading(line)).toBeNull();
  });
});

describe('itemNumber', () => {
  it.each([
    ['1.孕产妇', 'arabic', 1],
    ['12、完善', 'arabic', 12],
    ['4 .加强', 'arabic', 4],
    ['(3)提高', 'paren', 3],
    ['③提高', 'circled', 3],
    ['(十一)鼓励', 'chinese', 11],
  ])('%s → %s %i', (line, style, number) => {
    expect(itemNumber(line)).toMatchObject({ style, number });
  });

  it('does not take a decimal for an item number', () => {
    expect(itemNumber('1.5:1的比例')).toBeNull();
  });
});

describe('chineseNumber', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
  ])('%s = %i', (s, n) => {
    expect(chineseNumber(s)).toBe(n);
  });
});

describe('cleanText', () => {
  it('joins a sentence split by a page break and a footer, and quotes it exactly', () => {
    const raw = '1.全市妇女国民\n\n— 12 —\n\n体质测定标准合格率达到 90%。\n2.下一项。';
    const doc = cleanText(raw);
    expect(doc.lines.map((l) => l.text)).toEqual(['1.全市妇女国民体质测定标准合格率达到90%。', '2.下一项。']);
    const line = doc.lines[0]!;
    const quoted = rawSlice(doc, line, 2, line.text.length - 1);
    expect(quoted).toBe('全市妇女国民\n\n— 12 —\n\n体质测定标准合格率达到 90%');
  });

  it('removes export debris and markdown marks but keeps their place in quotes', () => {
    const doc = cleanText('## （一）妇女与健康\n[bookmark: _Hlk1]2．孕产妇死亡率下降到12/10 万以下');
    expect(doc.lines.map((l) => l.text)).toEqual(['(一)妇女与健康', '2.孕产妇死亡率下降到12/10万以下']);
  });

  it('gives no lines for an empty document', () => {
    expect(cleanText('').lines).toEqual([]);
    expect(cleanText('\n\n  \n').lines).toEqual([]);
  });
});

describe('buildOutline', () => {
  it('accepts other names for the goal and measure sections', () => {
    const doc = cleanText('(一)妇女与健康\n1.发展目标\n(1)甲。\n2.主要措施\n(1)乙。\n(2)丙。');
    expect(buildOutline(doc).areas.map((a) => [a.goals.length, a.measures.length])).toEqual([[1, 2]]);
  });

  it('keeps the fullest copy of an area named twice (table of contents, then body)', () => {
    const doc = cleanText(
      '(一)妇女与健康\n主要目标\n(一)妇女与健康\n主要目标:\n1.甲。\n2.乙。\n策略措施:\n1.丙。',
    );
    const outline = buildOutline(doc);
    expect(outline.areas.map((a) => [a.code, a.goals.length, a.measures.length])).toEqual([['health', 2, 1]]);
  });
});
