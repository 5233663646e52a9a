/** Saves text or a blob as a browser download. */

/**
 * The most bytes of UTF-8 a file name may have: ext4 and most Unix file systems count 255
 * bytes; NTFS and APFS count 255 UTF-16 units, never more than the UTF-8 bytes.
 */
const MAX_NAME_BYTES = 255;
/** The name when a document's name leaves nothing usable. */
const FALLBACK = 'organization';
/**
 * Characters replaced by "-": those Windows refuses in names (`\ / : * ? " < > |`), control
 * characters (C0, DEL, C1), and bidi embeddings, overrides and isolates, with which a
 * name is shown in another order than it is.
 */
// eslint-disable-next-line no-control-regex -- control characters are among those replaced
const REFUSED = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** Names Windows reserves for devices, whatever the case and whatever follows a first dot. */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[1-9¹²³]|lpt[1-9¹²³])$/i;
/** Appended to a reserved stem: "CON" → "CON_", "nul.backup" → "nul_.backup". */
const RESERVED_SUFFIX = '_';

const utf8 = new TextEncoder();
const byteLength = (text: string): number => utf8.encode(text).length;

/**
 * A file name from a document name that every common file system accepts: refused characters
 * become "-", the ends are trimmed of spaces and (at the end, for Windows) dots, the name is
 * cut to 255 bytes of UTF-8 with the extension on a grapheme boundary (an emoji with its
 * modifiers stays whole), and a name Windows reserves gets "_" after its stem.
 */
export function fileNameOf(name: string, extension: string): string {
  const tail = `.${extension}`;
  const budget = MAX_NAME_BYTES - byteLength(tail);
  let base = fit(name.replace(REFUSED, '-').trim(), budget) || FALLBACK;
  const dot = base.indexOf('.');
  const stem = dot === -1 ? base : base.slice(0, dot);
  // Windows ignores spaces before the dot too: "CON .txt" is the device.
  if (RESERVED.test(stem.trimEnd())) base = fit(`${stem.trimEnd()}${RESERVED_SUFFIX}${base.slice(stem.length)}`, budget);
  return `${base}${tail}`;
}

/** `text` cut to at most `budget` bytes of UTF-8 on a grapheme boundary, without trailing dots or spaces. */
function fit(text: string, budget: number): string {
  return (byteLength(text) <= budget ? text : cut(text, budget)).replace(/[.\s]+$/u, '');
}

function cut(text: string, budget: number): string {
  // Older browsers without Intl.Segmenter cut between code points, never inside a surrogate pair.
  const graphemes = typeof Intl.Segmenter === 'function' ? Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment) : undefined;
  const kept = takeWhileFits(graphemes ?? Array.from(text), budget);
  // A first grapheme over the whole budget (a letter under hundreds of accents): cut it between code points.
  return kept === '' && graphemes ? takeWhileFits(Array.from(text), budget) : kept;
}

/** The longest run of whole pieces from the start that fits in `budget` bytes. */
function takeWhileFits(pieces: readonly string[], budget: number): string {
  let kept = '';
  let bytes = 0;
  for (const piece of pieces) {
    bytes += byteLength(piece);
    if (bytes > budget) break;
    kept += piece;
  }
  return kept;
}

/** Starts a download of `content` under `fileName`. */
export function download(content: Blob | string, fileName: string, type = 'application/json'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
