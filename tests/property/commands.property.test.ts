import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addRole,
  copyRoles,
  moveRole,
  pasteRoles,
  removeDottedLine,
  removeRoles,
  renameRoleId,
  type CommandResult,
} from '../../src/model/commands.ts';
import { addDottedLine, updateRole } from '../../src/model/field-commands.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { serializeDocument } from '../../src/io/serialize.ts';
import { DocumentSchema, type OrgDocument } from '../../src/schema/v1.ts';
import { deepFreeze } from '../helpers/freeze.ts';

/** A command with random arguments; role choices are indexes taken modulo the current role count. */
type Step = { kind: number; a: number; b: number; flag: boolean; n: number };
const arbStep: fc.Arbitrary<Step> = fc.record({ kind: fc.nat(8), a: fc.nat(), b: fc.nat(), flag: fc.boolean(), n: fc.integer({ min: 1, max: 9 }) });

function apply(doc: OrgDocument, s: Step): CommandResult {
  const ids = doc.roles.map((r) => r.id);
  const pick = (k: number): string => ids[k % Math.max(1, ids.length)] ?? 'none';
  switch (s.kind) {
    case 0: return addRole(doc, { role: { title: `Role ${s.n}`, level: s.n > 8 ? 8 : s.n }, reportsTo: s.flag ? pick(s.a) : null });
    case 1: return moveRole(doc, pick(s.a), s.flag ? pick(s.b) : null);
    case 2: return removeRoles(doc, s.flag ? [pick(s.a)] : [pick(s.a), pick(s.b)].filter((v, i, all) => all.indexOf(v) === i));
    case 3: return addDottedLine(doc, pick(s.a), { to: pick(s.b), kind: s.flag ? 'partner' : 'indirect-manager' });
    case 4: return removeDottedLine(doc, pick(s.a), pick(s.b));
    case 5: return pasteRoles(doc, copyRoles(doc, pick(s.a), s.flag), s.n % 2 ? pick(s.b) : null);
    case 6: return updateRole(doc, pick(s.a), { title: `Title ${s.n}`, headcount: s.n, vacancies: s.flag ? s.n + 1 : 0 });
    case 7: return renameRoleId(doc, pick(s.a), `renamed-${s.b % 50}`);
    default: return moveRole(doc, pick(s.a), pick(s.b));
  }
}

/** No role reaches itself by walking up its reporting line. */
function isAcyclic(doc: OrgDocument): boolean {
  const manager = new Map(doc.roles.map((r) => [r.id, r.reportsTo] as const));
  for (const r of doc.roles) {
    const seen = new Set<string>();
    for (let cur: string | null | undefined = r.id; cur != null; cur = manager.get(cur)) {
      if (seen.has(cur)) return false;
      seen.add(cur);
    }
  }
  return true;
}

describe('editing commands (property)', () => {
  it('keep ids unique and reporting lines acyclic, return valid documents, never mutate their input', () => {
    const start = generateOrg({ roles: 20, seed: 5 });
    fc.assert(
      fc.property(fc.array(arbStep, { minLength: 1, maxLength: 30 }), (steps) => {
        let doc = deepFreeze(start);
        for (const step of steps) {
          const before = serializeDocument(doc);
          const result = apply(doc, step);
          // The input is frozen (a mutation would have thrown) and unchanged.
          expect(serializeDocument(doc)).toBe(before);
          if (!result.ok) {
            expect(result.reason.length).toBeGreaterThan(0);
            continue;
          }
          const ids = result.doc.roles.map((r) => r.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(isAcyclic(result.doc)).toBe(true);
          expect(DocumentSchema.safeParse(result.doc).success).toBe(true);
          doc = deepFreeze(result.doc);
        }
      }),
      { numRuns: 300 },
    );
  });
});
