/**
 * Pairs of documents for the comparison's property tests (issue 18): random sequences of
 * the editing commands (src/model/commands.ts and field-commands.ts) on a document, and
 * two generated documents made to share role ids.
 */
import fc from 'fast-check';
import { addRole, copyRoles, moveRole, pasteRoles, removeDottedLine, removeRoles, renameRoleId, type CommandResult } from '../../src/model/commands.ts';
import { addDottedLine, setRuleSetting, updateDocument, updateRole, type RolePatch } from '../../src/model/field-commands.ts';
import { ACCOUNT_TIERS, ARCHETYPES, BUDGET_KINDS, DECISION_AREAS, FAMILIES, FUNCTIONS, SCOPES } from '../../src/schema/constants.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';

/** One command with random arguments; role choices are indexes taken modulo the current role count. */
export interface Edit {
  readonly kind: number;
  readonly a: number;
  readonly b: number;
  readonly n: number;
  readonly flag: boolean;
}
export const arbEdit: fc.Arbitrary<Edit> = fc.record({ kind: fc.nat(14), a: fc.nat(), b: fc.nat(), n: fc.integer({ min: 1, max: 8 }), flag: fc.boolean() });

const pickOf = <T>(list: readonly T[], k: number): T => list[k % list.length]!;

/** A patch of one or more Role fields, chosen by n, so that every field is edited in some sequence. */
function patchOf(n: number, k: number, flag: boolean): RolePatch {
  switch ((n + k) % 12) {
    case 0: return { title: `Title ${k % 7}`, titles: flag ? { 'zh-CN': `职位 ${k % 5}` } : {} };
    case 1: return { family: pickOf(FAMILIES, k), function: pickOf(FUNCTIONS, k + 1), level: 1 + (k % 8) };
    case 2: return { headcount: 1 + (k % 6), vacancies: flag ? k % 3 : 0 };
    case 3: return { holder: flag ? { name: `Person ${k % 9}`, yearsExperience: k % 20, languages: ['zh'] } : undefined };
    case 4: return { salary: flag ? { min: 1000 * (k % 50), max: 1000 * (k % 50) + 500, ...(k % 2 ? { bonusPct: k % 30 } : {}) } : undefined };
    case 5: return { revenueTarget: flag ? 1e5 * (k % 40) : undefined };
    case 6: return { accounts: flag ? [{ tier: pickOf(ACCOUNT_TIERS, k), count: k % 12 }] : [] };
    case 7: return { budgets: flag ? [{ id: `BUD-${k % 6}`, kind: pickOf(BUDGET_KINDS, k), amount: 1e4 * (k % 30) }] : [] };
    case 8: return { decisions: flag ? [{ area: pickOf(DECISION_AREAS, k), scope: pickOf(SCOPES, k), ...(k % 2 ? { limit: { percent: k % 40 } } : {}) }] : [] };
    case 9: return { requirements: flag ? { minYearsManagement: k % 10, languages: ['en'] } : undefined };
    case 10: return { exceptions: flag ? [{ rule: 'SPAN-003', reason: `reason ${k % 4}` }] : [], archetype: flag ? pickOf(ARCHETYPES, k) : undefined };
    default: return { external: flag, assistant: !flag };
  }
}

/** Applies one edit; a refusal leaves the document as it was. */
export function applyEdit(doc: OrgDocument, e: Edit): OrgDocument {
  const ids = doc.roles.map((r) => r.id);
  const pick = (k: number): string => ids[k % Math.max(1, ids.length)] ?? 'none';
  let result: CommandResult;
  switch (e.kind) {
    case 0: result = addRole(doc, { role: { title: `Role ${e.n}`, level: e.n }, reportsTo: e.flag ? pick(e.a) : null }); break;
    case 1: result = moveRole(doc, pick(e.a), e.flag ? pick(e.b) : null); break;
    case 2: result = removeRoles(doc, e.flag ? [pick(e.a)] : [...new Set([pick(e.a), pick(e.b)])]); break;
    case 3: result = addDottedLine(doc, pick(e.a), { to: pick(e.b), kind: e.flag ? 'partner' : 'indirect-manager' }); break;
    case 4: result = removeDottedLine(doc, pick(e.a), pick(e.b)); break;
    case 5: result = pasteRoles(doc, copyRoles(doc, pick(e.a), e.flag), e.n % 2 ? pick(e.b) : null); break;
    case 6: result = renameRoleId(doc, pick(e.a), `renamed-${e.b % 50}`); break;
    case 7: result = setRuleSetting(doc, 'SPAN-001', e.flag ? { enabled: false } : undefined); break;
    case 8: result = updateDocument(doc, { name: `Scenario ${e.n}`, period: e.flag ? 'FY2027' : undefined }); break;
    default: result = updateRole(doc, pick(e.a), patchOf(e.n, e.b, e.flag)); break;
  }
  return result.ok ? result.doc : doc;
}

/**
 * Two document texts (as arbitraries.ts writes them) made to share ids: the i-th role of
 * `b` takes the id of the i-th role of `a`, and every reference in `b` follows. A role of `b`
 * beyond `a`'s count keeps its id, suffixed when that id is already taken.
 */
export function shareIds(a: { roles: { id: string }[] }, b: { roles: Record<string, unknown>[]; view?: Record<string, unknown> }): unknown {
  const taken = new Set<string>();
  const rename = new Map<string, string>();
  b.roles.forEach((r, i) => {
    let id = i < a.roles.length ? a.roles[i]!.id : (r.id as string);
    while (taken.has(id)) id = `${id}-b`;
    taken.add(id);
    rename.set(r.id as string, id);
  });
  const ref = (id: unknown) => (typeof id === 'string' ? (rename.get(id) ?? id) : id);
  const roles = b.roles.map((r) => ({
    ...r,
    id: rename.get(r.id as string),
    ...(r.reportsTo === undefined ? {} : { reportsTo: ref(r.reportsTo) }),
    ...(Array.isArray(r.dottedLines) ? { dottedLines: (r.dottedLines as { to: string }[]).map((d) => ({ ...d, to: ref(d.to) })) } : {}),
  }));
  // The view is not compared; drop it rather than rename its keys.
  return { ...b, roles, view: undefined };
}
