import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attainmentOption } from '../src/charts/attainment-option.js';
import { renderDocx } from '../src/reports/render-docx.js';
import { yearbookDocument } from '../src/reports/yearbook.js';

const work = mkdtempSync(join(tmpdir(), 'halfsky-reader-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What a reader gets: LibreOffice converts the .docx to PDF (own throw-away profile), pdftotext reads it. */
function toPdf(name: string, bytes: Buffer): { pdf: string; text: string } {
  const docx = join(work, `${name}.docx`);
  writeFileSync(docx, bytes);
  const profile = mkdtempSync(join(tmpdir(), 'halfsky-lo-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        docx,
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(work, `${name}.pdf`);
  return { pdf, text: execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }) };
}

describe('reports as a reader sees them (LibreOffice → PDF → text and PNG)', () => {
  it('an official document: Chinese title, body, table cells, a chart and page numbers survive conversion', async () => {
    const bytes = await renderDocx({
      title: '安庆市妇女发展规划\n2024年统计监测报告',
      subtitle: '（安庆市，含模拟数据）',
      blocks: [
        { kind: 'heading', level: 1, text: '一、总体情况' },
        {
          kind: 'paragraph',
          text: '孕产妇死亡率为11.8/10万，比上年下降0.6个10万分点，已提前实现2030年目标。',
        },
        {
          kind: 'table',
          caption: '表1 各领域量化目标达标情况',
          headers: ['领域', '可评估', '已实现', '达标率'],
          widths: [3, 1, 1, 1],
          rows: [
            ['妇女与健康', '13', '1', '7.7%'],
            ['妇女参与决策和管理', '8', '5', '62.5%'],
          ],
        },
        {
          kind: 'chart',
          caption: '图1 各领域量化目标达标率',
          option: attainmentOption({
            title: '各领域量化目标达标率',
            bars: [{ name: '妇女与健康', achieved: 1, assessable: 13, rate: 1 / 13 }],
          }),
        },
      ],
    });
    const { pdf, text } = toPdf('annual', bytes);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('2024年统计监测报告');
    expect(flat).toContain('孕产妇死亡率为11.8/10万');
    expect(flat).toContain('妇女参与决策和管理');
    expect(flat).toContain('62.5%');
    expect(flat).toContain('—1—'); // the page number
    execFileSync('pdftoppm', ['-r', '40', '-png', pdf, join(work, 'page')]);
    const pages = readdirSync(work).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    // The chart is an embedded raster image in the PDF.
    expect(
      execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').length,
    ).toBeGreaterThan(3);
  });

  it('the yearbook’s tables keep units, missing-value signs and status words', async () => {
    const values = new Map([
      ['health.x|340800|2023|女', { value: 12.5, flags: { simulated: false, provisional: false } }],
      ['health.x|340822|2024|女', { value: 9.75, flags: { simulated: false, provisional: true } }],
    ]);
    const bytes = await renderDocx(
      yearbookDocument({
        planTitle: '安庆市妇女发展纲要',
        year: 2024,
        years: [2023, 2024],
        regions: [
          { code: '340800', name: '安庆市' },
          { code: '340822', name: '怀宁县' },
        ],
        indicators: [
          {
            code: 'health.x',
            name: '孕产妇死亡率',
            area: 'health',
            unit: '1/10万',
            definition: '孕产妇死亡数与活产数之比。',
            caliber: '按常住人口统计。',
            department: '卫健局',
            sexes: ['女'],
          },
        ],
        values,
      }),
    );
    const flat = toPdf('yearbook', bytes).text.replace(/\s+/g, '');
    expect(flat).toContain('孕产妇死亡率（单位：1/10万）');
    expect(flat).toContain('12.5');
    expect(flat).toContain('9.75');
    expect(flat).toContain('初步');
    expect(flat).toContain('统计口径：按常住人口统计。');
  });
});
