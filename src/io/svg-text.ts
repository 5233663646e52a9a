/**
 * Text for the SVG export: XML escaping and width estimates. There is no DOM to measure
 * text in Node, so widths come from a per-character table that errs on the wide side
 * (bold DejaVu Sans, the widest common fallback, still fits), and lines are cut to it.
 */

/** Removes what XML 1.0 forbids (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF), then escapes & < > " '. */
export function escapeXml(text: string): string {
  const clean = stripForbidden(text);
  return /[&<>"']/.test(clean) ? clean.replace(/[&<>"']/g, escapeChar) : clean;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeChar = (c: string): string => ENTITIES[c] ?? '';

/** The text without the characters XML 1.0 does not allow; the same string when there are none (the usual case). */
export function stripForbidden(text: string): string {
  let i = 0;
  for (; i < text.length; i++) if (forbiddenAt(text, i)) break;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    if (forbiddenAt(text, i)) continue;
    const c = text.charCodeAt(i);
    // A valid pair is copied whole, so the low half is not looked at alone.
    if (c >= 0xd800 && c <= 0xdbff) out += text[i]! + text[++i]!;
    else out += text[i]!;
  }
  return out;
}

function forbiddenAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0d;
  if (c < 0xd800) return false;
  if (c <= 0xdbff) {
    const next = text.charCodeAt(i + 1); // NaN past the end
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (c <= 0xdfff) {
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    // A low half is fine only right after a high half that is itself paired with it.
    return !(prev >= 0xd800 && prev <= 0xdbff);
  }
  return c === 0xfffe || c === 0xffff;
}

/** Display text: forbidden characters removed, runs of whitespace (tabs, newlines) as one space, trimmed. */
export function displayText(text: string): string {
  const clean = stripForbidden(text);
  // Most strings have single spaces only: test before rewriting.
  return /\s\s|[^\S ]|^ | $/.test(clean) ? clean.replace(/\s+/g, ' ').trim() : clean;
}

// Advance widths in em of ASCII characters, rounded up from bold DejaVu Sans / Segoe UI Semibold.
const ASCII_EM = new Float64Array(128);
for (let c = 32; c < 127; c++) ASCII_EM[c] = 0.62;
const setEm = (chars: string, em: number): void => {
  for (const ch of chars) ASCII_EM[ch.charCodeAt(0)] = em;
};
setEm(' ', 0.32);
setEm("ijlI!.,:;'|`", 0.36);
setEm('frt()[]{}"/\\-', 0.48);
setEm('0123456789', 0.64);
setEm('ABCDEFGHJKLNOPQRSTUVXYZ', 0.78);
setEm('mw', 0.98);
setEm('MW@%&', 1.05);

/** Whether a code point is drawn about 1 em wide: CJK, kana, Hangul, full-width forms. */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Estimated advance of one code point in em (regular weight). */
export function charEm(cp: number): number {
  if (cp < 128) return ASCII_EM[cp]!;
  // Combining marks, zero-width characters and variation selectors take no room.
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (isWide(cp)) return 1;
  if (cp >= 0x2000 && cp <= 0x2bff) return 1; // punctuation (— …), arrows, symbols
  if (cp >= 0x1f000) return 1.3; // emoji and other astral symbols
  return 0.8; // accented Latin, Greek, Cyrillic and the rest
}

/** How much wider bold (600–700) text is than regular. */
const BOLD = 1.1;

/** Estimated width in px of a text at a font size. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (let k = 0; k < text.length; k++) {
    const cp = text.codePointAt(k)!;
    em += charEm(cp);
    if (cp > 0xffff) k++;
  }
  return em * fontSize * (bold ? BOLD : 1);
}

const ELLIPSIS = '…';

/**
 * Cuts display text into at most `maxLines` lines of at most `maxWidth` px: breaks at
 * spaces and around CJK characters, inside a word only when the word alone is too long,
 * and ends the last line with an ellipsis when text is left over. It reads the text
 * once, stopping where the last line overflows.
 */
export function fitLines(text: string, maxWidth: number, fontSize: number, maxLines: number, bold = false): string[] {
  const scale = fontSize * (bold ? BOLD : 1);
  const n = text.length;
  const lines: string[] = [];
  let pos = 0;
  while (lines.length < maxLines) {
    while (pos < n && text.charCodeAt(pos) === 32) pos++;
    if (pos >= n) break;
    let width = 0;
    let k = pos;
    let breakAt = -1;
    let cp = 0;
    for (; k < n; k += cp > 0xffff ? 2 : 1) {
      cp = text.codePointAt(k)!;
      const w = charEm(cp) * scale;
      if (width + w > maxWidth) break;
      width += w;
      if (cp === 32) breakAt = k;
      else if (cp === 45 || cp === 47 || isWide(cp)) breakAt = k + (cp > 0xffff ? 2 : 1);
    }
    if (k >= n) {
      lines.push(text.slice(pos).trimEnd());
      break;
    }
    if (lines.length === maxLines - 1) {
      lines.push(`${text.slice(pos, fitEnd(text, pos, maxWidth - charEm(0x2026) * scale, scale)).trimEnd()}${ELLIPSIS}`);
      break;
    }
    // The character that did not fit may start a new line by itself (a space, a CJK character).
    if (cp === 32 || isWide(cp)) breakAt = k;
    const end = breakAt > pos ? breakAt : k > pos ? k : pos + (cp > 0xffff ? 2 : 1);
    lines.push(text.slice(pos, end).trimEnd());
    pos = end;
  }
  return lines;
}

/** Where text starting at `pos` stops fitting in `room` px. */
function fitEnd(text: string, pos: number, room: number, scale: number): number {
  let width = 0;
  let k = pos;
  while (k < text.length) {
    const cp = text.codePointAt(k)!;
    width += charEm(cp) * scale;
    if (width > room) break;
    k += cp > 0xffff ? 2 : 1;
  }
  return k;
}

/** One line of text cut to a width with an ellipsis. */
export function fitLine(text: string, maxWidth: number, fontSize: number, bold = false): string {
  return fitLines(text, maxWidth, fontSize, 1, bold)[0] ?? '';
}
