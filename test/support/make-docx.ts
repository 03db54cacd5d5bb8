import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

export type DocxBlock =
  string | { numbered: 'decimal' | 'chinese'; text: string; level?: number } | { table: string[][] };

/**
 * Builds a real .docx with the `docx` package. `{ numbered }` paragraphs use Word auto-numbering
 * ("%1." decimal, or "（%1）" in Chinese counting), so the numbers exist only in numbering.xml.
 */
export async function makeDocx(blocks: DocxBlock[]): Promise<Uint8Array> {
  const children = blocks.map((block) => {
    if (typeof block === 'string') return new Paragraph({ text: block });
    if ('table' in block) {
      return new Table({
        rows: block.table.map(
          (cells) =>
            new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
        ),
      });
    }
    return new Paragraph({
      text: block.text,
      numbering: { reference: block.numbered, level: block.level ?? 0 },
    });
  });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'decimal',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.DECIMAL, text: '（%2）', alignment: AlignmentType.START },
          ],
        },
        {
          reference: 'chinese',
          levels: [
            {
              level: 0,
              format: LevelFormat.CHINESE_COUNTING,
              text: '（%1）',
              alignment: AlignmentType.START,
            },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
