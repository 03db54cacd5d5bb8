import type { EChartsOption } from 'echarts';

/**
 * What a report says, independent of the file format: the services build it from the data, the writers
 * (`render-docx.ts`, the yearbook workbook) lay it out. Takes data, never opens the database.
 */
export type ReportBlock =
  /** Level 1 "一、" (黑体), level 2 "（一）" (楷体), level 3 "1." (仿宋 bold); numbering is in the text. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  /** Small print: data notes, 口径, sources (仿宋 小四). */
  | { kind: 'note'; text: string }
  | {
      kind: 'table';
      caption: string;
      headers: readonly string[];
      rows: readonly (readonly string[])[];
      /** Relative column widths; default equal. */
      widths?: readonly number[];
      note?: string;
      /** Smaller type for wide tables (yearbook). */
      compact?: boolean;
    }
  | {
      kind: 'chart';
      caption: string;
      option: EChartsOption;
      /** Size in CSS pixels; default 800 × 420. */
      size?: { width: number; height: number };
    }
  | { kind: 'pageBreak' };

export interface ReportDocument {
  /** 标题 (小标宋, centred); may contain a line break "\n". */
  title: string;
  /** A line under the title, e.g. （2024年度） or the issuing body and date. */
  subtitle?: string;
  blocks: readonly ReportBlock[];
  /** Document properties. */
  creator?: string;
  description?: string;
}
