import { describe, expect, it } from 'vitest';
import { normaliseDepartment, trailingResponsibility } from './responsibility.js';

describe('trailingResponsibility', () => {
  it('reads the units after an item, lead first, keeping the raw text', () => {
    const r = trailingResponsibility('宫颈癌和乳腺癌防治知识知晓率达到90%以上。(卫健局、妇联)');
    expect(r?.responsibility).toEqual({ departments: ['卫健局', '妇联'], raw: '(卫健局、妇联)' });
  });

  it('accepts a 责任单位 label and normalises variants', () => {
    const r = trailingResponsibility('完善制度。(责任单位:县卫生健康局、县妇联)');
    expect(r?.responsibility.departments).toEqual(['卫健局', '妇联']);
  });

  it('ignores a parenthesis that is not a list of units', () => {
    expect(trailingResponsibility('水质比例达到100%(剔除本底影响)')).toBeNull();
    expect(trailingResponsibility('没有括号')).toBeNull();
  });
});

describe('normaliseDepartment', () => {
  it.each([
    ['卫健委', '卫健局'],
    ['市卫健委', '卫健局'],
    ['县人力资源和社会保障局', '人社局'],
    ['市生态环境局镇原县分局', '生态环境局'],
    ['县委组织部', '县委组织部'],
    ['团县委', '团县委'],
    ['市场监管局', '市场监管局'],
    ['妇联', '妇联'],
  ])('%s → %s', (raw, name) => {
    expect(normaliseDepartment(raw)).toBe(name);
  });
});
