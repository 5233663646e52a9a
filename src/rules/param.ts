/**
 * Rule parameters: each one a shape (what a document may set) with its default, declared
 * by the rule that owns it (define.ts), and the merge of a document's
 * `settings.rules[ID].params` over the defaults. The merge is driven by the shape, so
 * garbage (a string where an object is expected, a negative portfolio cap, an unknown
 * family) falls back to the default for that key instead of reaching a rule;
 * `__proto__`, `constructor` and `prototype` are never read.
 */

/** What a parameter may hold; `T` is the value type it describes. `obj` has fixed keys; `map` has keys from an enum, merged one by one. */
export type Shape<T = unknown> = ShapeNode & { readonly __type?: T };

type ShapeNode =
  | { readonly k: 'num'; readonly min?: number; readonly above?: number }
  | { readonly k: 'enum'; readonly of: readonly string[] }
  | { readonly k: 'list'; readonly of: ShapeNode }
  | { readonly k: 'range' }
  | { readonly k: 'obj'; readonly fields: Readonly<Record<string, ShapeNode>> }
  | { readonly k: 'map'; readonly keys: readonly string[]; readonly of: ShapeNode }
  | { readonly k: 'either'; readonly of: readonly ShapeNode[] };

export type Range = readonly [number, number];

/** A finite number, at least `min` and above `above` when given. */
export const num = (bounds: { readonly min?: number; readonly above?: number } = {}): Shape<number> => ({ k: 'num', ...bounds });
/** One of the strings of an enum. */
export const oneOf = <const E extends string>(of: readonly E[]): Shape<E> => ({ k: 'enum', of });
/** A list, each item of the shape (replaced whole). */
export const listOf = <T>(of: Shape<T>): Shape<readonly T[]> => ({ k: 'list', of });
/** [min, max], both ≥ 0, min ≤ max. */
export const range: Shape<Range> = { k: 'range' };
/** An object with fixed keys, merged key by key. */
export const obj = <F extends Record<string, Shape>>(fields: F): Shape<{ readonly [K in keyof F]?: F[K] extends Shape<infer T> ? T : never }> => ({ k: 'obj', fields });
/** An object with keys from an enum (each optional), merged key by key. */
export const mapOf = <K extends string, T>(keys: readonly K[], of: Shape<T>): Shape<Readonly<Partial<Record<K, T>>>> => ({ k: 'map', keys, of });
/** An object with every key of an enum, merged key by key over a default that has them all. */
export const recordOf = <K extends string, T>(keys: readonly K[], of: Shape<T>): Shape<Readonly<Record<K, T>>> => ({ k: 'map', keys, of });
/** Either of two shapes (the first that fits). */
export const either = <A, B>(a: Shape<A>, b: Shape<B>): Shape<A | B> => ({ k: 'either', of: [a, b] });

/** One parameter: its shape and its default (rules.md, "Default parameters"), declared together. */
export interface ParamSpec<T> {
  readonly shape: Shape<T>;
  readonly value: T;
}

/** A parameter declared by `shape` with its `value` by default. */
export function param<T>(shape: Shape<T>, value: NoInfer<T>): ParamSpec<T> {
  return { shape, value: deepFreeze(value) };
}

/**
 * The handle of one rule's parameter, by which another rule (or the rule context) reads
 * it: `ctx.param(SPAN_001.param.minSpan)`. A rule names the handles it reads in `reads`.
 */
export interface ParamHandle<T> {
  readonly rule: string;
  readonly key: string;
  readonly value: T;
}

export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const child of Object.values(v)) stack.push(child);
    }
  }
  return value;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(o: Record<string, unknown>, key: string): unknown {
  return !FORBIDDEN.has(key) && Object.hasOwn(o, key) ? o[key] : undefined;
}

/** Whether a leaf value fits its shape (objects and maps are merged, not checked here). */
function fits(v: unknown, s: ShapeNode): boolean {
  switch (s.k) {
    case 'num':
      return typeof v === 'number' && Number.isFinite(v) && (s.min === undefined || v >= s.min) && (s.above === undefined || v > s.above);
    case 'enum':
      return typeof v === 'string' && s.of.includes(v);
    case 'list':
      return Array.isArray(v) && v.every((x) => fits(x, s.of));
    case 'range':
      return Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0) && v[0] <= v[1];
    case 'either':
      return s.of.some((alt) => fits(v, alt));
    default:
      return false;
  }
}

/**
 * Merges `over` onto `base` for shape `s`: objects key by key (deeply), leaves replaced
 * when they fit the shape, else the default kept. `base` undefined means "no default"
 * (a new map entry): then an unfit value gives undefined and the key is left out.
 */
function merge(base: unknown, over: unknown, s: ShapeNode): unknown {
  if (over === undefined) return base;
  if (s.k === 'obj' || s.k === 'map') {
    if (!isRecord(over)) return base;
    const out: Record<string, unknown> = {};
    const baseRec = isRecord(base) ? base : {};
    const keys = s.k === 'obj' ? Object.keys(s.fields) : s.keys;
    for (const key of keys) {
      if (FORBIDDEN.has(key)) continue;
      const shape = s.k === 'obj' ? s.fields[key] : s.of;
      if (!shape) continue;
      const value = merge(own(baseRec, key), own(over, key), shape);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  return fits(over, s) ? over : base;
}

/** The values of a rule's parameters: the document's `params` merged over the defaults. Never throws. */
export function mergeParams(specs: Readonly<Record<string, ParamSpec<unknown>>>, defaults: Readonly<Record<string, unknown>>, over: unknown): Readonly<Record<string, unknown>> {
  if (!isRecord(over)) return defaults;
  try {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(specs)) out[key] = merge(defaults[key], own(over, key), specs[key]!.shape);
    return out;
  } catch {
    return defaults; // a hostile object (a throwing getter); JSON never gives one
  }
}
