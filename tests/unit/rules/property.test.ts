/**
 * Property test: 2,000 random small documents (cycles, self-reports, dangling lines,
 * externals, assistants, rights of every scope, budgets with parents). Every check
 * returns, names only existing roles, is deterministic, and the clever linear rules
 * agree with the literal, quadratic reading of rules.md in reference.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTreeIndex } from '../../../src/model/tree.ts';
import { checkDocument } from '../../../src/rules/engine.ts';
import { RULE_IDS } from '../../../src/rules/all.ts';
import type { Finding } from '../../../src/rules/types.ts';
import { makeDoc } from './helpers.ts';
import { remediesFor } from '../../../src/rules/remedies.ts';
import { documentEnv, findingMessage, loadRuleTexts } from '../../../src/rules/texts.ts';
import { Reference } from './reference.ts';

const ID_POOL = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const AREAS = ['pricing-discount', 'client-escalation', 'account-strategy', 'budget-allocation', 'contract-negotiation', 'headcount-hiring'] as const;

const limit = fc.option(fc.oneof(fc.record({ percent: fc.constantFrom(0, 5, 10, 20) }), fc.record({ amount: fc.constantFrom(0, 100, 200) })), { nil: undefined });
const right = fc.record({
  area: fc.constantFrom(...AREAS),
  authority: fc.constantFrom('decide', 'decide', 'agree', 'input'),
  scope: fc.constantFrom(undefined, 'own', 'team', 'department'),
  limit,
});
const budget = fc.record({
  id: fc.constantFrom('B0', 'B1', 'B2', 'B3'),
  kind: fc.constantFrom('personnel', 'operating'),
  amount: fc.constantFrom(0, 100, 200, 300, 1000),
  parent: fc.constantFrom(undefined, undefined, 'B0', 'B1', 'B9'),
});

/** A role given the ids of the document, so lines can point at each other. */
const roleOf = (ids: string[], id: string) =>
  fc.record({
    id: fc.constant(id),
    title: fc.constant(`Role ${id}`),
    family: fc.constantFrom('head-am', 'am-lead', 'senior-am', 'am', 'am-ops', 'other'),
    level: fc.integer({ min: 1, max: 8 }),
    reportsTo: fc.constantFrom(null, null, id, 'ghost', ...ids, ...ids),
    external: fc.constantFrom(false, false, false, true),
    assistant: fc.constantFrom(false, false, false, true),
    headcount: fc.integer({ min: 1, max: 3 }),
    vacancies: fc.constantFrom(0, 0, 0, 1, 4),
    dottedLines: fc.array(fc.record({ to: fc.constantFrom('ghost', id, ...ids), kind: fc.constantFrom('indirect-manager', 'partner') }), { maxLength: 2 }),
    accounts: fc.array(fc.record({ tier: fc.constantFrom('strategic', 'enterprise'), count: fc.integer({ min: 0, max: 12 }) }), { maxLength: 2 }),
    decisions: fc.array(right, { maxLength: 3 }),
    budgets: fc.array(budget, { maxLength: 2 }),
    salary: fc.option(fc.record({ min: fc.constantFrom(0, 100, 200), max: fc.constantFrom(100, 200, 300), bonusPct: fc.constantFrom(undefined, 0, 25) }), { nil: undefined }),
    revenueTarget: fc.constantFrom(undefined, 0, 50, 100),
  });

const documents = fc
  .shuffledSubarray(ID_POOL, { minLength: 0, maxLength: 10 })
  .chain((ids) => fc.tuple(...ids.map((id) => roleOf(ids, id))))
  .map((roles) => makeDoc(roles.map((r) => JSON.parse(JSON.stringify(r)))));

const briefKey = (f: Finding): string => `${f.severity} ${f.roles.join(',')}`;
const of = (found: Finding[], rule: string): Finding[] => found.filter((f) => f.rule === rule);

describe('rules on random documents', () => {
  it('return, name only existing roles, and agree with the literal reading of rules.md', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const found = checkDocument(doc);
        const ids = new Set(doc.roles.map((r) => r.id));
        const known = new Set<string>([...RULE_IDS, 'SETTINGS']);
        for (const f of found) {
          expect(known.has(f.rule)).toBe(true);
          for (const id of f.roles) expect(ids.has(id)).toBe(true);
          expect(f.message).not.toContain('internal error');
          expect(f.message).not.toMatch(/undefined|NaN|\[object/);
        }
        expect(checkDocument(doc)).toEqual(found);

        const ref = new Reference(doc);
        const index = buildTreeIndex(doc);
        expect(index.root).toBe(ref.root());
        expect([...index.tops]).toEqual(ref.tops());

        const brief = (rule: string) => of(found, rule).map((f) => ({ rule: f.rule, severity: f.severity, roles: [...f.roles] }));
        expect(brief('DEC-002')).toEqual(ref.dec002());
        expect(brief('DEC-004')).toEqual(ref.dec004());
        expect(brief('DEC-007')).toEqual(ref.dec007());
        expect(of(found, 'DEC-005').map((f) => f.roles.join('>')).sort()).toEqual(ref.pairFindings('DEC-005'));
        const dec006 = of(found, 'DEC-006');
        const ownerIds = new Set(ref.dec006Owners());
        expect(dec006.filter((f) => f.message.includes('alone')).map((f) => f.roles[0])).toEqual([...ownerIds]);
        expect(dec006.filter((f) => !f.message.includes('alone')).map((f) => f.roles.join('>')).sort()).toEqual(ref.pairFindings('DEC-006'));
        expect(of(found, 'BUD-002').map(briefKey).sort()).toEqual(ref.bud002());
        expect(of(found, 'BUD-004').map(briefKey).sort()).toEqual(ref.bud004());
        const subordinate = of(found, 'STR-003').filter((f) => f.severity === 'error' && f.roles.length === 2);
        expect(subordinate.map((f) => f.roles.join('>')).sort()).toEqual(ref.subordinateLines());
      }),
      { numRuns: 2000 },
    );
  });

  it('word every finding in Chinese, and every remedy offered applies without throwing', async () => {
    const zh = await loadRuleTexts('zh-CN');
    fc.assert(
      fc.property(documents, (doc) => {
        const index = buildTreeIndex(doc);
        const found = checkDocument(doc, index);
        const env = documentEnv(zh, doc);
        for (const f of found) {
          const text = findingMessage(f, env);
          expect(text).not.toMatch(/undefined|NaN|\[object|\{[A-Za-z]+(\|[^}]*)?\}/);
          for (const remedy of remediesFor(f, doc, index)) {
            const result = remedy.apply(doc);
            if (result.ok) expect(() => checkDocument(result.doc)).not.toThrow();
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
