import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { zh } from '../../web/src/i18n/zh.js';
import { en } from '../../web/src/i18n/en.js';
import { ensureWebBuilt } from './support/web-server.js';

const dist = join(import.meta.dirname, '..', '..', 'dist', 'web');
const webSrc = join(import.meta.dirname, '..', '..', 'web', 'src');

/** The scripts index.html loads at once: its module entry and the chunks it preloads. */
function initialScripts(): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
}

describe('the built web app', () => {
  beforeAll(() => ensureWebBuilt(), 300_000);

  it('loads at most 500 kB of gzipped JavaScript at first, the pages in their own chunks', () => {
    const initial = initialScripts();
    expect(initial.length).toBeGreaterThan(0);
    const gzipped = initial.reduce((n, file) => n + gzipSync(readFileSync(join(dist, file))).length, 0);
    expect(gzipped).toBeLessThanOrEqual(500 * 1024);
    const chunks = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    for (const page of [
      'overview-page',
      'indicator-page',
      'data-entry-page',
      'plan-browser-page',
      'ranking-page',
    ])
      expect(chunks.some((c) => c.startsWith(page))).toBe(true);
    // ECharts is never part of the first load.
    expect(initial.some((f) => f.includes('echarts'))).toBe(false);
  });
});

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('web i18n', () => {
  it('has every literal key the pages use, in Chinese and in English', () => {
    const keys = new Set<string>();
    for (const file of sources(webSrc))
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g))
        keys.add(m[1]!);
    expect(keys.size).toBeGreaterThan(100);
    const missing = [...keys].flatMap((k) => [
      ...(typeof lookup(zh, k) === 'string' ? [] : [`zh ${k}`]),
      ...(typeof lookup(en, k) === 'string' ? [] : [`en ${k}`]),
    ]);
    expect(missing).toEqual([]);
  });
});
