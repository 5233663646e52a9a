/** fast-check arbitraries of org documents: valid ones (as a file may write them) and hostile mutations. */
import fc from 'fast-check';
import { ACCOUNT_TIERS, ARCHETYPES, BUDGET_KINDS, DECISION_AREAS, DOTTED_KINDS, FAMILIES, FUNCTIONS, SCOPES, AUTHORITIES } from '../../src/schema/constants.ts';

const idChars = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789_.:-'.split(''));
export const arbId = fc
  .tuple(fc.constantFrom(...'abcxyzABC019'.split('')), fc.string({ unit: idChars, maxLength: 12 }))
  .map(([a, b]) => a + b);
/** Finite, non-negative, never -0 (JSON writes -0 as 0). */
const amount = fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const text = (max: number) => fc.string({ maxLength: max });
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function arbRole(ids: readonly string[], budgetIds: readonly string[]) {
  const ref = fc.constantFrom(...ids, 'missing-role');
  return fc.record(
    {
      title: fc.string({ minLength: 1, maxLength: 120 }),
      titles: fc.dictionary(fc.constantFrom('zh-CN', 'en', 'ja-JP'), text(120), { maxKeys: 2 }),
      family: fc.constantFrom(...FAMILIES),
      function: fc.constantFrom(...FUNCTIONS),
      level: fc.integer({ min: 1, max: 8 }),
      reportsTo: fc.option(ref, { nil: null }),
      dottedLines: fc.array(fc.record({ to: ref, kind: fc.constantFrom(...DOTTED_KINDS), note: opt(text(200)) }, { requiredKeys: ['to', 'kind'] }), { maxLength: 2 }),
      external: fc.boolean(),
      assistant: fc.boolean(),
      archetype: fc.constantFrom(...ARCHETYPES),
      headcount: fc.integer({ min: 1, max: 20 }),
      vacancies: fc.integer({ min: 0, max: 25 }),
      holder: fc.record({ name: text(120), yearsExperience: amount, yearsManagement: amount, languages: fc.array(fc.constantFrom('zh', 'en', 'ja')) }, { requiredKeys: ['name'] }),
      salary: fc.record({ min: amount, max: amount, bonusPct: fc.double({ min: 0, max: 100, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)) }, { requiredKeys: ['min', 'max'] }),
      revenueTarget: amount,
      accounts: fc.array(fc.record({ tier: fc.constantFrom(...ACCOUNT_TIERS), count: fc.integer({ min: 0, max: 400 }) }), { maxLength: 3 }),
      budgets: fc.array(fc.record({ id: fc.constantFrom(...budgetIds), kind: fc.constantFrom(...BUDGET_KINDS), amount, parent: opt(fc.constantFrom(...budgetIds)) }, { requiredKeys: ['id', 'kind', 'amount'] }), { maxLength: 2 }),
      decisions: fc.array(fc.record({
        area: fc.constantFrom(...DECISION_AREAS),
        authority: fc.constantFrom(...AUTHORITIES),
        scope: fc.constantFrom(...SCOPES),
        limit: fc.oneof(fc.record({ percent: fc.integer({ min: 0, max: 100 }) }), fc.record({ amount })),
      }, { requiredKeys: ['area'] }), { maxLength: 3 }),
      requirements: fc.record({ minYearsManagement: amount, minYearsExperience: amount, languages: fc.array(fc.constantFrom('zh', 'en')) }, { requiredKeys: [] }),
      exceptions: fc.array(fc.record({ rule: fc.constantFrom('SPAN-003', 'STR-006', 'XYZ-1'), reason: fc.string({ minLength: 1, maxLength: 500 }) }), { maxLength: 1 }),
    },
    { requiredKeys: ['title', 'level'] },
  );
}

/** A document as a file may hold it: any optional field present or not, references possibly dangling or cyclic. */
export const arbDocumentJson = fc
  .uniqueArray(arbId, { minLength: 0, maxLength: 12 })
  .chain((ids) =>
    fc.record(
      {
        format: fc.constant('org-structure'),
        version: fc.constant(1),
        name: fc.string({ minLength: 1, maxLength: 200 }),
        description: text(300),
        currency: fc.constantFrom('CNY', 'USD', 'EUR'),
        period: text(40),
        roles: fc.tuple(...ids.map(() => arbRole(ids.length ? ids : ['x'], ['B1', 'B2', 'B3']))).map((roles) => roles.map((r, i) => ({ id: ids[i]!, ...r }))),
        settings: fc.record({ rules: fc.dictionary(fc.constantFrom('SPAN-001', 'STR-005', 'NOPE-9'), fc.record({ enabled: fc.boolean(), severity: fc.constantFrom('error', 'warning', 'info'), params: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })) }, { requiredKeys: [] }), { maxKeys: 2 }) }),
        view: fc.record({
          positions: fc.dictionary(fc.constantFrom(...ids, 'gone'), fc.record({ x: fc.integer({ min: -1e6, max: 1e6 }), y: fc.integer({ min: -1e6, max: 1e6 }) }), { maxKeys: 3 }),
          collapsed: fc.subarray(ids),
          direction: fc.constantFrom('TB', 'LR'),
        }, { requiredKeys: [] }),
      },
      { requiredKeys: ['format', 'version', 'name', 'currency', 'roles'] },
    ),
  );

export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** A random JSON value, hostile keys included. */
export const arbHostileJson = fc.jsonValue({ maxDepth: 3 }).chain((value) =>
  fc.constantFrom(...HOSTILE_KEYS).map((key) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value, [key]: value } : value)),
);
