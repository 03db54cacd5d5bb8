import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { DEFAULT_CHART_SIZE, renderChartPngs } from '../charts/render-chart.js';
import { BODY_LINE_TWIPS, FONTS, MARGIN_MM, PAGE_MM, SIZES, TEXT_WIDTH_MM } from './gbt9704.js';
import type { ReportBlock, ReportDocument } from './report-model.js';

const font = (eastAsia: string) => ({ eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin });
/** Image width for the full text width, in pixels at 96 dpi. */
const TEXT_WIDTH_PX = Math.round((TEXT_WIDTH_MM / 25.4) * 96);

/** Lays a report out as an official Word document (GB/T 9704 conventions) and returns the .docx bytes. */
export async function renderDocx(report: ReportDocument): Promise<Buffer> {
  const chartBlocks = report.blocks.filter((b) => b.kind === 'chart');
  const pngs = renderChartPngs(
    chartBlocks.map((b) => ({ option: b.option, size: b.size ?? DEFAULT_CHART_SIZE })),
  );
  const images = new Map(chartBlocks.map((b, i) => [b, pngs[i] as Buffer]));
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: 720, lineRule: LineRuleType.EXACT },
      children: report.title
        .split('\n')
        .map(
          (line, i) =>
            new TextRun({ text: line, font: font(FONTS.title), size: SIZES.title, break: i > 0 ? 1 : 0 }),
        ),
    }),
  ];
  if (report.subtitle) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: report.subtitle, font: font(FONTS.heading2), size: SIZES.body })],
      }),
    );
  }
  children.push(new Paragraph({ children: [] }));
  for (const block of report.blocks) children.push(...renderBlock(block, images));
  const document = new Document({
    creator: report.creator ?? 'Halfsky 半边天',
    title: report.title.replace('\n', ''),
    description: report.description ?? '',
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: SIZES.body },
          paragraph: { spacing: { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: convertMillimetersToTwip(PAGE_MM.width),
              height: convertMillimetersToTwip(PAGE_MM.height),
            },
            margin: {
              top: convertMillimetersToTwip(MARGIN_MM.top),
              bottom: convertMillimetersToTwip(MARGIN_MM.bottom),
              left: convertMillimetersToTwip(MARGIN_MM.left),
              right: convertMillimetersToTwip(MARGIN_MM.right),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: font('宋体'),
                    size: SIZES.pageNumber,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}

function renderBlock(block: ReportBlock, images: Map<ReportBlock, Buffer>): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [heading(block.level, block.text)];
    case 'paragraph':
      return [bodyParagraph(block.text)];
    case 'note':
      return [small(block.text)];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'chart': {
      const size = block.size ?? DEFAULT_CHART_SIZE;
      const png = images.get(block) as Buffer;
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true, // the caption stays with its chart
          spacing: { line: 240, lineRule: LineRuleType.AUTO },
          children: [
            new ImageRun({
              type: 'png',
              data: png,
              transformation: {
                width: TEXT_WIDTH_PX,
                height: Math.round((TEXT_WIDTH_PX * size.height) / size.width),
              },
              altText: { title: block.caption, description: block.caption, name: block.caption },
            }),
          ],
        }),
        caption(block.caption),
      ];
    }
    case 'table':
      return [caption(block.caption), table(block), ...(block.note ? [small(block.note)] : [])];
  }
}

function heading(level: 1 | 2 | 3, text: string): Paragraph {
  const run: IRunOptions =
    level === 1
      ? { text, font: font(FONTS.heading1), size: SIZES.body }
      : level === 2
        ? { text, font: font(FONTS.heading2), size: SIZES.body }
        : { text, font: font(FONTS.body), size: SIZES.body, bold: true };
  return new Paragraph({ indent: { firstLine: 640 }, keepNext: true, children: [new TextRun(run)] });
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text })],
  });
}

function small(text: string): Paragraph {
  return new Paragraph({
    spacing: { line: 360, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, size: SIZES.note })],
  });
}

function caption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120, line: 400, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: font(FONTS.heading1), size: SIZES.table })],
  });
}

function table(block: Extract<ReportBlock, { kind: 'table' }>): Table {
  const size = block.compact ? SIZES.compactTable : SIZES.table;
  const total = convertMillimetersToTwip(TEXT_WIDTH_MM);
  const weights = block.widths ?? block.headers.map(() => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  // Borders and cell margins are set once on the table (not per cell): the yearbook has thousands of cells.
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          // Numbers and short words centred; sentences (an alert's reason) read from the left.
          alignment: header || (i > 0 && text.length <= 12) ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: Math.round(size * 14), lineRule: LineRuleType.AT_LEAST },
          children: [new TextRun({ text, size, ...(header ? { font: font(FONTS.heading1) } : {}) })],
        }),
      ],
    });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.headers.map((h, i) => cell(h, i, true)),
      }),
      ...block.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: block.headers.map((_, i) => cell(row[i] ?? '', i, false)),
          }),
      ),
    ],
  });
}

const FONT_TABLE_NAMESPACES =
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/**
 * The font table: the fonts the document uses, with 宋体 declared as the alternative (w:altName) of the
 * 小标宋 title font, so that Word shows a 宋体 title where 方正小标宋简体 is not installed.
 */
export function fontTableXml(): string {
  const font = (name: string, family: 'roman' | 'swiss' | 'modern', altName?: string) =>
    `<w:font w:name="${name}">${altName ? `<w:altName w:val="${altName}"/>` : ''}` +
    `<w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts ${FONT_TABLE_NAMESPACES}>` +
    font(FONTS.title, 'roman', FONTS.titleFallback) +
    font('宋体', 'roman') +
    font(FONTS.body, 'modern') +
    font(FONTS.heading1, 'swiss') +
    font(FONTS.heading2, 'modern') +
    `<w:font w:name="${FONTS.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
    `</w:fonts>`
  );
}
