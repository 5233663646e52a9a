import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileNameOf } from '../../src/ui/download.ts';

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('fileNameOf', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keeps an ordinary name and adds the extension', () => {
    expect(fileNameOf('China Account Management', 'json')).toBe('China Account Management.json');
    expect(fileNameOf('中国区客户管理', 'svg')).toBe('中国区客户管理.svg');
  });

  it('replaces characters Windows refuses, control characters and bidi controls by "-"', () => {
    expect(fileNameOf('a\\b/c:d*e?f"g<h>i|j', 'json')).toBe('a-b-c-d-e-f-g-h-i-j.json');
    expect(fileNameOf('Evil\u001b[2J\u0007\u007f\u009b\tx', 'png')).toBe('Evil-[2J----x.png');
    expect(fileNameOf('invoice\u202egpj\u2066\u2069', 'json')).toBe('invoice-gpj--.json');
  });

  it('trims spaces at both ends and dots at the end', () => {
    expect(fileNameOf('  Org. . ', 'json')).toBe('Org.json');
    expect(fileNameOf('Org...', 'json')).toBe('Org.json');
    expect(fileNameOf('.hidden', 'json')).toBe('.hidden.json');
  });

  it('falls back to "organization" when nothing is left', () => {
    expect(fileNameOf('', 'json')).toBe('organization.json');
    expect(fileNameOf('  ...  ', 'json')).toBe('organization.json');
  });

  it.each([
    ['CON', 'CON_.json'],
    ['con', 'con_.json'],
    ['Nul', 'Nul_.json'],
    ['prn', 'prn_.json'],
    ['AUX', 'AUX_.json'],
    ['COM1', 'COM1_.json'],
    ['lpt9', 'lpt9_.json'],
    ['COM¹', 'COM¹_.json'],
    ['CONOUT$', 'CONOUT$_.json'],
    ['con.txt', 'con_.txt.json'],
    ['CON .backup', 'CON_.backup.json'],
    ['nul.', 'nul_.json'],
  ])('gives a name Windows reserves a "_" after its stem: %s → %s', (name, expected) => {
    expect(fileNameOf(name, 'json')).toBe(expected);
  });

  it.each(['COM0', 'COM10', 'LPT', 'CONSOLE', 'console.txt', 'nul_', 'a.con', 'aux-1'])('leaves %s alone (not reserved)', (name) => {
    expect(fileNameOf(name, 'json')).toBe(`${name}.json`);
  });

  it('cuts a long name to 255 bytes of UTF-8 with the extension', () => {
    const ascii = fileNameOf('a'.repeat(300), 'json');
    expect(ascii).toBe(`${'a'.repeat(250)}.json`);
    expect(bytes(ascii)).toBe(255);
    // Three bytes a character: 250 bytes hold 83 of them.
    const cjk = fileNameOf('中'.repeat(200), 'json');
    expect(cjk).toBe(`${'中'.repeat(83)}.json`);
    expect(bytes(cjk)).toBeLessThanOrEqual(255);
  });

  it('never cuts inside a surrogate pair or an emoji with its modifiers', () => {
    // A person at work with a skin tone: 4 code points, 15 bytes, one grapheme.
    const worker = '🧑🏽‍💼';
    const name = fileNameOf(`${'a'.repeat(240)}${worker}${worker}`, 'json');
    expect(name).toBe(`${'a'.repeat(240)}.json`);
    const pairs = fileNameOf('😀'.repeat(100), 'png');
    expect(pairs).toBe(`${'😀'.repeat(62)}.png`);
    expect(pairs).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('without Intl.Segmenter, cuts between whole code points', () => {
    vi.stubGlobal('Intl', { ...Intl, Segmenter: undefined });
    const name = fileNameOf(`${'a'.repeat(240)}🧑🏽‍💼`, 'json');
    // 🧑 (4 bytes) and 🏽 (4 bytes) fit in the 250; the joiner (3) does not.
    expect(name).toBe(`${'a'.repeat(240)}🧑🏽.json`);
  });

  it('cuts one grapheme over the whole budget between code points', () => {
    const zalgo = `a${'\u0301'.repeat(300)}`;
    const name = fileNameOf(zalgo, 'json');
    expect(bytes(name)).toBeLessThanOrEqual(255);
    expect(name.startsWith('a\u0301')).toBe(true);
  });

  it('cuts before trimming, so the cut never leaves a trailing dot or space', () => {
    const name = fileNameOf(`${'a'.repeat(248)}. x`, 'json');
    expect(name).toBe(`${'a'.repeat(248)}.json`);
  });

  it('keeps a reserved stem with a long tail within 255 bytes', () => {
    const name = fileNameOf(`con.${'b'.repeat(300)}`, 'json');
    expect(name.startsWith('con_.bbb')).toBe(true);
    expect(bytes(name)).toBe(255);
  });
});
