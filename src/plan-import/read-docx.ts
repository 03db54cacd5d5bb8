import { inlineDocxNumbering } from './docx-numbering.js';

/**
 * Extracts the text of a .docx: one paragraph per line with a blank line between paragraphs (table cells
 * are paragraphs too), auto-numbering labels kept. Throws on a file that is not a readable .docx.
 */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  const [{ default: JSZip }, { default: mammoth }] = await Promise.all([import('jszip'), import('mammoth')]);
  const zip = await JSZip.loadAsync(bytes);
  const documentPath = await mainDocumentPath(zip);
  const documentXml = await zip.file(documentPath)?.async('string');
  if (documentXml === undefined) throw new Error(`missing ${documentPath}`);
  const numberingXml = (await zip.file('word/numbering.xml')?.async('string')) ?? null;
  const stylesXml = (await zip.file('word/styles.xml')?.async('string')) ?? null;
  zip.file(documentPath, inlineDocxNumbering(documentXml, numberingXml, stylesXml));
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  const { value } = await mammoth.extractRawText({ buffer });
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

type Zip = { file(path: string): { async(type: 'string'): Promise<string> } | null };

/** The officeDocument part named by _rels/.rels (almost always word/document.xml). */
async function mainDocumentPath(zip: Zip): Promise<string> {
  const rels = (await zip.file('_rels/.rels')?.async('string')) ?? '';
  for (const [relationship] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (!/Type="[^"]*\/officeDocument"/.test(relationship)) continue;
    const target = /Target="([^"]+)"/.exec(relationship)?.[1];
    if (target) return target.replace(/^\//, '');
  }
  return 'word/document.xml';
}
