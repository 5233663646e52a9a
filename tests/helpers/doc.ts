/** Builds documents for tests through the real schema, so defaults are filled as on load. */
import { DocumentSchema, type OrgDocument, type RoleInput } from '../../src/schema/v1.ts';

export type RoleSketch = Partial<RoleInput> & { id: string };

/** A document of these roles (title and level default to the id and 3). */
export function docOf(roles: readonly RoleSketch[], extra: Record<string, unknown> = {}): OrgDocument {
  return DocumentSchema.parse({
    format: 'org-structure',
    version: 1,
    name: 'Test',
    currency: 'CNY',
    ...extra,
    roles: roles.map((r) => ({ title: r.id, level: 3, ...r })),
  }) as OrgDocument;
}

/** A chain of `length` roles, each reporting to the previous one. */
export function chainOf(length: number): OrgDocument {
  return docOf(Array.from({ length }, (_, i) => ({ id: `r${i}`, reportsTo: i === 0 ? null : `r${i - 1}` })));
}
