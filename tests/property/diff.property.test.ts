/**
 * The comparison of two documents (issue 18), as properties: diff(a, a) is empty; applying
 * diff(a, b) to a gives b's structure (every role by id, every field, the document fields),
 * for generated documents made to share ids and for random command sequences on generated
 * documents; the lists partition the ids as the issue says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffDocuments, type DocumentDiff } from '../../src/compare/diff.ts';
import { serializeDocument } from '../../src/io/serialize.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';
import { applyDiff, structureOf } from '../helpers/apply-diff.ts';
import { arbDocumentJson } from '../helpers/arbitraries.ts';
import { arbEdit, applyEdit, shareIds } from '../helpers/edits.ts';

const load = (value: unknown): OrgDocument => {
  const result = parseDocument(JSON.stringify(value));
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
};

/** The role lists of a diff against the two documents' ids, as the issue defines them. */
function checkLists(a: OrgDocument, b: OrgDocument, d: DocumentDiff): void {
  const inA = new Map(a.roles.map((r) => [r.id, r]));
  const inB = new Map(b.roles.map((r) => [r.id, r]));
  expect(d.added).toEqual(b.roles.filter((r) => !inA.has(r.id)).map((r) => r.id));
  expect(d.removed).toEqual(a.roles.filter((r) => !inB.has(r.id)).map((r) => r.id));
  expect(d.moved).toEqual(b.roles.filter((r) => inA.has(r.id) && inA.get(r.id)!.reportsTo !== r.reportsTo).map((r) => ({ id: r.id, from: inA.get(r.id)!.reportsTo, to: r.reportsTo })));
  for (const c of d.changed) expect(c.fields.length).toBeGreaterThan(0);
  expect(d.findings.new.length + d.findings.unchanged.length).toBe(diffDocuments(b, b).findings.unchanged.length);
}

function checkApplies(a: OrgDocument, b: OrgDocument): void {
  const d = diffDocuments(a, b);
  checkLists(a, b, d);
  const applied = applyDiff(a, d);
  expect(structureOf(applied)).toEqual(structureOf(b));
  // Nothing is left to report between the applied document and b.
  const again = diffDocuments(applied, b);
  expect(again.roles).toEqual([]);
  expect(again.document).toEqual([]);
  // An empty diff and equal structure go together.
  expect(d.roles.length === 0 && d.document.length === 0).toBe(JSON.stringify(structureOf(a)) === JSON.stringify(structureOf(b)));
}

describe('diffDocuments (property)', () => {
  it('diff(a, a) is empty, and so is diff(a, a written and read again)', () => {
    fc.assert(
      fc.property(arbDocumentJson, (json) => {
        const a = load(json);
        for (const b of [a, load(JSON.parse(serializeDocument(a)))]) {
          const d = diffDocuments(a, b);
          expect(d.roles).toEqual([]);
          expect(d.findings.new).toEqual([]);
          expect(d.findings.resolved).toEqual([]);
          expect(d.decisions.some((e) => e.changed)).toBe(false);
          expect(d.budgets.some((e) => e.changed)).toBe(false);
          expect(d.document).toEqual([]);
          expect(d.equal).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('applying diff(a, b) to a gives b, for generated documents sharing ids', () => {
    fc.assert(
      fc.property(arbDocumentJson, arbDocumentJson, (x, y) => {
        const a = load(x);
        const b = load(shareIds(x, y as never));
        checkApplies(a, b);
        checkApplies(b, a);
      }),
      { numRuns: 200 },
    );
  });

  it('applying diff(a, b) to a gives b, for random command sequences on generated documents', () => {
    const generated = [generateOrg({ roles: 40, seed: 11 }), generateOrg({ roles: 12, seed: 2 })];
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...generated), arbDocumentJson.map(load)), fc.array(arbEdit, { minLength: 1, maxLength: 25 }), (start, edits) => {
        let doc = start;
        for (const e of edits) doc = applyEdit(doc, e);
        checkApplies(start, doc);
      }),
      { numRuns: 300 },
    );
  });
});
