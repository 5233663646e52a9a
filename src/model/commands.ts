/**
 * Pure editing commands. Each takes a document and arguments and returns a new
 * document (sharing every unchanged role) or a refusal with a reason a person can
 * read. None mutates its input; none can create a reporting cycle or a duplicate id.
 */
import { ID_PATTERN, MAX_LENGTH, MAX_ROLES, withinLength } from '../schema/constants.ts';
import { checkRole } from '../schema/fast.ts';
import type { DeepReadonly, OrgDocument, Role, RoleInput } from '../schema/v1.ts';

export type Refusal = { readonly ok: false; readonly code: RefusalCode; readonly reason: string };
export type Done<T = object> = { readonly ok: true; readonly doc: OrgDocument } & T;
export type CommandResult<T = object> = Done<T> | Refusal;

export type RefusalCode = 'not-found' | 'invalid' | 'cycle' | 'self' | 'duplicate' | 'too-many-roles';

/** A refusal with a reason a person can read (field-commands.ts refuses with it too). */
export const refuse = (code: RefusalCode, reason: string): Refusal => ({ ok: false, code, reason });

/** The role with this id, or undefined. */
export function findRole(doc: OrgDocument, id: string): Role | undefined {
  return doc.roles.find((r) => r.id === id);
}

function withRoles(doc: OrgDocument, roles: readonly Role[]): OrgDocument {
  return { ...doc, roles };
}

/** An id stem from a title: "Head of AM, China" → "head-of-am-china" ("role" when nothing is left). */
export function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'role'
  );
}

