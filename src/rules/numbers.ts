/**
 * Number helpers shared by the rules: the 9-decimal rounding of rules.md ("Numbers"),
 * so that 10 × 1.1 compares equal to 11, and plain number formatting for messages.
 */

/**
 * Rounds to 9 decimal places. Above 1e6 a double no longer holds 9 decimals
 * exactly, so there it rounds to 15 significant digits, which is the same
 * precision where it exists and removes float noise where it does not.
 */
export function round9(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (Math.abs(x) < 1e6) return Math.round(x * 1e9) / 1e9;
  return Number(x.toPrecision(15));
}

/**
 * Rounding moves a value by at most 5e-10, or 5e-15 of it above 1e6, so values further
 * apart than this keep their order and need no rounding (the common, fast case).
 */
const clearlyApart = (a: number, b: number): boolean => Math.abs(a - b) > 1e-8 + 1e-12 * Math.max(Math.abs(a), Math.abs(b));

/** a > b after rounding both to 9 decimals. */
export function gt(a: number, b: number): boolean {
  return clearlyApart(a, b) ? a > b : round9(a) > round9(b);
}

/** a < b after rounding both to 9 decimals. */
export function lt(a: number, b: number): boolean {
  return clearlyApart(a, b) ? a < b : round9(a) < round9(b);
}

/** a = b after rounding both to 9 decimals. */
export function eq9(a: number, b: number): boolean {
  return !clearlyApart(a, b) && round9(a) === round9(b);
}

/** ceil(x) of the rounded value, so that ceil(10 × 1.1) is 11, not 12. */
export function ceil9(x: number): number {
  return Math.ceil(round9(x));
}

/** A number for a message: thousands grouped, at most 2 decimals, locale-independent. */
export function fmt(x: number): string {
  if (Number.isInteger(x) && x > -1000 && x < 1000) return String(x);
  if (!Number.isFinite(x)) return String(x);
  const rounded = Math.round(x * 100) / 100;
  const negative = rounded < 0;
  const [whole = '0', frac] = Math.abs(rounded).toFixed(2).split('.');
  let grouped = '';
  for (let i = whole.length; i > 0; i -= 3) grouped = whole.slice(Math.max(0, i - 3), i) + (grouped ? ',' + grouped : '');
  const decimals = frac && frac !== '00' ? '.' + frac.replace(/0$/, '') : '';
  return (negative ? '-' : '') + grouped + decimals;
}

/** "1 role" / "3 roles". */
export function plural(count: number, one: string, many = one + 's'): string {
  return `${fmt(count)} ${count === 1 ? one : many}`;
}

/** A list of names for a message: "A", "A and B", "A, B and C", cut after `max` names. */
export function names(list: readonly string[], max = 5): string {
  if (list.length === 0) return '';
  const shown = list.slice(0, max);
  const rest = list.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${fmt(rest)} more`;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]!}`;
}
