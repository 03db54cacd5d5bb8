import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { HalfskyError } from '../domain/errors.js';
import type { DocumentFormat, PlanSource } from '../domain/plan-source.js';
import { decodeText } from './decode-text.js';

const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

export const SUPPORTED_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION);

export interface ReadDocumentOptions {
  /** Files larger than this are rejected before they are read. */
  maxBytes: number;
}

/**
 * Reads a plan document (.txt, .md, .docx, .pdf) into plain text. Every expected failure is a HalfskyError:
 * FILE_NOT_FOUND, NOT_A_FILE, UNSUPPORTED_EXTENSION, FILE_TOO_LARGE, EMPTY_FILE, BINARY_FILE,
 * CORRUPT_DOCUMENT, DOCUMENT_HAS_NO_TEXT.
 */
export async function readDocument(path: string, options: ReadDocumentOptions): Promise<PlanSource> {
  const extension = extname(path).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (!format) {
    throw new HalfskyError('UNSUPPORTED_EXTENSION', {
      path,
      extension,
      supported: '.txt .md .docx .pdf',
    });
  }
  const size = await fileSize(path);
  if (size > options.maxBytes) {
    throw new HalfskyError('FILE_TOO_LARGE', {
      path,
      sizeMb: Math.round((size / 1024 / 1024) * 10) / 10,
      maxMb: Math.round((options.maxBytes / 1024 / 1024) * 10) / 10,
    });
  }
  if (size === 0) throw new HalfskyError('EMPTY_FILE', { path });

  const bytes = await readFile(path);
  const text = await extractText(path, format, bytes);
  if (!text.trim()) {
    throw new HalfskyError(format === 'txt' || format === 'md' ? 'EMPTY_FILE' : 'DOCUMENT_HAS_NO_TEXT', {
      path,
    });
  }
  return { format, text };
}

async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new HalfskyError('NOT_A_FILE', { path });
    return info.size;
  } catch (error) {
    if (error instanceof HalfskyError) throw error;
    throw new HalfskyError('FILE_NOT_FOUND', { path }, { cause: error });
  }
}

async function extractText(path: string, format: DocumentFormat, bytes: Uint8Array): Promise<string> {
  if (format === 'txt' || format === 'md') {
    const text = decodeText(bytes);
    if (text === null) throw new HalfskyError('BINARY_FILE', { path });
    return text;
  }
  try {
    if (format === 'docx') {
      const { readDocx } = await import('./read-docx.js');
      return await readDocx(bytes);
    }
    const { readPdf } = await import('./read-pdf.js');
    return await readPdf(bytes);
  } catch (error) {
    throw new HalfskyError('CORRUPT_DOCUMENT', { path, format: `.${format}` }, { cause: error });
  }
}
