import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../src/domain/plan.js';
import { parsePlanText } from '../src/plan-import/parse-plan.js';
import { SEEDS, shippedPlan } from './support/seeds.js';

/**
 * The same plan in other clothes must give the same targets. Each transformation imitates a layout
 * seen in real plan documents (other exports, other typists); none of them changes what the plan says.
 */
const CN = '一二三四五六七八';
const toFullWidth = (s: string) =>
  s.replace(/[0-9%]/g, (c) => (c === '%' ? '％' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

const LAYOUTS: Record<string, (doc: string) => string> = {
  'CRLF line endings': (d) => d.replace(/\n/g, '\r\n'),
  'full-width digits and percent signs': (d) => toFullWidth(d),
  'markdown headings of mixed depth': (d) =>
    d
      .replace(/^\s*([（(][一二三四五六七八][）)]\s*妇女.{1,10})$/gm, '## $1')
      .replace(/^\s*(主要目标|策略措施)/gm, '#### $1'),
  'areas as chapters (第二章 妇女与健康)': (d) =>
    d.replace(
      /^\s*[（(]([一二三四五六七八])[）)]\s*(妇女(?:与|参与).{1,10})$/gm,
      (_m, n: string) =>
        `第${CN[CN.indexOf(n) + 1] ?? '十'}章 ${_m.replace(/^\s*[（(][一二三四五六七八][）)]\s*/, '')}`,
    ),
  'items numbered (1)': (d) =>
    d.replace(/^((?:\[bookmark:[^\]]*\])*\s*(?:- )?)(\d{1,2})\s*[．.]\s*/gm, '$1（$2）'),
  'items numbered 1、 and 2.': (d) =>
    d.replace(
      /^((?:\[bookmark:[^\]]*\])*\s*(?:- )?)(\d{1,2})\s*[．.]\s*/gm,
      (_m, sp: string, n: string) => `${sp}${n}${Number(n) % 2 ? '、' : '.'}`,
    ),
  'list numbers lost (Word auto-numbering exported as plain paragraphs)': (d) =>
    d.replace(/^((?:\[bookmark:[^\]]*\])*\s*(?:- )?)(\d{1,2})\s*[．.]\s*/gm, '$1'),
  'hard-wrapped lines, as text copied out of a PDF': (d) =>
    d.replace(/^.{36,}$/gm, (line) => line.replace(/(.{34})(?=.)/g, '$1\n')),
  'page breaks with footers mid-sentence': (d) =>
    d.replace(
      /^(.{30,}?)(，)(.{20,})$/gm,
      (_m, a: string, comma: string, b: string) => `${a}${comma}${b.slice(0, 7)}\n\n— 12 —\n\n${b.slice(7)}`,
    ),
  'export debris and spaces inside numbers': (d) =>
    d
      .replace(/^(\d{1,2}[．.])/gm, '[bookmark: _Hlk1234]$1')
      .replace(/(\d)(%|\/10万)/g, '$1 $2')
      .replace(/(\d+)\.(\s*)(?=[\u4e00-\u9fa5])/g, '$1 .$2'),
};

const signature = (plan: Plan) =>
  plan.targets
    .map((t) => `${t.area}/${t.section}/${t.item} ${t.comparator} ${t.value ?? ''}${t.unit ?? ''} ${t.year}`)
    .sort();

describe.each(SEEDS.map((s) => s.id))('plan %s in other layouts', (id) => {
  const original = readFileSync(shippedPlan(id), 'utf8');
  const baseline = parsePlanText(original, { id });

  it.each(Object.keys(LAYOUTS))('%s: same targets, texts quoted exactly', (name) => {
    const doc = LAYOUTS[name]!(original);
    const plan = parsePlanText(doc, { id });
    expect(signature(plan)).toEqual(signature(baseline));
    for (const t of plan.targets) expect(doc.includes(t.text)).toBe(true);
    expect(plan.region).toBe(baseline.region);
  });
});
