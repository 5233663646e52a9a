/**
 * Bytes of a file → text, the same way for the CLI and the browser's Import.
 * A byte-order mark chooses UTF-16 LE or BE (the mark is dropped); anything else is UTF-8,
 * with or without its mark. Bytes that are not a character of that encoding are refused
 * with one line naming the encoding and where the first bad bytes are, rather than turned
 * silently into U+FFFD (a name would change without anyone noticing).
 */

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const ADVICE = 'Save it as UTF-8 (or UTF-16 with a byte-order mark).';

export function decodeText(bytes: Uint8Array): Decoded {
  // UTF-32's marks begin like UTF-16 LE's (FF FE 00 00) or with NULs; UTF-16 would read them as garbage.
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { ok: false, message: `The file is UTF-32 text, which is not read. ${ADVICE}` };
  }
  const encoding: Encoding = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : 'utf-8';
  try {
    // The decoder drops the byte-order mark of its own encoding (ignoreBOM is false by default).
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: describeError(bytes, encoding) };
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The one line for a file that does not decode: only on failure do we look for where. */
function describeError(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === 'utf-8') {
    const at = invalidUtf8At(bytes);
    return `The file is not UTF-8 text: the bytes at offset ${at} (${lineOf(bytes, at, 1)}) are not a UTF-8 character. ${ADVICE}`;
  }
  const name = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
  if (bytes.length % 2 === 1) return `The file starts with a ${name} byte-order mark but ends in the middle of a character (an odd number of bytes). ${ADVICE}`;
  const at = loneSurrogateAt(bytes, encoding === 'utf-16le');
  return `The file starts with a ${name} byte-order mark but is not UTF-16 text: the bytes at offset ${at} (${lineOf(bytes, at, 2, encoding === 'utf-16le')}) are half a character (an unpaired surrogate). ${ADVICE}`;
}

/** The offset of the first byte sequence that is not UTF-8 (the rules of the WHATWG decoder). */
function invalidUtf8At(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const x = b[i]!;
    if (x < 0x80) {
      i++;
      continue;
    }
    let need: number;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    let lo = 0x80;
    let hi = 0xbf;
    if (x >= 0xc2 && x <= 0xdf) need = 1;
    else if (x >= 0xe0 && x <= 0xef) {
      need = 2;
      if (x === 0xe0) lo = 0xa0;
      if (x === 0xed) hi = 0x9f;
    } else if (x >= 0xf0 && x <= 0xf4) {
      need = 3;
      if (x === 0xf0) lo = 0x90;
      if (x === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const y = b[i + k];
      if (y === undefined || y < lo || y > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return b.length;
}

/** The offset of the first unpaired surrogate of UTF-16 bytes (after the byte-order mark). */
function loneSurrogateAt(b: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number) => (littleEndian ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!);
  for (let i = 2; i + 1 < b.length; i += 2) {
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return i;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < b.length ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return b.length;
}

/** "line N" of a byte offset: line feeds before it, counted in units of `width` bytes. */
function lineOf(b: Uint8Array, offset: number, width: 1 | 2, littleEndian = true): string {
  let line = 1;
  for (let i = 0; i + width <= offset; i += width) {
    const isLineFeed = width === 1 ? b[i] === 0x0a : littleEndian ? b[i] === 0x0a && b[i + 1] === 0 : b[i] === 0 && b[i + 1] === 0x0a;
    if (isLineFeed) line++;
  }
  return `line ${line}`;
}