/** `stem`, or `stem-2`, `stem-3`, … : the first that is a valid id not in `taken`. */
export function freshId(stem: string, taken: ReadonlySet<string>): string {
  const base = ID_PATTERN.test(stem) ? stem.slice(0, 56) : slugify(stem);
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) {
    const candidate = `${base}-${k}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const idsOf = (doc: OrgDocument): Set<string> => new Set(doc.roles.map((r) => r.id));

/**
 * Whether making `managerId` the manager of `id` would close a reporting loop:
 * walks up from the new manager (visited set: the document may already hold cycles).
 */
export function wouldCreateCycle(doc: OrgDocument, id: string, managerId: string): boolean {
  const byId = new Map(doc.roles.map((r) => [r.id, r] as const));
  const seen = new Set<string>();
  for (let cur: string | null = managerId; cur !== null && !seen.has(cur); cur = byId.get(cur)?.reportsTo ?? null) {
    if (cur === id) return true;
    seen.add(cur);
  }
  return false;
}

export interface AddRoleArgs {
  /** Fields of the new role; `id` is optional (a fresh one is made from the title). */
  readonly role: DeepReadonly<Omit<RoleInput, 'id' | 'reportsTo'>> & { readonly id?: string };
  /** The manager of the new role, or null/absent for a loose role. */
  readonly reportsTo?: string | null;
  /** Where to place it on the canvas (kept in view.positions). */
  readonly position?: { readonly x: number; readonly y: number };
}

/** Adds a role, as a report of `reportsTo` or loose. */
export function addRole(doc: OrgDocument, args: AddRoleArgs): CommandResult<{ readonly id: string }> {
  if (doc.roles.length >= MAX_ROLES) return refuse('too-many-roles', `A document holds at most ${MAX_ROLES.toLocaleString('en-US')} roles.`);
  const taken = idsOf(doc);
  const id = args.role.id ?? freshId(slugify(args.role.title), taken);
  if (taken.has(id)) return refuse('duplicate', `A role with the id "${id}" already exists.`);
  const reportsTo = args.reportsTo ?? null;
  if (reportsTo !== null && !taken.has(reportsTo)) return refuse('not-found', `There is no role "${reportsTo}" to report to.`);
  // fast.ts checks it, as updateRole does, so adding a role loads no zod: it builds what zod builds (parse-fast.test.ts).
  // A field set to undefined is left out: zod reads it as absent.
  const input = Object.fromEntries(Object.entries({ ...args.role, id, reportsTo }).filter(([, value]) => value !== undefined));
  const checked = checkRole(input);
  if (!checked.ok) return refuse('invalid', checked.field ? `${checked.field}: not a valid value (see the format)` : 'not a valid role');
  const next = withRoles(doc, [...doc.roles, checked.role]);
  return { ok: true, doc: args.position ? setPosition(next, id, args.position) : next, id };
}

/** Changes a role's id and every reference to it (reports, dotted lines, view). */
export function renameRoleId(doc: OrgDocument, id: string, newId: string): CommandResult {
  if (id === newId) return { ok: true, doc };
  if (!ID_PATTERN.test(newId)) return refuse('invalid', `"${newId}" is not a valid id (letters, digits and _ . : -, up to 64).`);
  const taken = idsOf(doc);
  if (!taken.has(id)) return refuse('not-found', `There is no role "${id}".`);
  if (taken.has(newId)) return refuse('duplicate', `A role with the id "${newId}" already exists.`);
  const swap = (ref: string): string => (ref === id ? newId : ref);
  const roles = doc.roles.map((r) => {
    const touched = r.id === id || r.reportsTo === id || r.dottedLines.some((d) => d.to === id);
    if (!touched) return r;
    return {
      ...r,
      id: swap(r.id),
      reportsTo: r.reportsTo === null ? null : swap(r.reportsTo),
      dottedLines: r.dottedLines.map((d) => (d.to === id ? { ...d, to: newId } : d)),
    };
  });
  const positions = renameKey(doc.view.positions, id, newId);
  const collapsed = doc.view.collapsed.map(swap);
  return { ok: true, doc: { ...doc, roles, view: { ...doc.view, positions, collapsed } } };
}

/** Makes `id` report to `managerId` (null: a top role); refused when it would close a loop. */
export function moveRole(doc: OrgDocument, id: string, managerId: string | null): CommandResult {
  const at = doc.roles.findIndex((r) => r.id === id);
  if (at < 0) return refuse('not-found', `There is no role "${id}".`);
  const role = doc.roles[at]!;
  if (managerId !== null) {
    if (managerId === id) return refuse('self', `"${role.title}" cannot report to itself.`);
    const manager = findRole(doc, managerId);
    if (!manager) return refuse('not-found', `There is no role "${managerId}" to report to.`);
    if (wouldCreateCycle(doc, id, managerId)) {
      return refuse('cycle', `"${role.title}" cannot report to "${manager.title}": "${manager.title}" already reports, directly or not, to "${role.title}".`);
    }
  }
  if (role.reportsTo === managerId) return { ok: true, doc };
  const roles = doc.roles.slice();
  roles[at] = { ...role, reportsTo: managerId };
  return { ok: true, doc: withRoles(doc, roles) };
}

/**
 * Makes every role of `ids` report to `managerId` in one step (a drop of several cards);
 * their manual positions go, so the layout places them under the new manager.
 */
export function moveRoles(doc: OrgDocument, ids: readonly string[], managerId: string): CommandResult {
  let current = doc;
  for (const id of ids) {
    const result = moveRole(current, id, managerId);
    if (!result.ok) return result;
    current = result.doc;
  }
  return { ok: true, doc: clearPositionsOf(current, ids) };
}

/**
 * Removes roles. The reports of a removed role move up to its nearest manager that
 * stays (or become top roles); dotted lines to removed roles and their view entries go too.
 */
export function removeRoles(doc: OrgDocument, ids: readonly string[]): CommandResult {
  const removed = new Set(ids);
  const byId = new Map(doc.roles.map((r) => [r.id, r] as const));
  for (const id of removed) if (!byId.has(id)) return refuse('not-found', `There is no role "${id}".`);
  // Nearest surviving manager, walking up past removed roles (visited set: cycles).
  const survivingManager = (start: string | null): string | null => {
    const seen = new Set<string>();
    let cur = start;
    while (cur !== null && removed.has(cur) && !seen.has(cur)) {
      seen.add(cur);
      cur = byId.get(cur)?.reportsTo ?? null;
    }
    return cur !== null && removed.has(cur) ? null : cur;
  };
  const roles: Role[] = [];
  for (const r of doc.roles) {
    if (removed.has(r.id)) continue;
    const reportsTo = r.reportsTo !== null && removed.has(r.reportsTo) ? survivingManager(r.reportsTo) : r.reportsTo;
    const dottedLines = r.dottedLines.some((d) => removed.has(d.to)) ? r.dottedLines.filter((d) => !removed.has(d.to)) : r.dottedLines;
    roles.push(reportsTo === r.reportsTo && dottedLines === r.dottedLines ? r : { ...r, reportsTo, dottedLines });
  }
  const positions = Object.fromEntries(Object.entries(doc.view.positions).filter(([id]) => !removed.has(id)));
  const collapsed = doc.view.collapsed.filter((id) => !removed.has(id));
  return { ok: true, doc: { ...doc, roles, view: { ...doc.view, positions, collapsed } } };
}

/** Removes the dotted line from `fromId` to `toId`. */
export function removeDottedLine(doc: OrgDocument, fromId: string, toId: string): CommandResult {
  const at = doc.roles.findIndex((r) => r.id === fromId);
  const from = doc.roles[at];
  if (!from || !from.dottedLines.some((d) => d.to === toId)) return refuse('not-found', `There is no dotted line from "${fromId}" to "${toId}".`);
  const roles = doc.roles.slice();
  roles[at] = { ...from, dottedLines: from.dottedLines.filter((d) => d.to !== toId) };
  return { ok: true, doc: withRoles(doc, roles) };
}

/** The roles a copy takes: the role alone, or the role first and then every solid-line descendant (document order). */
export function copyRoles(doc: OrgDocument, id: string, withSubtree: boolean): readonly Role[] {
  const root = findRole(doc, id);
  if (!root) return [];
  if (!withSubtree) return [root];
  const kids = new Map<string, Role[]>();
  for (const r of doc.roles) {
    if (r.reportsTo === null || r.reportsTo === r.id) continue;
    let list = kids.get(r.reportsTo);
    if (!list) kids.set(r.reportsTo, (list = []));
    list.push(r);
  }
  const picked = new Set<string>([id]);
  const queue = [id];
  while (queue.length > 0) {
    for (const k of kids.get(queue.pop()!) ?? []) {
      if (!picked.has(k.id)) {
        picked.add(k.id);
        queue.push(k.id);
      }
    }
  }
  // The copied role first, whatever its place in the document: a paste puts the first role under its target.
  return [root, ...doc.roles.filter((r) => r !== root && picked.has(r.id))];
}

/** What a paste leaves with the originals (the notice says so). */
export interface PasteLeftOut {
  /** Pasted roles whose holder stayed with the original. */
  readonly holders: number;
  /** Budgets of the copied roles that were not pasted. */
  readonly budgets: number;
  /** Decision rights of department scope that were not pasted. */
  readonly rights: number;
}

/**
 * A right that covers the whole department: its explicit scope, or an external holder's
 * default (format.md: `department` for an external holder; `team` or `own` otherwise).
 */
function isDepartmentWide(role: Role, right: Role['decisions'][number]): boolean {
  return (right.scope ?? (role.external ? 'department' : undefined)) === 'department';
}

/**
 * Pastes copied roles with fresh ids under `managerId` (null: loose). A paste copies
 * positions, not people nor money (designer.md, "Copy and paste"): each pasted role keeps
 * everything of its position (title, family, level, headcount and openings, salary band,
 * target, accounts, requirements, exceptions, its own and its team's decision rights,
 * dotted lines) but not its `holder` (the same person would hold two roles), its
 * `budgets` (a budget has one owner, and a copy would allot the same money twice: BUD-001,
 * BUD-002) or its department-wide rights (a department has one decider per area: DEC-001).
 * References inside the copy (reports, dotted lines) follow the new ids.
 */
export function pasteRoles(doc: OrgDocument, copied: readonly Role[], managerId: string | null): CommandResult<{ readonly ids: readonly string[]; readonly leftOut: PasteLeftOut }> {
  if (copied.length === 0) return refuse('not-found', 'Nothing to paste.');
  if (doc.roles.length + copied.length > MAX_ROLES) return refuse('too-many-roles', `A document holds at most ${MAX_ROLES.toLocaleString('en-US')} roles.`);
  if (managerId !== null && !findRole(doc, managerId)) return refuse('not-found', `There is no role "${managerId}" to paste under.`);
  const taken = idsOf(doc);
  const newId = new Map<string, string>();
  for (const r of copied) {
    const id = freshId(r.id, taken);
    taken.add(id);
    newId.set(r.id, id);
  }
  let holders = 0;
  let budgets = 0;
  let rights = 0;
  const pasted = copied.map((r, i): Role => {
    // The holder stays with the original: a copy is the position, not the person.
    const { holder, ...position } = r;
    if (holder !== undefined) holders++;
    budgets += r.budgets.length;
    const decisions = r.decisions.some((d) => isDepartmentWide(r, d)) ? r.decisions.filter((d) => !isDepartmentWide(r, d)) : r.decisions;
    rights += r.decisions.length - decisions.length;
    return {
      ...position,
      id: newId.get(r.id)!,
      // The first copied role is the copy's root; inner roles keep their copied manager.
      reportsTo: i === 0 ? managerId : r.reportsTo !== null && newId.has(r.reportsTo) ? newId.get(r.reportsTo)! : managerId,
      dottedLines: r.dottedLines.map((d) => (newId.has(d.to) ? { ...d, to: newId.get(d.to)! } : d)),
      budgets: [],
      decisions,
    };
  });
  return { ok: true, doc: withRoles(doc, [...doc.roles, ...pasted]), ids: pasted.map((r) => r.id), leftOut: { holders, budgets, rights } };
}

/** The document name's bound as zod checks it (`min(1).max(MAX_LENGTH.name)`), counting code points. */
const isNameLength = (name: string): boolean => typeof name === 'string' && name.length >= 1 && withinLength(name, MAX_LENGTH.name);

/** Renames the document (1 to MAX_LENGTH.name characters). */
export function renameDocument(doc: OrgDocument, name: string): CommandResult {
  if (!isNameLength(name)) return refuse('invalid', `A document name has 1 to ${MAX_LENGTH.name} characters.`);
  return { ok: true, doc: { ...doc, name } };
}

/** Keeps a manual canvas position for a role. */
export function setPosition(doc: OrgDocument, id: string, position: { readonly x: number; readonly y: number }): OrgDocument {
  return setPositions(doc, [[id, position]]);
}

/** Keeps manual canvas positions for several roles in one step. */
export function setPositions(doc: OrgDocument, entries: Iterable<readonly [string, { readonly x: number; readonly y: number }]>): OrgDocument {
  // fromEntries defines own properties, so an id such as "constructor" is plain data.
  const positions = Object.fromEntries([...Object.entries(doc.view.positions), ...[...entries].map(([id, p]) => [id, { x: p.x, y: p.y }] as const)]);
  return { ...doc, view: { ...doc.view, positions } };
}

function renameKey<T>(rec: Readonly<Record<string, T>>, from: string, to: string): Record<string, T> {
  return Object.fromEntries(Object.entries(rec).map(([k, v]) => [k === from ? to : k, v]));
}

/** Sets the layout direction of the canvas. */
export function setDirection(doc: OrgDocument, direction: OrgDocument['view']['direction']): CommandResult {
  if (doc.view.direction === direction) return { ok: true, doc };
  return { ok: true, doc: { ...doc, view: { ...doc.view, direction } } };
}

/** Collapses or expands the subtree of a role on the canvas. */
export function toggleCollapsed(doc: OrgDocument, id: string): CommandResult {
  if (!findRole(doc, id)) return refuse('not-found', `There is no role "${id}".`);
  const collapsed = doc.view.collapsed.includes(id) ? doc.view.collapsed.filter((c) => c !== id) : [...doc.view.collapsed, id];
  return { ok: true, doc: { ...doc, view: { ...doc.view, collapsed } } };
}

/** Forgets every manual position, so the automatic layout places every role ("Auto layout"). */
export function clearPositions(doc: OrgDocument): CommandResult {
  if (Object.keys(doc.view.positions).length === 0) return { ok: true, doc };
  return { ok: true, doc: { ...doc, view: { ...doc.view, positions: {} } } };
}

/** Forgets the manual positions of some roles (a re-parented role goes back to the layout). */
export function clearPositionsOf(doc: OrgDocument, ids: readonly string[]): OrgDocument {
  const drop = new Set(ids);
  if (!Object.keys(doc.view.positions).some((id) => drop.has(id))) return doc;
  const positions = Object.fromEntries(Object.entries(doc.view.positions).filter(([id]) => !drop.has(id)));
  return { ...doc, view: { ...doc.view, positions } };
}
