/** Test helpers: documents from a few fields, filled in through the zod schema like a file load. */
import { DocumentSchema, type OrgDocument, type RoleInput } from '../../../src/schema/v1.ts';
import { checkDocument } from '../../../src/rules/engine.ts';
import type { Finding } from '../../../src/rules/types.ts';

export type R = Partial<RoleInput> & { id: string };

/** A role with a title (its id) and level 3 unless given. */
export function role(id: string, fields: Partial<RoleInput> = {}): RoleInput {
  return { title: id, level: 3, ...fields, id };
}

export interface DocOptions {
  readonly currency?: string;
  readonly rules?: Record<string, unknown>;
}

/** A document of these roles, defaults filled in by the schema. */
export function makeDoc(roles: readonly (RoleInput | R)[], options: DocOptions = {}): OrgDocument {
  return DocumentSchema.parse({
    format: 'org-structure',
    version: 1,
    name: 'Test',
    currency: options.currency ?? 'CNY',
    roles: roles.map((r) => ({ title: r.id, level: 3, ...r })),
    settings: { rules: options.rules ?? {} },
  }) as OrgDocument;
}

/** `n` roles reporting to `manager`, ids `${prefix}1..n`. */
export function reports(manager: string, n: number, fields: Partial<RoleInput> = {}, prefix = `${manager}-r`): RoleInput[] {
  return Array.from({ length: n }, (_, i) => role(`${prefix}${i + 1}`, { reportsTo: manager, ...fields }));
}

/** The findings of one rule. */
export function run(doc: OrgDocument, rule: string): Finding[] {
  return checkDocument(doc).filter((f) => f.rule === rule);
}

/** The contract part of findings: rule, severity and roles. */
export function brief(findings: readonly Finding[]): { rule: string; severity: string; roles: readonly string[] }[] {
  return findings.map(({ rule, severity, roles }) => ({ rule, severity, roles }));
}

/** The contract part of one rule's findings on a document. */
export function check(roles: readonly (RoleInput | R)[], rule: string, options: DocOptions = {}): ReturnType<typeof brief> {
  return brief(run(makeDoc(roles, options), rule));
}
