/**
 * The commands whose refusals zod words (the inspector's field validation): each checks
 * its value against the schema and names the field. Kept out of commands.ts, which the
 * app's entry loads, so that zod loads only with the inspector (a lazy chunk).
 */
import { z } from 'zod';
import { normalizeRole } from '../schema/constants.ts';
import { checkRole } from '../schema/fast.ts';
import { formatPath, type PathSegment } from '../schema/path.ts';
import { DocumentSchema, RoleSchema, type DeepReadonly, type DottedLine, type OrgDocument, type Role, type RoleInput } from '../schema/v1.ts';
import { findRole, refuse, type CommandResult, type Refusal } from './commands.ts';

/**
 * Validates a role against the format, as addRole does (fast.ts, which builds what zod
 * builds: parse-fast.test.ts); zod words a refusal, naming the field.
 */
function validateRole(input: unknown): { ok: true; role: Role } | Refusal {
  const fast = checkRole(input);
  if (fast.ok) return fast;
  const result = RoleSchema.safeParse(input);
  if (result.success) return { ok: true, role: normalizeRole(result.data as Role) };
  const issue = result.error.issues[0];
  const where = issue ? formatPath(issue.path as PathSegment[]) : '';
  return refuse('invalid', `${where ? `${where}: ` : ''}${issue?.message ?? 'invalid role'}`);
}

/** Fields of a role a patch may set; `id` and `reportsTo` have their own commands, so their checks cannot be bypassed. */
export type RolePatch = DeepReadonly<Partial<Omit<RoleInput, 'id' | 'reportsTo'>>>;

/**
 * Updates fields of a role; a field set to `undefined` is removed (back to its default).
 * The result is validated as a whole role; `id` and `reportsTo` have their own commands.
 */
export function updateRole(doc: OrgDocument, id: string, patch: RolePatch): CommandResult {
  if ('id' in patch || 'reportsTo' in patch) {
    return refuse('invalid', 'Change the id with renameRoleId and the manager with moveRole.');
  }
  const at = doc.roles.findIndex((r) => r.id === id);
  if (at < 0) return refuse('not-found', `There is no role "${id}".`);
  const merged: Record<string, unknown> = { ...doc.roles[at] };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  const checked = validateRole(merged);
  if (!checked.ok) return checked;
  const roles = doc.roles.slice();
  roles[at] = checked.role;
  return { ok: true, doc: { ...doc, roles } };
}

/** Adds a dotted line from `fromId` to `toId`; refused for a missing role, itself, or a line already there. */
export function addDottedLine(doc: OrgDocument, fromId: string, line: DottedLine): CommandResult {
  const at = doc.roles.findIndex((r) => r.id === fromId);
  if (at < 0) return refuse('not-found', `There is no role "${fromId}".`);
  const from = doc.roles[at]!;
  if (line.to === fromId) return refuse('self', `"${from.title}" cannot have a dotted line to itself.`);
  if (!findRole(doc, line.to)) return refuse('not-found', `There is no role "${line.to}".`);
  if (from.dottedLines.some((d) => d.to === line.to)) return refuse('duplicate', `"${from.title}" already has a dotted line to that role.`);
  const parsed = z.array(RoleSchema.shape.dottedLines.unwrap().element).safeParse([line]);
  if (!parsed.success) return refuse('invalid', parsed.error.issues[0]?.message ?? 'invalid dotted line');
  const roles = doc.roles.slice();
  roles[at] = { ...from, dottedLines: [...from.dottedLines, parsed.data[0]!] };
  return { ok: true, doc: { ...doc, roles } };
}

type DocumentFields = Partial<Pick<OrgDocument, 'name' | 'description' | 'currency' | 'period'>>;

/** Updates document fields (name, description, currency, period), validated; undefined removes an optional one. */
export function updateDocument(doc: OrgDocument, patch: DocumentFields): CommandResult {
  const merged: Record<string, unknown> = { ...doc };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  const shape = DocumentSchema.shape;
  for (const key of Object.keys(patch) as (keyof DocumentFields)[]) {
    if (merged[key] === undefined) continue;
    const checked = shape[key].safeParse(merged[key]);
    if (!checked.success) return refuse('invalid', `${key}: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  }
  return { ok: true, doc: merged as OrgDocument };
}

/** Sets or clears (undefined) the document's setting of one rule. */
export function setRuleSetting(doc: OrgDocument, ruleId: string, setting: OrgDocument['settings']['rules'][string] | undefined): CommandResult {
  const entries = Object.entries(doc.settings.rules).filter(([id]) => id !== ruleId);
  if (setting !== undefined) {
    const checked = DocumentSchema.shape.settings.unwrap().shape.rules.safeParse({ [ruleId]: setting });
    if (!checked.success) return refuse('invalid', `${ruleId}: ${checked.error.issues[0]?.message ?? 'invalid setting'}`);
    entries.push([ruleId, setting]);
  }
  return { ok: true, doc: { ...doc, settings: { ...doc.settings, rules: Object.fromEntries(entries) } } };
}
