import type { ErrorField } from '../domain/errors.js';

/** The first worksheet of a workbook as text lines, and what in the workbook cannot be trusted. */
export interface XlsxSheet {
  name: string;
  lines: { line: number; fields: string[] }[];
  /** Hidden sheets, merged cells and formulas, each named by sheet and cell. */
  problems: ErrorField[];
}

const decode = (s: string) =>
  s.includes('&')
    ? s.replace(/&(lt|gt|amp|quot|apos|#x?[0-9a-fA-F]+);/g, (m, e: string) => {
        if (e === 'lt') return '<';
        if (e === 'gt') return '>';
        if (e === 'amp') return '&';
        if (e === 'quot') return '"';
        if (e === 'apos') return "'";
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      })
    : s;

/** The text of every <t> in a fragment (a shared string or an inline string may be split into runs). */
const textOf = (xml: string) => {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>|<t\s*\/>/g)) out += decode(m[1] ?? '');
  return out;
};

/** Column number (1-based) of a cell reference such as "AB12". */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/**
 * Reads the first worksheet of an XLSX workbook straight from its XML (JSZip and a scan of the sheet), an
 * order of magnitude faster than loading the whole workbook model, which matters for a 100,000-row upload.
 * Values are the cells' stored text: numbers as written, shared and inline strings resolved. Throws when the
 * bytes are not a workbook (the caller turns that into UPLOAD_NOT_EXCEL).
 */
export async function readFirstSheet(bytes: Buffer): Promise<XlsxSheet> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbook || !rels) throw new Error('not a workbook');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  const problems: ErrorField[] = [];
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: decode(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? ''),
    state: /\bstate="([^"]*)"/.exec(m[0])?.[1] ?? 'visible',
    target: targets.get(/\br:id="([^"]+)"/.exec(m[0])?.[1] ?? '') ?? '',
  }));
  for (const s of sheets)
    if (s.state !== 'visible')
      problems.push({
        field: `sheets.${s.name}`,
        zh: `工作表“${s.name}”被隐藏，请删除或取消隐藏`,
        en: `sheet "${s.name}" is hidden; delete or unhide it`,
      });
  const first = sheets[0];
  const xml = first ? await zip.file(`xl/${first.target}`)?.async('string') : undefined;
  if (!first || xml === undefined) throw new Error('no worksheet');

  const sharedXml = await zip.file('xl/sharedStrings.xml')?.async('string');
  const shared = sharedXml ? [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]!)) : [];

  for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g))
    problems.push({
      field: `${first.name}!${m[1]}`,
      zh: `工作表“${first.name}”的 ${m[1]} 是合并单元格，请取消合并`,
      en: `${m[1]} on sheet "${first.name}" is merged; unmerge it`,
    });

  const lines: XlsxSheet['lines'] = [];
  const sheetData = /<sheetData>([\s\S]*)<\/sheetData>/.exec(xml)?.[1] ?? '';
  for (const row of sheetData.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const line = Number(/\br="(\d+)"/.exec(row[1]!)?.[1] ?? lines.length + 1);
    const fields: string[] = [];
    for (const cell of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cell[1]!;
      const inner = cell[2] ?? '';
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1] ?? '';
      const column = ref ? columnOf(ref) : fields.length + 1;
      if (inner.includes('<f')) {
        problems.push({
          field: `${first.name}!${ref}`,
          zh: `第 ${line} 行 ${ref} 含有公式，请改为数值`,
          en: `row ${line}, ${ref} holds a formula; enter the number instead`,
        });
        continue;
      }
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
      const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
      let text = '';
      if (type === 's') text = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') text = textOf(inner);
      else if (v !== undefined) text = decode(v);
      fields[column - 1] = text;
    }
    lines.push({ line, fields: Array.from(fields, (f) => f ?? '') });
  }
  return { name: first.name, lines: lines.filter((l) => l.fields.some((f) => f !== '')), problems };
}
