/**
 * Small pure commands behind the findings' one-click remedies (rules/remedies.ts) and
 * "accept with a reason". Like commands.ts: each returns a new document sharing every
 * unchanged role, or a refusal a person can read; each is one undo step when run through
 * the store. They validate a changed role with the fast validator (schema/fast.ts), as
 * addRole does, so they load no zod.
 */
import { MAX_LENGTH, withinLength } from '../schema/constants.ts';
import { checkRole } from '../schema/fast.ts';
import type { DecisionArea, DecisionRight, DottedLine, OrgDocument, Role, RoleFunction, Scope } from '../schema/v1.ts';
import { addRole, refuse, type CommandResult } from './commands.ts';
import { partnerTemplate } from './templates.ts';

type Patch = { -readonly [K in keyof Role]?: Role[K] };

/** Replaces fields of several roles at once, each changed role checked against the format. */
function patchRoles(doc: OrgDocument, patches: ReadonlyMap<string, (role: Role) => Patch>): CommandResult {
  const roles = doc.roles.slice();
  let found = 0;
  for (let i = 0; i < roles.length; i++) {
    const make = patches.get(roles[i]!.id);
    if (!make) continue;
    found++;
    // A field left undefined is absent (as zod reads JSON): the fast validator gets JSON's shape.
    const merged = Object.fromEntries(Object.entries({ ...roles[i]!, ...make(roles[i]!) }).filter(([, v]) => v !== undefined));
    const checked = checkRole(merged);
    if (!checked.ok) return refuse('invalid', `${checked.field}: not a valid value (see the format)`);
    roles[i] = checked.role;
  }
  if (found < patches.size) return refuse('not-found', `There is no role "${[...patches.keys()].find((id) => !doc.roles.some((r) => r.id === id))}".`);
  return { ok: true, doc: { ...doc, roles } };
}

const patchRole = (doc: OrgDocument, id: string, make: (role: Role) => Patch): CommandResult => patchRoles(doc, new Map([[id, make]]));

/** One decide right to give: its holder, area and scope. */
export interface Grant {
  readonly holder: string;
  readonly area: DecisionArea;
  readonly scope: Scope;
}

/**
 * Gives each holder a decide right in an area with a scope, in one step. A holder that
 * already decides that area (say for itself alone) gets that right's scope widened
 * instead of a second right (DEC-001: one decide right per role and area).
 */
export function giveDecisions(doc: OrgDocument, grants: readonly Grant[]): CommandResult {
  const byHolder = new Map<string, Grant[]>();
  for (const g of grants) byHolder.set(g.holder, [...(byHolder.get(g.holder) ?? []), g]);
  const patches = new Map<string, (role: Role) => Patch>();
  for (const [holder, list] of byHolder) {
    patches.set(holder, (role) => {
      const decisions: DecisionRight[] = role.decisions.slice();
      for (const { area, scope } of list) {
        const at = decisions.findIndex((d) => d.area === area && d.authority === 'decide');
        if (at >= 0) decisions[at] = { ...decisions[at]!, scope };
        else decisions.push({ area, authority: 'decide', scope });
      }
      return { decisions };
    });
  }
  return patchRoles(doc, patches);
}

/** Removes the last of two or more dotted lines from `fromId` to `toId` (the first stays). */
export function removeRepeatedLine(doc: OrgDocument, fromId: string, toId: string): CommandResult {
  const from = doc.roles.find((r) => r.id === fromId);
  if (!from || from.dottedLines.filter((d) => d.to === toId).length < 2) return refuse('not-found', `There is no repeated dotted line from "${fromId}" to "${toId}".`);
  const last = from.dottedLines.findLastIndex((d) => d.to === toId);
  return patchRole(doc, fromId, (role) => ({ dottedLines: role.dottedLines.filter((_, i) => i !== last) }));
}

/** Turns the `indirect-manager` lines from `fromId` to each of `toIds` into `partner` lines. */
export function makePartnerLines(doc: OrgDocument, fromId: string, toIds: readonly string[]): CommandResult {
  const targets = new Set(toIds);
  return patchRole(doc, fromId, (role) => ({
    dottedLines: role.dottedLines.map((d): DottedLine => (d.kind === 'indirect-manager' && targets.has(d.to) ? { ...d, kind: 'partner' } : d)),
  }));
}

/**
 * Raises a role's personnel budgets to `total` in all: its first personnel budget takes
 * the difference. Refused when the role has no personnel budget.
 */
export function raisePersonnelBudget(doc: OrgDocument, id: string, total: number): CommandResult {
  const role = doc.roles.find((r) => r.id === id);
  const first = role?.budgets.findIndex((b) => b.kind === 'personnel') ?? -1;
  if (!role || first < 0) return refuse('not-found', `"${role?.title ?? id}" owns no personnel budget.`);
  const current = role.budgets.reduce((sum, b) => (b.kind === 'personnel' ? sum + b.amount : sum), 0);
  if (!(total > current)) return { ok: true, doc };
  return patchRole(doc, id, (r) => ({ budgets: r.budgets.map((b, i) => (i === first ? { ...b, amount: b.amount + (total - current) } : b)) }));
}

/** Sets a role's revenue target (per position). */
export function setRevenueTarget(doc: OrgDocument, id: string, target: number): CommandResult {
  return patchRole(doc, id, () => ({ revenueTarget: target }));
}

/** Marks a role as outside the designed department. */
export function markExternal(doc: OrgDocument, id: string): CommandResult {
  return patchRole(doc, id, () => ({ external: true }));
}

/**
 * Adds a cross-functional partner of `fn` outside the department (templates.ts,
 * partnerTemplate) and a `partner` dotted line from `fromId` to it, in one step.
 */
export function addPartner(doc: OrgDocument, fromId: string, fn: RoleFunction): CommandResult<{ readonly id: string }> {
  if (!doc.roles.some((r) => r.id === fromId)) return refuse('not-found', `There is no role "${fromId}".`);
  const added = addRole(doc, { role: partnerTemplate(fn) });
  if (!added.ok) return added;
  const linked = patchRole(added.doc, fromId, (role) => ({ dottedLines: [...role.dottedLines, { to: added.id, kind: 'partner' }] }));
  return linked.ok ? { ...linked, id: added.id } : linked;
}

/**
 * Accepts a rule's findings about a role, with the reason a person wrote: adds the
 * exception `{ rule, reason }` to the role (spec/rules.md: that rule's findings whose main
 * subject is the role become info, with the reason). The reason is trimmed; it must say
 * something and hold at most 500 characters.
 */
export function acceptException(doc: OrgDocument, id: string, rule: string, reason: string): CommandResult {
  const text = reason.trim();
  if (text.length === 0) return refuse('invalid', 'Write the reason for accepting this finding.');
  if (!withinLength(text, MAX_LENGTH.reason)) return refuse('invalid', `A reason has at most ${MAX_LENGTH.reason} characters.`);
  return patchRole(doc, id, (role) => ({ exceptions: [...role.exceptions.filter((e) => e.rule !== rule), { rule, reason: text }] }));
}
