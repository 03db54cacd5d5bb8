import { describe, expect, it } from 'vitest';
import { cleanText } from './clean-text.js';
import { planMetadata } from './plan-metadata.js';

const meta = (text: string) => planMetadata(cleanText(text));

describe('planMetadata', () => {
  it('takes the plan from its title line and its parent from GB/T 2260', () => {
    expect(meta('镇原县妇女发展规划(2021—2030年)\n前言\n')).toMatchObject({
      region: '镇原县',
      level: 'county',
      parentRegion: '庆阳市',
      regionCode: '621027',
      period: [2021, 2030],
    });
  });

  it('without a title line, takes the deepest region among the plans the text cites', () => {
    const m = meta(
      '序言\n2012年,颁布了《安庆市妇女发展纲要(2011-2020年)》。按照《安徽省妇女发展纲要(2021-2030年)》的要求,制定本纲要。',
    );
    expect(m).toMatchObject({
      region: '安庆市',
      level: 'city',
      parentRegion: '安徽省',
      period: [2021, 2030],
    });
    expect(m.title).toBe('安庆市妇女发展纲要（2021-2030年）');
  });

  it('tells a district from a county, and picks the namesake whose parent the text mentions', () => {
    expect(meta('朝阳区妇女发展规划(2021-2030年)\n按照《长春市妇女发展规划(2021-2030年)》')).toMatchObject({
      level: 'district',
      parentRegion: '长春市',
    });
  });

  it('returns an empty region for a text that names no plan', () => {
    expect(meta('这是一份会议通知。')).toMatchObject({ region: '', title: '' });
  });
});
