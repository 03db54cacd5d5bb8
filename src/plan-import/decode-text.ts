/**
 * Decodes the bytes of a plain-text document: UTF-8 (with or without BOM), UTF-16 (BOM, or detected from
 * the pattern of zero bytes) and, when the bytes are not valid UTF-8, GB18030 (a superset of GBK/GB2312,
 * still common for Chinese government documents). Returns null when the bytes are not text.
 */
export function decodeText(bytes: Uint8Array): string | null {
  if (hasBinarySignature(bytes)) return null;
  const text = decodeByEncoding(bytes);
  if (text === null || !looksLikeText(text)) return null;
  return text.replace(/\r\n?/g, '\n');
}

function decodeByEncoding(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decode('utf-8', bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return decode('utf-16le', bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return decode('utf-16be', bytes.subarray(2));
  if (startsWith(bytes, [0x84, 0x31, 0x95, 0x33])) return decode('gb18030', bytes.subarray(4));
  const utf16 = guessUtf16(bytes);
  if (utf16) return decode(utf16, bytes);
  return decode('utf-8', bytes) ?? decode('gb18030', bytes);
}

function decode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a BOM: ASCII characters leave a zero byte in every other position. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs > 0.3 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.3 && oddZeros / pairs < 0.05) return 'utf-16be';
  return null;
}

/** Signatures of binary formats that are often renamed to .txt (PDF, zip/docx, OLE .doc, images, ELF). */
const BINARY_SIGNATURES: number[][] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x50, 0x4b, 0x03, 0x04], // PK.. zip, docx, xlsx
  [0xd0, 0xcf, 0x11, 0xe0], // OLE2: .doc, .xls
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x1f, 0x8b], // gzip
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
];

function hasBinarySignature(bytes: Uint8Array): boolean {
  return BINARY_SIGNATURES.some((signature) => startsWith(bytes, signature));
}

/** Text has no NUL and (almost) no other control characters or replacement characters. */
function looksLikeText(text: string): boolean {
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return false;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) {
      suspicious++;
    }
  }
  return suspicious <= Math.max(2, text.length * 0.001);
}
