/**
 * Bytes of a spreadsheet's text export → text, and which encoding it was.
 * A byte-order mark (UTF-8, UTF-16 LE/BE) decides as in io/decode.ts, which reads org
 * documents; without one, bytes that are UTF-8 are UTF-8, and anything else is read as
 * GB18030 (a superset of GBK and GB2312), what Excel on a Chinese Windows writes for
 * "CSV". UTF-16 without a mark (every other byte NUL for Latin text) is recognized too.
 */
import { decodeText } from '../io/decode.ts';
import { messagesIn, type Messages } from './messages.ts';

export type DecodedTable =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly message: string };

export function decodeTableText(bytes: Uint8Array, say: Messages = messagesIn('en')): DecodedTable {
  const marked = bomEncoding(bytes);
  if (marked) {
    // decodeText reads the marks, refuses UTF-32 and names the first bad bytes.
    const decoded = decodeText(bytes);
    return decoded.ok ? { ok: true, text: decoded.text, encoding: marked } : { ok: false, message: say.badMarkedText({ encoding: marked, detail: decoded.message }) };
  }
  const unmarked = unmarkedUtf16(bytes);
  if (unmarked) {
    try {
      return { ok: true, text: new TextDecoder(unmarked, { fatal: true }).decode(bytes), encoding: unmarked };
    } catch {
      // Not UTF-16 after all: fall through to UTF-8 / GB18030.
    }
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: the usual other encoding of a spreadsheet's CSV in China.
  }
  try {
    return { ok: true, text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    return { ok: false, message: say.notText() };
  }
}

function bomEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return 'utf-32';
  return undefined;
}

/** UTF-16 without a mark: in the first bytes, NULs at odd offsets only (LE) or even offsets only (BE), and many of them. */
function unmarkedUtf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(b.length, 1024) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (b[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const units = n / 2;
  if (odd >= units * 0.3 && even === 0) return 'utf-16le';
  if (even >= units * 0.3 && odd === 0) return 'utf-16be';
  return undefined;
}
