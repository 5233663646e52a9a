/**
 * The fast validator (src/schema/fast.ts) against zod: for valid documents and for
 * mutations of them, `parseDocument` gives exactly what the zod path gives — the same
 * document (values, keys present, key order), the same notes, the same refusal.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/schema/parse.ts';
import { parseFast } from '../../src/schema/fast.ts';
import { serializeDocument } from '../../src/io/serialize.ts';
import { generateOrg } from '../../src/model/generate.ts';
import {
  AccountsSchema,
  BudgetSchema,
  DecisionRightSchema,
  DocumentSchema,
  DottedLineSchema,
  ExceptionSchema,
  HolderSchema,
  RequirementsSchema,
  RoleSchema,
  RuleSettingSchema,
  SalarySchema,
} from '../../src/schema/v1.ts';
import { arbDocumentJson, HOSTILE_KEYS } from '../helpers/arbitraries.ts';

type Json = unknown;
type Container = Record<string, Json> | Json[];

/**
 * Same result on both paths: Node's deep strict equality tells absent from undefined
 * keys, -0 from 0 and prototypes apart (`toStrictEqual` would also compare own
 * `constructor` keys — valid role ids — as types); `JSON.stringify` adds the key order.
 */
function expectSameAsZod(text: string): void {
  const result = parseDocument(text);
  const zod = parseDocument(text, { fastPath: false });
  if (!isDeepStrictEqual(result, zod)) expect(result).toStrictEqual(zod); // shows the difference
  expect(isDeepStrictEqual(result, zod)).toBe(true);
  expect(JSON.stringify(result)).toBe(JSON.stringify(zod));
}

// Numbers JSON.stringify cannot write, put into the text in place of these strings.
const SPECIAL_NUMBERS: Record<string, string> = { '§inf§': '1e999', '§-inf§': '-1e999', '§-0§': '-0' };
function toText(json: Json): string {
  let text = JSON.stringify(json);
  for (const [marker, literal] of Object.entries(SPECIAL_NUMBERS)) text = text.replaceAll(JSON.stringify(marker), literal);
  return text;
}

const FIELD_NAMES = [
  ...new Set(
    [DocumentSchema, RoleSchema, DottedLineSchema, HolderSchema, SalarySchema, AccountsSchema, BudgetSchema, DecisionRightSchema, RequirementsSchema, ExceptionSchema, RuleSettingSchema]
      .flatMap((schema) => Object.keys(schema.shape))
      .concat(['rules', 'positions', 'collapsed', 'direction', 'x', 'y', 'percent', 'amount']),
  ),
];
/** Values around every bound of format.md, of every type, and text that is long in UTF-16 units but not in code points. */
const ODD_VALUES: readonly Json[] = [
  ...[-1, 0, 1, 7, 8, 9, 99, 100, 100.5, 101, 0.5, 1.5, 2 ** 53, 2 ** 53 - 1, -(2 ** 53), 1e308, ...Object.keys(SPECIAL_NUMBERS)],
  ...['', 'x', 'x'.repeat(40), 'x'.repeat(41), 'x'.repeat(120), 'x'.repeat(121), 'x'.repeat(200), 'x'.repeat(201), 'x'.repeat(500), 'x'.repeat(501), 'x'.repeat(5000), 'x'.repeat(5001)],
  ...['😀'.repeat(60), '😀'.repeat(61), '😀'.repeat(100), '😀'.repeat(101), '中'.repeat(121), '\ud800', 'a\udc00b'],
  ...['head-am', 'am-lead', 'decide', 'partner', 'strategic', 'personnel', 'pricing-discount', 'team', 'info', 'TB', 'LR', 'zh-CN', 'CNY', 'cny', 'org-structure'],
  ...['a b', '-x', 'x'.repeat(64), 'x'.repeat(65), '__proto__', 'constructor', 'prototype', 'SPAN-001'],
  ...[null, true, false, [], {}, [1], ['zh', 'en'], { x: 1, y: 2 }, { percent: 5 }, { amount: 5 }, { percent: 101, amount: 5 }, { name: 'A' }, { id: 'r', title: 'R', level: 2 }],
];
const arbOddValue: fc.Arbitrary<Json> = fc.oneof(fc.constantFrom(...ODD_VALUES), fc.jsonValue({ maxDepth: 2 }));

