import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlanText } from '../src/plan-import/parse-plan.js';
import { readDocument } from '../src/plan-import/read-document.js';
import { toGoldJson } from '../src/plan-import/to-gold-json.js';
import { requireShared, SEEDS, sharedDir } from './support/seeds.js';

/**
 * A seed plan as a Word user would have typed it: headings as heading styles, and goals and measures
 * as auto-numbered lists (the numbers live only in numbering.xml, restarting in every list).
 */
async function seedAsDocx(text: string): Promise<Buffer> {
  let instance = 0;
  const children: Paragraph[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw
      .replace(/\[bookmark:[^\]]*\]/g, '')
      .replace(/^#+\s*/, '')
      .trim();
    if (!line) continue;
    if (/^(?:-\s*)?主要目标|^(?:-\s*)?策略措施|^[（(][一二三四五六七八九十]+[）)]\s*妇女/.test(line))
      instance++;
    const item = /^(?:-\s*)?(\d{1,2})\s*[．.、]\s*(?!\d)/.exec(line);
    if (item) {
      children.push(
        new Paragraph({
          text: line.slice(item[0].length),
          numbering: { reference: 'items', level: 0, instance },
        }),
      );
    } else if (line.length < 30 && /^[一二三四五六七八九十]+、/.test(line)) {
      children.push(new Paragraph({ text: line, heading: HeadingLevel.HEADING_1 }));
    } else {
      children.push(new Paragraph({ text: line }));
    }
  }
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'items',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

describe('plan importer on .docx documents with Word auto-numbering', () => {
  beforeAll(requireShared);

  it.each(SEEDS)('$id: same accuracy bar through a .docx', async ({ id, file }) => {
    const dir = mkdtempSync(join(tmpdir(), 'halfsky-docx-'));
    const docxPath = join(dir, `${id}.docx`);
    writeFileSync(docxPath, await seedAsDocx(readFileSync(join(sharedDir, 'seeds', file), 'utf8')));
    const source = await readDocument(docxPath, { maxBytes: 50 * 1024 * 1024 });
    const plan = parsePlanText(source.text, { id });
    for (const t of plan.targets) expect(source.text).toContain(t.text);
    // Score against the gold labels, with the extracted text as the document.
    const textPath = join(dir, `${id}.txt`);
    const predPath = join(dir, `${id}.json`);
    writeFileSync(textPath, source.text);
    writeFileSync(predPath, JSON.stringify(toGoldJson(plan)));
    const score = JSON.parse(
      execFileSync(
        'python3',
        [join(sharedDir, 'gold', 'score_plan.py'), textPath, join(sharedDir, 'gold', `${id}.json`), predPath],
        {
          encoding: 'utf8',
        },
      ),
    ) as { num: { f1: number }; dir: { f1: number } };
    expect(score.num.f1).toBeGreaterThanOrEqual(0.95);
    expect(score.dir.f1).toBeGreaterThanOrEqual(0.8);
    const gold = JSON.parse(readFileSync(join(sharedDir, 'gold', `${id}.json`), 'utf8')) as {
      areas: { code: string; goals: number }[];
    };
    expect(Object.fromEntries(plan.areas.map((a) => [a.code, a.goals.length]))).toEqual(
      Object.fromEntries(gold.areas.map((a) => [a.code, a.goals])),
    );
  });
});
