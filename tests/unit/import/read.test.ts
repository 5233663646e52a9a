import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/import/index.ts';
import { MAX_FILE_BYTES } from '../../../src/schema/load.ts';
import { tableOf } from './helpers.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** UTF-16 bytes of a text, with its byte-order mark. */
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[2 + 2 * i] = littleEndian ? u & 0xff : u >> 8;
    out[3 + 2 * i] = littleEndian ? u >> 8 : u & 0xff;
  }
  return out;
}

/** GBK bytes, written by hand (from the GB2312 table): 工号 姓名 上级 李伟 张敏 客户经理. */
const GBK: Record<string, number[]> = {
  工: [0xb9, 0xa4], 号: [0xba, 0xc5], 姓: [0xd0, 0xd5], 名: [0xc3, 0xfb], 上: [0xc9, 0xcf], 级: [0xbc, 0xb6],
  李: [0xc0, 0xee], 伟: [0xce, 0xb0], 张: [0xd5, 0xc5], 敏: [0xc3, 0xf4], 客: [0xbf, 0xcd], 户: [0xbb, 0xa7], 经: [0xbe, 0xad], 理: [0xc0, 0xed],
};
const gbk = (text: string): Uint8Array => new Uint8Array([...text].flatMap((c) => GBK[c] ?? [c.charCodeAt(0)]));

describe('readTable', () => {
  it('detects the delimiter: comma, semicolon, tab, pipe', async () => {
    for (const d of [',', ';', '\t', '|']) {
      const table = await tableOf(`id${d}name${d}title\n1${d}Li Wei${d}Head\n2${d}Zhang Min${d}AM\n`);
      expect(table.delimiter).toBe(d);
      expect(table.headers).toEqual(['id', 'name', 'title']);
      expect(table.rows).toEqual([['1', 'Li Wei', 'Head'], ['2', 'Zhang Min', 'AM']]);
    }
  });

  it("reads Excel's sep= line and a .tsv as tab-separated", async () => {
    expect((await tableOf('sep=;\nid;name\n1;A,B\n')).rows).toEqual([['1', 'A,B']]);
    expect((await tableOf('id\tname\n1\tA,B;C\n', 'people.tsv')).rows).toEqual([['1', 'A,B;C']]);
  });

  it('reads quoted cells with delimiters, quotes and newlines inside', async () => {
    const table = await tableOf('id,name,title\n1,"Smith, John","Head of ""AM""\nChina"\n');
    expect(table.rows).toEqual([['1', 'Smith, John', 'Head of "AM"\nChina']]);
  });

  it('drops a UTF-8 byte-order mark, empty lines and trailing empty columns; pads short rows', async () => {
    const table = await tableOf(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id,name,\r\n\r\n1,A,\r\n2\r\n,,\r\n')]));
    expect(table.encoding).toBe('utf-8');
    expect(table.headers).toEqual(['id', 'name']);
    expect(table.rows).toEqual([['1', 'A'], ['2', '']]);
  });

  it('reads GBK (GB18030) bytes that are not UTF-8, and says so', async () => {
    const table = await tableOf(gbk('工号,姓名,上级\n1,李伟,\n2,张敏,1\n3,客户经理,2\n'));
    expect(table.encoding).toBe('gb18030');
    expect(table.headers).toEqual(['工号', '姓名', '上级']);
    expect(table.rows[1]).toEqual(['2', '张敏', '1']);
    expect(table.rows[2]![1]).toBe('客户经理');
  });

  it('reads UTF-16 LE and BE with a byte-order mark, and LE without one', async () => {
    const text = '工号\t姓名\n1\t李伟\n';
    for (const le of [true, false]) {
      const table = await tableOf(utf16(text, le));
      expect(table.encoding).toBe(le ? 'utf-16le' : 'utf-16be');
      expect(table.rows).toEqual([['1', '李伟']]);
    }
    const unmarked = await tableOf(utf16('id,name\n1,Li Wei\n', true).slice(2));
    expect(unmarked.encoding).toBe('utf-16le');
    expect(unmarked.rows).toEqual([['1', 'Li Wei']]);
  });

  it('refuses a file over the size limit, an empty file, unclosed quotes and .xls, with a message', async () => {
    const big = await readTable(new Uint8Array(MAX_FILE_BYTES + 1), 'big.csv');
    expect(big).toEqual({ ok: false, message: expect.stringContaining('larger than 20 MB') });
    expect(await readTable(new Uint8Array(0), 'empty.csv')).toEqual({ ok: false, message: expect.stringContaining('no rows') });
    expect(await readTable(utf8('id,name\n1,"A\n'), 'q.csv')).toEqual({ ok: false, message: expect.stringContaining('quotes') });
    expect(await readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls')).toEqual({ ok: false, message: expect.stringContaining('.xls') });
  });
});