type Mutation =
  | { op: 'set'; at: number; key: number; value: Json }
  | { op: 'delete'; at: number; key: number }
  | { op: 'add'; at: number; name: string; value: Json }
  | { op: 'edit'; at: number; key: number; how: number }
  | { op: 'reverse'; at: number }
  | { op: 'duplicate-id'; from: number; to: number };

const arbMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), key: fc.nat(), value: arbOddValue }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), key: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), name: fc.oneof(fc.constantFrom(...FIELD_NAMES, ...HOSTILE_KEYS, 'extra', 'zh-CN', 'x y'), fc.string({ maxLength: 6 })), value: arbOddValue }),
  fc.record({ op: fc.constant('edit' as const), at: fc.nat(), key: fc.nat(), how: fc.nat() }),
  fc.record({ op: fc.constant('reverse' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-id' as const), from: fc.nat(), to: fc.nat() }),
);

/** Every object and array in a JSON value, root first (iteratively). */
function containers(root: Json): Container[] {
  const out: Container[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    out.push(v as Container);
    stack.push(...Object.values(v));
  }
  return out;
}

/** One char off, or a number nudged: the near misses of enum values, ids and bounds. */
function edited(value: Json, how: number): Json {
  if (typeof value === 'number') return [value + 1, value - 1, -value, value + 0.5, value * 1e6][how % 5];
  if (typeof value !== 'string') return value;
  const i = value.length > 0 ? how % value.length : 0;
  return [value.slice(0, -1), `${value}x`, value.toUpperCase(), `${value.slice(0, i)}_${value.slice(i + 1)}`, ` ${value}`][how % 5];
}

/** The same keys and values in reverse order (zod's output has them in schema order). */
function reverseKeys(target: Container): void {
  if (Array.isArray(target)) return;
  const entries = Object.entries(target).reverse();
  for (const [key] of entries) delete target[key];
  for (const [key, value] of entries) Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

function apply(root: Json, m: Mutation): void {
  if (m.op === 'duplicate-id') {
    const roles = (root as { roles?: Json }).roles;
    if (!Array.isArray(roles) || roles.length < 2) return;
    const from = roles[m.from % roles.length] as Record<string, Json>;
    const to = roles[m.to % roles.length] as Record<string, Json>;
    if (typeof to === 'object' && to !== null && typeof from === 'object' && from !== null) to.id = from.id;
    return;
  }
  const all = containers(root);
  const target = all[m.at % all.length]!;
  if (m.op === 'reverse') return reverseKeys(target);
  if (m.op === 'add') {
    if (Array.isArray(target)) target.push(m.value);
    // defineProperty: an own `__proto__` key, as JSON.parse makes it.
    else Object.defineProperty(target, m.name, { value: m.value, enumerable: true, configurable: true, writable: true });
    return;
  }
  const keys = Object.keys(target);
  if (keys.length === 0) return;
  const key = keys[m.key % keys.length]!;
  const t = target as Record<string, Json>;
  if (m.op === 'set') t[key] = m.value;
  else if (m.op === 'edit') t[key] = edited(t[key], m.how);
  else if (Array.isArray(target)) target.splice(Number(key), 1);
  else delete t[key];
}

const generatedJson = JSON.parse(serializeDocument(generateOrg({ roles: 12, seed: 7 }))) as Json;
const arbBase: fc.Arbitrary<Json> = fc.oneof(arbDocumentJson, fc.constant(generatedJson));

describe('fast path = zod path (property)', () => {
  it('valid documents take the fast path and load exactly as zod loads them (1,000 documents)', () => {
    fc.assert(
      fc.property(arbDocumentJson, (json) => {
        const text = toText(json);
        expect(parseFast(JSON.parse(text))).toBeDefined();
        expectSameAsZod(text);
      }),
      { numRuns: 1_000 },
    );
  });

  it('mutated documents load, or are refused, exactly as zod does (4,000 documents)', () => {
    let fast = 0;
    let fallback = 0;
    fc.assert(
      fc.property(arbBase, fc.array(arbMutation, { minLength: 1, maxLength: 3 }), (base, mutations) => {
        const json = JSON.parse(JSON.stringify(base)) as Json;
        for (const m of mutations) apply(json, m);
        const text = toText(json);
        if (parseFast(JSON.parse(text))) fast++;
        else fallback++;
        expectSameAsZod(text);
      }),
      { numRuns: 4_000 },
    );
    // Both paths were exercised: mutations that keep a document valid (unknown fields, values in range) and ones that do not.
    expect(fast).toBeGreaterThan(1_000);
    expect(fallback).toBeGreaterThan(1_000);
  });
});

/** A small document with every field of format.md present somewhere, so every position below is tried. */
const fullJson: Json = {
  format: 'org-structure',
  version: 1,
  name: 'Full',
  description: 'd',
  currency: 'CNY',
  period: 'FY2026',
  roles: [
    {
      id: 'head',
      title: 'Head',
      titles: { 'zh-CN': '负责人', en: 'Head' },
      family: 'head-am',
      function: 'executive',
      level: 8,
      reportsTo: null,
      dottedLines: [{ to: 'am', kind: 'partner', note: 'n' }],
      external: false,
      assistant: true,
      archetype: 'coach',
      headcount: 1,
      vacancies: 0,
      holder: { name: 'Li', yearsExperience: 0, yearsManagement: 1.5, languages: ['zh'] },
      salary: { min: 0, max: 10, bonusPct: 100 },
      revenueTarget: 0,
      accounts: [{ tier: 'smb', count: 0 }],
      budgets: [{ id: 'B1', kind: 'tools', amount: 0, parent: 'B0' }],
      decisions: [
        { area: 'pricing-discount', authority: 'agree', scope: 'own', limit: { percent: 100 } },
        { area: 'day-to-day-service', limit: { amount: 0 } },
      ],
      requirements: { minYearsManagement: 0, minYearsExperience: 2, languages: ['en'] },
      exceptions: [{ rule: 'SPAN-003', reason: 'r' }],
    },
    { id: 'am', title: 'AM', level: 1, reportsTo: 'head', headcount: 2, vacancies: 1 },
  ],
  settings: { rules: { 'SPAN-001': { enabled: true, severity: 'info', params: { min: 2, deep: { a: [1] } } }, 'STR-005': {} } },
  view: { positions: { head: { x: -1.5, y: 0 } }, collapsed: ['head'], direction: 'LR' },
};

/** Every position of a JSON value: a container and one of its keys (iteratively). */
function positions(root: Json): { target: Container; key: string }[] {
  return containers(root).flatMap((target) => Object.keys(target).map((key) => ({ target, key })));
}

/** `fullJson` changed by `change` at one position, as text. */
function variant(index: number, change: (target: Record<string, Json>, key: string) => void): string {
  const json = JSON.parse(JSON.stringify(fullJson)) as Json;
  const { target, key } = positions(json)[index]!;
  change(target as Record<string, Json>, key);
  return toText(json);
}

describe('fast path = zod path at every position of a full document', () => {
  const count = positions(fullJson).length;

  it('the full document takes the fast path', () => {
    expect(parseFast(JSON.parse(toText(fullJson)))).toMatchObject({ dropped: false });
    expectSameAsZod(toText(fullJson));
  });

  it('every field and element set to every value around the bounds', () => {
    for (let i = 0; i < count; i++) {
      for (const value of ODD_VALUES) expectSameAsZod(variant(i, (t, k) => void (t[k] = value)));
    }
  });

  it('every text one character off and every number nudged', () => {
    for (let i = 0; i < count; i++) {
      for (let how = 0; how < 5; how++) expectSameAsZod(variant(i, (t, k) => void (t[k] = edited(t[k], how))));
    }
  });

  it('every field and element left out', () => {
    for (let i = 0; i < count; i++) {
      expectSameAsZod(variant(i, (t, k) => (Array.isArray(t) ? void t.splice(Number(k), 1) : void delete t[k])));
    }
  });

  it('every object with its keys in reverse order', () => {
    const all = containers(fullJson).length;
    for (let i = 0; i < all; i++) {
      const json = JSON.parse(JSON.stringify(fullJson)) as Json;
      reverseKeys(containers(json)[i]!);
      expectSameAsZod(toText(json));
    }
  });

  it('every object given each field name of the format and each hostile key', () => {
    const all = containers(fullJson).length;
    for (let i = 0; i < all; i++) {
      for (const name of [...FIELD_NAMES, ...HOSTILE_KEYS, 'extra']) {
        for (const value of [1, 'x', null, { x: 1, y: 2 }]) {
          const json = JSON.parse(JSON.stringify(fullJson)) as Json;
          const target = containers(json)[i]!;
          if (Array.isArray(target)) target.push(value);
          else Object.defineProperty(target, name, { value, enumerable: true, configurable: true, writable: true });
          expectSameAsZod(toText(json));
        }
      }
    }
  });
});
