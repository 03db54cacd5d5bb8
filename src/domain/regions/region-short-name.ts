/**
 * The 55 minority nationalities as they appear in autonomous-region names (宁夏回族自治区, 连南瑶族自治县,
 * 胡家回族乡), longest first so that 蒙古 wins over a shorter match; 各 stands for 各族 (龙胜各族自治县).
 */
// prettier-ignore
const NATIONALITIES = [
  '柯尔克孜', '乌孜别克', '维吾尔', '哈萨克', '达斡尔', '塔吉克', '俄罗斯', '鄂温克', '塔塔尔', '鄂伦春',
  '蒙古', '布依', '朝鲜', '土家', '哈尼', '傈僳', '高山', '拉祜', '东乡', '纳西', '景颇', '仫佬', '布朗',
  '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '德昂', '保安', '裕固', '独龙', '赫哲', '门巴', '珞巴',
  '基诺', '回', '藏', '苗', '彝', '壮', '侗', '瑶', '白', '傣', '黎', '佤', '畲', '水', '土', '羌', '怒',
  '京', '满', '各',
];

/** Administrative suffixes, longest first; 自治… suffixes also drop the nationalities before them. */
// prettier-ignore
const SUFFIXES = [
  '特别行政区', '街道办事处', '民族苏木', '自治区', '自治州', '自治县', '自治旗', '民族乡', '办事处',
  '地区', '新区', '林区', '街道', '苏木', '省', '市', '区', '县', '旗', '盟', '镇', '乡',
];

const NATIONALITY_TAIL = new RegExp(`(?:${NATIONALITIES.join('|')})族$`);

/** Before 自治…, 族 may be left out: 新疆维吾尔自治区. */
const AUTONOMOUS_NATIONALITY_TAIL = new RegExp(`(?:${NATIONALITIES.join('|')})族?$`);

/** A stem shorter than this is not a usable short name (赵县 is not '赵'). */
const MIN_STEM = 2;

/**
 * The short name people use for a region: the full name without its administrative suffix and, for
 * autonomous units, the nationalities (安庆市 → 安庆, 宁夏回族自治区 → 宁夏, 连山壮族瑶族自治县 → 连山,
 * 锡林郭勒盟 → 锡林郭勒, 胡家回族乡 → 胡家). Returns the name itself when nothing can be removed without
 * leaving fewer than two characters (赵县, 矿区).
 */
export function shortRegionName(name: string): string {
  const suffix = SUFFIXES.find((s) => name.endsWith(s) && name.length - s.length >= MIN_STEM);
  if (!suffix) return name;
  let stem = name.slice(0, -suffix.length);
  const tail = suffix.startsWith('自治') ? AUTONOMOUS_NATIONALITY_TAIL : NATIONALITY_TAIL;
  for (;;) {
    const match = tail.exec(stem);
    if (!match) break;
    if (stem.length - match[0].length < MIN_STEM) {
      // The nationality is the name (东乡族自治县, 鄂温克族自治旗): keep it, without 族.
      if (stem.endsWith('族')) stem = stem.slice(0, -1);
      break;
    }
    stem = stem.slice(0, match.index);
  }
  return stem;
}
