import { describe, expect, it } from 'vitest';
import { formatCsv } from './format-csv.js';
import { parseCsv } from './parse-csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, and numbers records by their first line', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",z\n\n3,,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'two\nlines', 'z'] },
      { line: 6, fields: ['3', '', ''] },
    ]);
  });

  it('ignores a byte-order mark and a missing final line break', () => {
    expect(parseCsv('\ufeff指标,地区\n孕产妇死亡率,安庆市')).toEqual([
      { line: 1, fields: ['指标', '地区'] },
      { line: 2, fields: ['孕产妇死亡率', '安庆市'] },
    ]);
  });

  it('keeps a stray quote inside an unquoted field, text after a closing quote, CR line ends and a last empty field', () => {
    expect(parseCsv('a"b,"q"x,c\r1,\n"unclosed,2')).toEqual([
      { line: 1, fields: ['a"b', 'qx', 'c'] },
      { line: 2, fields: ['1', ''] },
      { line: 3, fields: ['unclosed,2'] },
    ]);
  });

  it('round-trips what formatCsv writes', () => {
    const rows = [
      ['indicator', 'comment'],
      ['health.maternal_mortality', '含 "流动人口", 不含意外\n第二行'],
      ['x', ' padded '],
    ];
    expect(parseCsv(formatCsv(rows)).map((r) => r.fields)).toEqual(rows);
  });
});
