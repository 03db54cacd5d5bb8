import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from '../../test/support/make-docx.js';
import { makePdf } from '../../test/support/make-pdf.js';
import { isHalfskyError, type ErrorCode } from '../domain/errors.js';
import { readDocument } from './read-document.js';

const MB = 1024 * 1024;
const options = { maxBytes: 20 * MB };
const PLAN_TEXT =
  '安庆市妇女发展纲要（2021-2030年）\n\n（一）妇女与健康\n\n1.孕产妇死亡率控制在12/10万以下。\n';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'halfsky-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isHalfskyError(error) ? error.code : error).toBe(code);
}

describe('readDocument: plain text', () => {
  it('reads UTF-8 text as it is', async () => {
    expect(await readDocument(await file('plan.txt', PLAN_TEXT), options)).toEqual({
      format: 'txt',
      text: PLAN_TEXT,
    });
  });

  it('strips a UTF-8 BOM and normalises CRLF line ends', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(PLAN_TEXT.replace(/\n/g, '\r\n')),
    ]);
    expect((await readDocument(await file('bom.md', bytes), options)).text).toBe(PLAN_TEXT);
  });

  it('reports markdown as md', async () => {
    expect((await readDocument(await file('plan.md', PLAN_TEXT), options)).format).toBe('md');
  });

  it('decodes UTF-16 with a BOM (LE and BE)', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN_TEXT, 'utf16le')]);
    expect((await readDocument(await file('le.txt', le), options)).text).toBe(PLAN_TEXT);
    const be = Buffer.from(le);
    be.swap16();
    expect((await readDocument(await file('be.txt', be), options)).text).toBe(PLAN_TEXT);
  });

  it('decodes UTF-16LE without a BOM when the text is mostly ASCII', async () => {
    const text = 'Goal 1: maternal mortality below 12 per 100000 by 2030 妇女\n';
    expect((await readDocument(await file('nobom.txt', Buffer.from(text, 'utf16le')), options)).text).toBe(
      text,
    );
  });

  it('falls back to GB18030 (GBK) when the bytes are not UTF-8', async () => {
    // "妇女与健康 孕产妇死亡率" encoded in GBK.
    const gbk = Buffer.from('b8bec5aed3ebbda1bfb520d4d0b2fab8becbc0cdf6c2ca0a', 'hex');
    expect((await readDocument(await file('gbk.txt', gbk), options)).text).toBe('妇女与健康 孕产妇死亡率\n');
  });

  it('rejects binary content disguised as .txt', async () => {
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919) % 256;
    await expectCode(readDocument(await file('random.txt', random), options), 'BINARY_FILE');
    await expectCode(readDocument(await file('pdf-as.txt', makePdf([['x']])), options), 'BINARY_FILE');
    await expectCode(readDocument(await file('docx-as.txt', await makeDocx(['x'])), options), 'BINARY_FILE');
  });

  it('rejects an empty file and a file of only whitespace', async () => {
    await expectCode(readDocument(await file('empty.txt', ''), options), 'EMPTY_FILE');
    await expectCode(readDocument(await file('blank.txt', '\n \n\t\n'), options), 'EMPTY_FILE');
  });
});

describe('readDocument: checks before reading', () => {
  it('rejects an unsupported extension without touching the file', async () => {
    await expectCode(readDocument(join(dir, 'missing.doc'), options), 'UNSUPPORTED_EXTENSION');
    await expectCode(readDocument(await file('noext', PLAN_TEXT), options), 'UNSUPPORTED_EXTENSION');
  });

  it('rejects a missing file and a directory', async () => {
    await expectCode(readDocument(join(dir, 'missing.txt'), options), 'FILE_NOT_FOUND');
    await mkdir(join(dir, 'folder.txt'));
    await expectCode(readDocument(join(dir, 'folder.txt'), options), 'NOT_A_FILE');
  });

  it('rejects a 50 MB file quickly, from its size alone', async () => {
    const path = await file('huge.txt', '');
    await truncate(path, 50 * MB);
    const started = performance.now();
    await expectCode(readDocument(path, options), 'FILE_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('applies the configured limit', async () => {
    const path = await file('small.txt', 'x'.repeat(2 * MB));
    await expectCode(readDocument(path, { maxBytes: MB }), 'FILE_TOO_LARGE');
    expect((await readDocument(path, { maxBytes: 3 * MB })).text).toHaveLength(2 * MB);
  });
});

describe('readDocument: .docx', () => {
  it('keeps paragraphs and Word auto-numbering', async () => {
    const bytes = await makeDocx([
      '安庆市妇女发展纲要（2021-2030年）',
      { numbered: 'chinese', text: '妇女与健康' },
      '主要目标：',
      { numbered: 'decimal', text: '孕产妇死亡率控制在12/10万以下。' },
      { numbered: 'decimal', text: '宫颈癌和乳腺癌防治知识知晓率达到90%以上。' },
      { numbered: 'decimal', text: '细分项。', level: 1 },
      { numbered: 'decimal', text: '妇女人均预期寿命延长。' },
      { numbered: 'chinese', text: '妇女与教育' },
      {
        table: [
          ['指标', '2030年目标'],
          ['孕产妇死亡率', '12/10万'],
        ],
      },
    ]);
    const { format, text } = await readDocument(await file('plan.docx', bytes), options);
    expect(format).toBe('docx');
    expect(text.split('\n\n')).toEqual([
      '安庆市妇女发展纲要（2021-2030年）',
      '（一） 妇女与健康',
      '主要目标：',
      '1. 孕产妇死亡率控制在12/10万以下。',
      '2. 宫颈癌和乳腺癌防治知识知晓率达到90%以上。',
      '（1） 细分项。',
      '3. 妇女人均预期寿命延长。',
      '（二） 妇女与教育',
      '指标',
      '2030年目标',
      '孕产妇死亡率',
      '12/10万',
    ]);
  });

  it('rejects a corrupt .docx', async () => {
    const bytes = await makeDocx(['text']);
    await expectCode(
      readDocument(await file('cut.docx', bytes.subarray(0, 200)), options),
      'CORRUPT_DOCUMENT',
    );
    await expectCode(readDocument(await file('text.docx', PLAN_TEXT), options), 'CORRUPT_DOCUMENT');
  });

  it('rejects a .docx without text', async () => {
    await expectCode(
      readDocument(await file('blank.docx', await makeDocx([''])), options),
      'DOCUMENT_HAS_NO_TEXT',
    );
  });
});

describe('readDocument: .pdf', () => {
  it('extracts the text page by page', async () => {
    const bytes = makePdf([
      ['Women Development Plan (2021-2030)', 'Goal 1. Maternal mortality below 12 per 100000.'],
      ['Goal 2. Literacy rate (above 95%).'],
    ]);
    const { format, text } = await readDocument(await file('plan.pdf', bytes), options);
    expect(format).toBe('pdf');
    expect(text).toBe(
      'Women Development Plan (2021-2030)\nGoal 1. Maternal mortality below 12 per 100000.\nGoal 2. Literacy rate (above 95%).',
    );
  });

  it('rejects a corrupt .pdf', async () => {
    await expectCode(
      readDocument(await file('cut.pdf', makePdf([['x']]).subarray(0, 40)), options),
      'CORRUPT_DOCUMENT',
    );
    await expectCode(readDocument(await file('text.pdf', PLAN_TEXT), options), 'CORRUPT_DOCUMENT');
  });

  it('rejects a .pdf without a text layer', async () => {
    await expectCode(readDocument(await file('blank.pdf', makePdf([[]])), options), 'DOCUMENT_HAS_NO_TEXT');
  });
});
