/**
 * Applying a comparison (src/compare/diff.ts) to its base, for the tests of issue 18
 * ("diff(a, b) applied to a gives b's structure"): the app never needs to, so this lives
 * here. Only what the diff says is used: removed ids, the added roles, each field's
 * `after`, and the document fields that differ.
 */
import type { DocumentDiff } from '../../src/compare/diff.ts';
import { normalizeRole } from '../../src/schema/constants.ts';
import type { OrgDocument, Role } from '../../src/schema/v1.ts';

export function applyDiff(base: OrgDocument, diff: DocumentDiff): OrgDocument {
  const byId = new Map<string, Role>(base.roles.map((r) => [r.id, r]));
  for (const id of diff.removed) byId.delete(id);
  for (const change of diff.roles) {
    if (change.kinds[0] === 'added') {
      byId.set(change.id, change.after!);
      continue;
    }
    if (change.kinds[0] === 'removed') continue;
    const role: Record<string, unknown> = { ...byId.get(change.id)! };
    for (const f of change.fields) role[f.field] = f.after;
    byId.set(change.id, role as Role);
  }
  const fields: Record<string, unknown> = {};
  for (const f of diff.document) fields[f.field] = f.after;
  return { ...base, ...fields, roles: [...byId.values()] } as OrgDocument;
}

/** What a comparison is about: the roles by id (order aside, every field in one shape) and the document fields but `view`. */
export function structureOf(doc: OrgDocument) {
  const roles = [...doc.roles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => normalizeRole(r));
  return { name: doc.name, description: doc.description, currency: doc.currency, period: doc.period, settings: doc.settings, roles };
}
