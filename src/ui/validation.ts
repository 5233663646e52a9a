/**
 * What the inspector's fields accept, said for a person ("Level is 1 to 8", "Title has 1
 * to 120 characters", "Headcount is a whole number, at least 1") in the UI language. The
 * bounds come from the format's constants (src/schema/constants.ts), the same ones the
 * schema and the fast validator read, so no bound is written twice;
 * tests/unit/validation.test.ts holds each bound to what the schema accepts.
 */
import { CURRENCY_PATTERN, ID_PATTERN, MAX_LENGTH, MAX_LEVEL, MAX_PERCENT, MIN_LEVEL, withinLength } from '../schema/constants.ts';
import { translate, type Language } from './strings.ts';

/** What a field accepts. */
export type Bound =
  /** Text of `min` to `max` characters (code points, as the schema counts them). */
  | { readonly kind: 'text'; readonly min: number; readonly max: number }
  /** A whole number of at least `min` (and at most `max`). */
  | { readonly kind: 'whole'; readonly min: number; readonly max?: number }
  /** A number of at least `min` (and at most `max`). */
  | { readonly kind: 'number'; readonly min: number; readonly max?: number }
  /** An id of the format (ID_PATTERN). */
  | { readonly kind: 'id' }
  /** An ISO 4217 code (CURRENCY_PATTERN). */
  | { readonly kind: 'currency' };

/** The most characters of an id: the first one and the repeat count of ID_PATTERN (`{0,63}`). */
export const MAX_ID_LENGTH = 1 + Number(/\{0,(\d+)\}/.exec(ID_PATTERN.source)?.[1] ?? 63);

/** The least headcount of a role (format.md: an integer ≥ 1; the schema writes `min(1)`). */
export const MIN_HEADCOUNT = 1;

const text = (min: number, max: number): Bound => ({ kind: 'text', min, max });
const whole = (min: number, max?: number): Bound => (max === undefined ? { kind: 'whole', min } : { kind: 'whole', min, max });
const number = (min: number, max?: number): Bound => (max === undefined ? { kind: 'number', min } : { kind: 'number', min, max });
const ID: Bound = { kind: 'id' };

/** The bound of each field the inspector edits. */
export const BOUNDS = {
  documentName: text(1, MAX_LENGTH.name),
  description: text(0, MAX_LENGTH.description),
  period: text(0, MAX_LENGTH.period),
  currency: { kind: 'currency' },
  title: text(1, MAX_LENGTH.title),
  titleZh: text(0, MAX_LENGTH.title),
  level: whole(MIN_LEVEL, MAX_LEVEL),
  headcount: whole(MIN_HEADCOUNT),
  vacancies: whole(0),
  holderName: text(0, MAX_LENGTH.holderName),
  years: number(0),
  salary: number(0),
  bonusPct: number(0, MAX_PERCENT),
  revenueTarget: number(0),
  accountCount: whole(0),
  budgetId: ID,
  budgetAmount: number(0),
  limitPercent: number(0, MAX_PERCENT),
  limitAmount: number(0),
  reason: text(1, MAX_LENGTH.reason),
} as const satisfies Record<string, Bound>;

/** Whether a value meets a bound: text for text bounds, a number (NaN when not one) for numbers. */
export function meets(bound: Bound, value: string | number): boolean {
  switch (bound.kind) {
    case 'text':
      return typeof value === 'string' && withinLength(value, bound.max) && (bound.min === 0 || !withinLength(value, bound.min - 1));
    case 'id':
      return typeof value === 'string' && ID_PATTERN.test(value);
    case 'currency':
      return typeof value === 'string' && CURRENCY_PATTERN.test(value);
    case 'whole':
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (bound.kind === 'number' || Number.isInteger(value)) &&
        value >= bound.min &&
        (bound.max === undefined || value <= bound.max)
      );
  }
}

/**
 * What the field accepts, said for a person: "Level is 1 to 8". `field` is the field's
 * name as its label shows it. `value`, when given, picks the words that fit what was typed
 * (a fraction in a whole-number field is told "a whole number").
 */
export function boundMessage(bound: Bound, field: string, language: Language, value?: string | number): string {
  const n = (x: number) => formatCount(x, language);
  switch (bound.kind) {
    case 'text':
      return bound.min > 0 ? translate(language, 'valTextRange', { field, min: n(bound.min), max: n(bound.max) }) : translate(language, 'valTextMax', { field, max: n(bound.max) });
    case 'id':
      return translate(language, 'valId', { field, max: n(MAX_ID_LENGTH) });
    case 'currency':
      return translate(language, 'valCurrency', { field });
    case 'whole':
      if (bound.max === undefined) return translate(language, 'valWholeMin', { field, min: n(bound.min) });
      // A whole number out of range is told the range; anything else also that it is whole.
      return typeof value === 'number' && Number.isInteger(value)
        ? translate(language, 'valRange', { field, min: n(bound.min), max: n(bound.max) })
        : translate(language, 'valWholeRange', { field, min: n(bound.min), max: n(bound.max) });
    case 'number':
      return bound.max === undefined ? translate(language, 'valNumberMin', { field, min: n(bound.min) }) : translate(language, 'valRange', { field, min: n(bound.min), max: n(bound.max) });
  }
}

/** The message for a value that misses its bound, or null when it meets it. */
export function checkBound(bound: Bound, field: string, language: Language, value: string | number): string | null {
  return meets(bound, value) ? null : boundMessage(bound, field, language, value);
}

const counts = new Map<Language, Intl.NumberFormat>();

/** A bound as the language writes a count (5,000). */
function formatCount(x: number, language: Language): string {
  let f = counts.get(language);
  if (!f) counts.set(language, (f = new Intl.NumberFormat(language === 'zh-CN' ? 'zh-CN' : 'en-US')));
  return f.format(x);
}
