/**
 * Layout of Chinese official documents (GB/T 9704-2012 《党政机关公文格式》): A4, margins top 37 mm,
 * bottom 35 mm, left 28 mm, right 26 mm; title 2号 小标宋; body 3号 仿宋, 22 lines of 28 characters
 * (fixed line spacing 28.95 pt ≈ 579 twips); first-level headings 黑体, second-level 楷体; page numbers
 * 4号 "— 1 —" at the foot of the page.
 */
export const PAGE_MM = { width: 210, height: 297 } as const;
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** Font names as Word and WPS know them (LibreOffice substitutes a CJK font where they are missing). */
export const FONTS = {
  /** 小标宋: 方正小标宋简体 where installed, the reader's 宋体 otherwise (see the font table fallback). */
  title: '方正小标宋简体',
  titleFallback: '宋体',
  body: '仿宋',
  heading1: '黑体',
  heading2: '楷体',
  latin: 'Times New Roman',
} as const;

/** Sizes in half-points (docx): 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt, 五号 10.5 pt. */
export const SIZES = { title: 44, body: 32, pageNumber: 28, table: 24, compactTable: 21, note: 24 } as const;

/** Fixed line spacing of the body, in twips (28.95 pt). */
export const BODY_LINE_TWIPS = 579;

/** Text width in millimetres (A4 less the margins): 156 mm. */
export const TEXT_WIDTH_MM = PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right;
