import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './render-docx.js';

describe('renderDocx: GB/T 9704 layout', () => {
  it('A4, margins 37/35/28/26 mm, 2号 小标宋 title, 3号 仿宋 body, 黑体 headings, "— n —" page numbers', async () => {
    const bytes = await renderDocx({
      title: '标题',
      blocks: [
        { kind: 'heading', level: 1, text: '一、总体情况' },
        { kind: 'paragraph', text: '正文。' },
        { kind: 'table', caption: '表1', headers: ['地区', '数值'], rows: [['安庆市', '1']] },
      ],
    });
    const zip = await JSZip.loadAsync(bytes);
    const doc = (await zip.file('word/document.xml')!.async('string')).replace(/\s+/g, ' ');
    const mm = (v: number) => Math.floor((v * 1440) / 25.4); // docx truncates to whole twips
    expect(doc).toContain(`w:w="${mm(210)}" w:h="${mm(297)}"`);
    expect(doc).toMatch(
      new RegExp(`w:top="${mm(37)}" w:right="${mm(26)}" w:bottom="${mm(35)}" w:left="${mm(28)}"`),
    );
    expect(doc).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/>(<w:[^>]*\/>)*<w:sz w:val="44"\/>/);
    expect(doc).toContain('w:eastAsia="黑体"');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:eastAsia="仿宋"');
    expect(styles).toContain('<w:sz w:val="32"/>');
    const footer = Object.keys(zip.files).find((f) => /word\/footer\d*\.xml/.test(f))!;
    const footerXml = await zip.file(footer)!.async('string');
    expect(footerXml).toContain('PAGE');
    expect(footerXml).toContain('— ');
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
  });
});
