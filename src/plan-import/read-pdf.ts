/**
 * Extracts the text layer of a PDF, page by page, pages joined by a newline. A scanned PDF has no text
 * layer and gives an empty string. Throws on a file that is not a readable PDF.
 */
export async function readPdf(bytes: Uint8Array): Promise<string> {
  const { getDocumentProxy, extractText } = await import('unpdf');
  // pdf.js takes ownership of (and may detach) the buffer it is given, so hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    return text
      .map((page) => page.replace(/[ \t]+\n/g, '\n').trimEnd())
      .join('\n')
      .trim();
  } finally {
    await pdf.destroy();
  }
}
