/**
 * Text from a document (or the command line) on its way to a terminal. A name may hold an
 * escape sequence that recolours, retitles or clears the terminal, a line break that forges
 * an output line, or a bidi override that shows text in another order than it is (Trojan
 * Source): each such character is printed as a visible `\uXXXX` instead.
 */

/** DEL, C1 controls, line and paragraph separators, bidi embeddings, overrides and isolates. */
const UNSAFE_ABOVE_C0 = '\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
/** The same and the C0 controls (line feed and tab included). */
const UNSAFE = new RegExp(`[\\u0000-\\u001f${UNSAFE_ABOVE_C0}]`, 'g');
/** In JSON text the C0 controls outside strings are its own layout; JSON.stringify escapes those inside. */
const UNSAFE_IN_JSON = new RegExp(`[${UNSAFE_ABOVE_C0}]`, 'g');

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every character a terminal would act on written as `\uXXXX`; for one line of human output. */
export function visible(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * JSON text with no raw control character: JSON.stringify escapes C0 controls but writes
 * DEL, C1 controls, U+2028/2029 and bidi controls as they are. Those can occur only inside
 * strings, where `\uXXXX` is the same value, so the result parses to the same data.
 */
export function visibleJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, escape);
}
