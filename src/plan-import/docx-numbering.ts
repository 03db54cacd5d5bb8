/**
 * Word's automatic numbering ("1.", "（一）", "第一章") lives in numbering.xml, not in the paragraph text,
 * and text extractors drop it. Plans are organised by those numbers, so before extraction we compute each
 * numbered paragraph's label and write it into the paragraph as ordinary text.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

interface NumberingInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
}

interface Numbering {
  abstracts: Map<string, Map<number, Level>>;
  nums: Map<string, NumberingInstance>;
}

interface StyleNumbering {
  numId?: string;
  level?: number;
  basedOn?: string;
}

/** Returns document.xml with each auto-numbered paragraph's label inserted as its first run. */
export function inlineDocxNumbering(
  documentXml: string,
  numberingXml: string | null,
  stylesXml: string | null,
) {
  if (!numberingXml) return documentXml;
  const numbering = readNumbering(numberingXml);
  const styles = readStyleNumbering(stylesXml ?? '');
  const counters = new Map<string, (number | undefined)[]>();
  const out: string[] = [];
  let last = 0;

  for (const match of documentXml.matchAll(/<w:p\b([^>]*)>/g)) {
    if (match[1]?.endsWith('/')) continue;
    let at = match.index + match[0].length;
    let pPr = '';
    if (documentXml.startsWith('<w:pPr', at)) {
      const selfClosing = documentXml.slice(at, documentXml.indexOf('>', at) + 1).endsWith('/>');
      const end = selfClosing ? documentXml.indexOf('>', at) + 1 : documentXml.indexOf('</w:pPr>', at) + 8;
      pPr = documentXml.slice(at, end);
      at = end;
    }
    const ref = paragraphNumbering(pPr, styles);
    const label = ref && labelFor(ref.numId, ref.level, numbering, counters);
    if (!label) continue;
    out.push(documentXml.slice(last, at), `<w:r><w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>`);
    last = at;
  }
  out.push(documentXml.slice(last));
  return out.join('');
}

function paragraphNumbering(pPr: string, styles: Map<string, StyleNumbering>) {
  let numId = attr(pPr, 'w:numId');
  let level = numberOrUndefined(attr(pPr, 'w:ilvl'));
  let styleId = attr(pPr, 'w:pStyle');
  for (let depth = 0; styleId && depth < 8 && (numId === undefined || level === undefined); depth++) {
    const style = styles.get(styleId);
    numId ??= style?.numId;
    level ??= style?.level;
    styleId = style?.basedOn;
  }
  if (numId === undefined || numId === '0') return null;
  return { numId, level: level ?? 0 };
}

function labelFor(
  numId: string,
  level: number,
  numbering: Numbering,
  counters: Map<string, (number | undefined)[]>,
): string | null {
  const instance = numbering.nums.get(numId);
  const levels = instance && numbering.abstracts.get(instance.abstractId);
  const definition = levels?.get(level);
  if (!instance || !levels || !definition || definition.format === 'bullet' || definition.format === 'none') {
    return null;
  }
  // Instances that restart numbering keep their own counters; the others continue their abstract list.
  const key = instance.startOverrides.size > 0 ? `num:${numId}` : `abstract:${instance.abstractId}`;
  const startOf = (l: number) => instance.startOverrides.get(l) ?? levels.get(l)?.start ?? 1;
  const values = counters.get(key) ?? [];
  counters.set(key, values);
  values[level] = values[level] === undefined ? startOf(level) : values[level] + 1;
  values.length = level + 1;

  const label = definition.text.replace(/%(\d)/g, (_, n: string) => {
    const l = Number(n) - 1;
    return formatNumber(values[l] ?? startOf(l), levels.get(l)?.format ?? 'decimal');
  });
  if (!label.trim()) return null;
  return definition.suffix === 'nothing' ? label : `${label} `;
}

function readNumbering(xml: string): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const [, id, body] of xml.matchAll(
    /<w:abstractNum\b[^>]*\bw:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    const levels = new Map<number, Level>();
    for (const [, ilvl, lvl] of (body ?? '').matchAll(
      /<w:lvl\b[^>]*\bw:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g,
    )) {
      levels.set(Number(ilvl), {
        start: numberOrUndefined(attr(lvl ?? '', 'w:start')) ?? 1,
        format: attr(lvl ?? '', 'w:numFmt') ?? 'decimal',
        text: unescapeXml(attr(lvl ?? '', 'w:lvlText') ?? ''),
        suffix: attr(lvl ?? '', 'w:suff') ?? 'tab',
      });
    }
    abstracts.set(id ?? '', levels);
  }
  const nums = new Map<string, NumberingInstance>();
  for (const [, id, body] of xml.matchAll(/<w:num\b[^>]*\bw:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const startOverrides = new Map<number, number>();
    for (const [, ilvl, override] of (body ?? '').matchAll(
      /<w:lvlOverride\b[^>]*\bw:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g,
    )) {
      const start = numberOrUndefined(attr(override ?? '', 'w:startOverride'));
      if (start !== undefined) startOverrides.set(Number(ilvl), start);
    }
    nums.set(id ?? '', { abstractId: attr(body ?? '', 'w:abstractNumId') ?? '', startOverrides });
  }
  return { abstracts, nums };
}

function readStyleNumbering(xml: string): Map<string, StyleNumbering> {
  const styles = new Map<string, StyleNumbering>();
  for (const [, id, body] of xml.matchAll(
    /<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g,
  )) {
    styles.set(id ?? '', {
      numId: attr(body ?? '', 'w:numId'),
      level: numberOrUndefined(attr(body ?? '', 'w:ilvl')),
      basedOn: attr(body ?? '', 'w:basedOn'),
    });
  }
  return styles;
}

/** The w:val attribute of the first `<tag …>` element in `xml`. */
function attr(xml: string, tag: string): string | undefined {
  return new RegExp(`<${tag}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];
}

function numberOrUndefined(value: string | undefined): number | undefined {
  return value === undefined || !/^\d+$/.test(value) ? undefined : Number(value);
}

const CHINESE_DIGITS = '零一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** Formats a list counter in one of Word's number formats (ECMA-376 ST_NumberFormat). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
    case 'lowerLetter': {
      const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
    case 'ideographDigital':
      return chineseNumber(n, CHINESE_DIGITS, '十百千');
    case 'chineseLegalSimplified':
      return chineseNumber(n, LEGAL_DIGITS, '拾佰仟');
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[n - 1] ?? String(n);
    case 'ideographZodiac':
      return EARTHLY_BRANCHES[n - 1] ?? String(n);
    default:
      return String(n);
  }
}

function chineseNumber(n: number, digits: string, units: string): string {
  if (n <= 0 || n >= 10000) return String(n);
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const unitOf = ['', units[2], units[1], units[0], ''];
  let out = '';
  let pendingZero = false;
  parts.forEach((d, i) => {
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += digits[0];
    pendingZero = false;
    // 十一, not 一十一, when ten is the leading unit.
    const skipOne = i === 2 && d === 1 && out === '';
    out += (skipOne ? '' : digits[d]) + (unitOf[i + 1] ?? '');
  });
  return out;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, symbol] of table) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
