import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/io/decode.ts';

const text = '{"name":"中国区 Müller 🧑🏽‍💼"}\n';
const bom = (bytes: Uint8Array, mark: number[]) => new Uint8Array([...mark, ...bytes]);
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le').swap16());
const utf8 = (s: string) => new TextEncoder().encode(s);

const refusal = (bytes: Uint8Array): string => {
  const result = decodeText(bytes);
  if (result.ok) throw new Error(`decoded: ${result.text}`);
  expect(result.message).not.toContain('\n');
  return result.message;
};

describe('decodeText', () => {
  it('reads UTF-8, with or without its byte-order mark (dropped)', () => {
    expect(decodeText(utf8(text))).toEqual({ ok: true, text });
    expect(decodeText(bom(utf8(text), [0xef, 0xbb, 0xbf]))).toEqual({ ok: true, text });
  });

  it('reads UTF-16 LE and BE by their byte-order mark (dropped)', () => {
    expect(decodeText(bom(utf16le(text), [0xff, 0xfe]))).toEqual({ ok: true, text });
    expect(decodeText(bom(utf16be(text), [0xfe, 0xff]))).toEqual({ ok: true, text });
  });

  it('reads empty input as empty text', () => {
    expect(decodeText(new Uint8Array())).toEqual({ ok: true, text: '' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ ok: true, text: '' });
  });

  it('keeps a U+FEFF that is not at the start', () => {
    expect(decodeText(utf8('a\uFEFFb'))).toEqual({ ok: true, text: 'a\uFEFFb' });
  });

  it('refuses bytes that are not UTF-8, naming the offset and line of the first', () => {
    expect(refusal(new Uint8Array([0x7b, 0x0a, 0x22, 0xfc, 0x22]))).toMatch(/not UTF-8 text: the bytes at offset 3 \(line 2\)/);
    // Overlong form, an encoded surrogate, a code point above U+10FFFF, a truncated sequence.
    expect(refusal(new Uint8Array([0x41, 0xc0, 0xaf]))).toMatch(/offset 1 \(line 1\)/);
    expect(refusal(new Uint8Array([0x41, 0x42, 0xed, 0xa0, 0x80]))).toMatch(/offset 2 /);
    expect(refusal(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toMatch(/offset 0 /);
    expect(refusal(new Uint8Array([...utf8('ok\n\n'), 0xe4, 0xb8]))).toMatch(/offset 4 \(line 3\)/);
    expect(refusal(new Uint8Array([0x80]))).toMatch(/Save it as UTF-8/);
  });

  it('refuses UTF-16 with an unpaired surrogate or an odd length', () => {
    const lone = bom(new Uint8Array([...utf16le('a\nb'), 0x00, 0xd8, ...utf16le('c')]), [0xff, 0xfe]);
    expect(refusal(lone)).toMatch(/UTF-16 LE .*offset 8 \(line 2\).*unpaired surrogate/);
    const loneLow = bom(new Uint8Array([...utf16be('ab'), 0xdc, 0x00]), [0xfe, 0xff]);
    expect(refusal(loneLow)).toMatch(/UTF-16 BE .*offset 6 \(line 1\)/);
    expect(refusal(bom(new Uint8Array([0x41, 0x00, 0x42]), [0xff, 0xfe]))).toMatch(/UTF-16 LE .*odd number of bytes/);
  });

  it('refuses UTF-32 rather than reading it as UTF-16', () => {
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x7b, 0, 0, 0]))).toMatch(/UTF-32/);
    expect(refusal(new Uint8Array([0x00, 0x00, 0xfe, 0xff, 0, 0, 0, 0x7b]))).toMatch(/UTF-32/);
  });
});
