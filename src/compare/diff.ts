/**
 * The comparison of two documents (issue 18): a base (the current organization) and a
 * proposal. Roles are matched by id. The result is plain data (JSON-serializable) that the
 * CLI (`org diff`), the change-list CSV and the compare view all read.
 *
 * Documents are compared as loaded, defaults applied, so how a file was written (a default
 * spelled out or left out, the key order of an object) is no change. Arrays keep their order:
 * the order of dotted lines, budgets or decision rights is the document's (the first decide
 * right of a holder is the one the rules read).
 *
 * Linear in roles: one pass over the proposal (matched by position, else through a Map of the
 * base's ids), a comparison of each field by its fixed shape, cheap because commands share
 * every unchanged role (the same object in both documents compares by identity), and the
 * rules' own passes for findings, metrics and deciders (docs/performance.md, "Diff").
 */
import type { TreeIndex } from '../model/tree.ts';
import { buildTreeIndex } from '../model/tree.ts';
import { computeMetrics, type OrgMetrics } from '../metrics/index.ts';
import { accountOwners, effectiveDeciders } from '../rules/chains.ts';
import { RuleContext } from '../rules/context.ts';
import { checkDocument, effectiveParams } from '../rules/engine.ts';
import { rightAt } from '../rules/rights.ts';
import type { Finding } from '../rules/types.ts';
import { DECISION_AREAS, type DecisionArea } from '../schema/constants.ts';
import type { BudgetKind, Limit, OrgDocument, Role, Scope } from '../schema/v1.ts';

/** The top-level fields of a Role (format.md, "Role"), in the spec's order. */
export const ROLE_FIELDS = [
  'id',
  'title',
  'titles',
  'family',
  'function',
  'level',
  'reportsTo',
  'dottedLines',
  'external',
  'assistant',
  'archetype',
  'headcount',
  'vacancies',
  'holder',
  'salary',
  'revenueTarget',
  'accounts',
  'budgets',
  'decisions',
  'requirements',
  'exceptions',
] as const satisfies readonly (keyof Role)[];
export type RoleField = (typeof ROLE_FIELDS)[number];

/** The fields `changed` names: every Role field but `id` (roles are matched by it) and `reportsTo` (that is `moved`). */
export type ChangedField = Exclude<RoleField, 'id' | 'reportsTo'>;

/** The document fields compared besides the roles; `view` (canvas positions, collapsed, direction) is presentation, not organization. */
export const DOCUMENT_FIELDS = ['name', 'description', 'currency', 'period', 'settings'] as const satisfies readonly (keyof OrgDocument)[];
export type DocumentField = (typeof DOCUMENT_FIELDS)[number];

export type ChangeKind = 'added' | 'removed' | 'moved' | 'changed';

/** One field of one role, before → after (undefined: the optional field is absent). */
export type FieldChange = { readonly [F in Exclude<RoleField, 'id'>]: { readonly field: F; readonly before: Role[F]; readonly after: Role[F] } }[Exclude<RoleField, 'id'>];

/** A role that differs, for the change list. */
export interface RoleChange {
  readonly id: string;
  /** ['added'], ['removed'], ['moved'], ['changed'] or ['moved', 'changed']. */
  readonly kinds: readonly ChangeKind[];
  /** The role in the base (null when added) and in the proposal (null when removed). */
  readonly before: Role | null;
  readonly after: Role | null;
  /** Field by field: `reportsTo` first when moved, then the changed fields in ROLE_FIELDS order; empty for added and removed roles. */
  readonly fields: readonly FieldChange[];
}

export interface Move {
  readonly id: string;
  /** The manager's id in the base and in the proposal; null for a top role. */
  readonly from: string | null;
  readonly to: string | null;
}

/** Who effectively decides (rules.md, "chain(area, u)"): the holder of the first right of the chain, its scope and limit. */
export interface Decider {
  readonly holder: string;
  readonly scope: Scope;
  readonly limit: Limit | null;
}

export interface DeciderChange {
  readonly area: DecisionArea;
  /** Whose decision: null for the department's (the root's decider), else an account owner's role id. */
  readonly role: string | null;
  /** null: nobody decides (the chain is empty, or the document has no root). */
  readonly before: Decider | null;
  readonly after: Decider | null;
  readonly changed: boolean;
}

export interface BudgetSide {
  readonly owner: string;
  readonly kind: BudgetKind;
  readonly amount: number;
  readonly parent: string | null;
}

export interface BudgetChange {
  readonly id: string;
  /** The budget's first occurrence in document order (format.md: one id names one budget); null when absent. */
  readonly before: BudgetSide | null;
  readonly after: BudgetSide | null;
  readonly changed: boolean;
}

export interface DocumentFieldChange {
  readonly field: DocumentField;
  readonly before: unknown;
  readonly after: unknown;
}

export interface DocumentDiff {
  /** Ids in the proposal's order. */
  readonly added: readonly string[];
  /** Ids in the base's order. */
  readonly removed: readonly string[];
  /** Roles whose `reportsTo` differs, in the proposal's order. */
  readonly moved: readonly Move[];
  /** Roles in both whose other fields differ, in the proposal's order, naming the fields in ROLE_FIELDS order. */
  readonly changed: readonly { readonly id: string; readonly fields: readonly ChangedField[] }[];
  /** Every role that differs, field by field: the proposal's order, then the removed roles in the base's order. */
  readonly roles: readonly RoleChange[];
  /** The same figures as `org stats --json`. */
  readonly metrics: { readonly before: OrgMetrics; readonly after: OrgMetrics };
  /** A finding is the same in both when its rule, severity and roles are equal (its words may differ). */
  readonly findings: { readonly new: readonly Finding[]; readonly resolved: readonly Finding[]; readonly unchanged: readonly Finding[] };
  /**
   * Per decision area (DECISION_AREAS order): the department's decider (the root's), always,
   * then each account owner present in both documents whose decider differs.
   */
  readonly decisions: readonly DeciderChange[];
  /** Every budget of either document: the proposal's order, then those only in the base, in its order. */
  readonly budgets: readonly BudgetChange[];
  /** Document fields that differ (name, description, currency, period, rule settings). */
  readonly document: readonly DocumentFieldChange[];
  /** No role added, removed, moved or changed, the same metrics and no new or resolved finding. Document fields are not counted: a scenario has its own name. */
  readonly equal: boolean;
}

/** What is already known of a document (the app memoizes it per document: store/derived.ts). */
export interface Derivations {
  readonly index?: TreeIndex;
  readonly findings?: readonly Finding[];
  readonly metrics?: OrgMetrics;
}

/** Compares a proposal with its base; linear in roles, findings and budgets. */
export function diffDocuments(base: OrgDocument, proposed: OrgDocument, known: { readonly base?: Derivations; readonly proposed?: Derivations } = {}): DocumentDiff {
  const before = derive(base, known.base);
  const after = derive(proposed, known.proposed);
  const { baseIndexOf, ...roles } = diffRoles(base, proposed);
  const metrics = { before: before.metrics, after: after.metrics };
  const findings = diffFindings(before.findings, after.findings);
  const equal = roles.added.length === 0 && roles.removed.length === 0 && roles.moved.length === 0 && roles.changed.length === 0 && findings.new.length === 0 && findings.resolved.length === 0 && same(metrics.before, metrics.after);
  return {
    ...roles,
    metrics,
    findings,
    decisions: diffDeciders(before, after, baseIndexOf),
    budgets: diffBudgets(base, proposed),
    document: diffDocumentFields(base, proposed),
    equal,
  };
}

/** The object `org diff --json` prints (issue 18): the role changes, the metrics and the new and resolved findings. */
export function diffJson(diff: DocumentDiff) {
  const finding = (f: Finding) => ({ rule: f.rule, severity: f.severity, roles: f.roles, message: f.message });
  return {
    added: diff.added,
    removed: diff.removed,
    moved: diff.moved,
    changed: diff.changed,
    metrics: diff.metrics,
    findings: { new: diff.findings.new.map(finding), resolved: diff.findings.resolved.map(finding) },
  };
}

interface Derived {
  readonly doc: OrgDocument;
  readonly index: TreeIndex;
  readonly findings: readonly Finding[];
  readonly metrics: OrgMetrics;
}

function derive(doc: OrgDocument, known: Derivations | undefined): Derived {
  const index = known?.index && known.index.doc === doc ? known.index : buildTreeIndex(doc);
  return { doc, index, findings: known?.findings ?? checkDocument(doc, index), metrics: known?.metrics ?? computeMetrics(doc, index) };
}

const NONE = -1;

type RoleDiff = Pick<DocumentDiff, 'added' | 'removed' | 'moved' | 'changed' | 'roles'> & {
  /** For each proposed role (by position), the position of the base role with its id, -1 when added. */
  readonly baseIndexOf: Int32Array;
};

function diffRoles(base: OrgDocument, proposed: OrgDocument): RoleDiff {
  const baseRoles = base.roles;
  // Ids are unique in a loaded document, so a role at the same position with the same id is the match;
  // the Map is built at the first role that is not (an edit usually keeps the order up to the first insertion or removal).
  let baseAt: Map<string, number> | undefined;
  const findBase = (id: string, at: number): number | undefined => {
    if (at < baseRoles.length && baseRoles[at]!.id === id) return at;
    if (!baseAt) {
      baseAt = new Map();
      for (let i = 0; i < baseRoles.length; i++) baseAt.set(baseRoles[i]!.id, i);
    }
    return baseAt.get(id);
  };
  const baseIndexOf = new Int32Array(proposed.roles.length);
  // Base roles matched by a proposed role; the rest are removed.
  const matched = new Uint8Array(baseRoles.length);
  const added: string[] = [];
  const moved: Move[] = [];
  const changed: { id: string; fields: ChangedField[] }[] = [];
  const roles: RoleChange[] = [];
  for (let j = 0; j < proposed.roles.length; j++) {
    const after = proposed.roles[j]!;
    const i = findBase(after.id, j);
    baseIndexOf[j] = i ?? NONE;
    if (i === undefined) {
      added.push(after.id);
      roles.push({ id: after.id, kinds: ['added'], before: null, after, fields: [] });
      continue;
    }
    matched[i] = 1;
    const before = baseRoles[i]!;
    // Commands share unchanged roles, so most pairs are one object.
    if (before === after) continue;
    const isMoved = before.reportsTo !== after.reportsTo;
    const fields = changedFields(before, after);
    if (!isMoved && fields === undefined) continue;
    const kinds: ChangeKind[] = [];
    const list: FieldChange[] = [];
    if (isMoved) {
      kinds.push('moved');
      moved.push({ id: after.id, from: before.reportsTo, to: after.reportsTo });
      list.push({ field: 'reportsTo', before: before.reportsTo, after: after.reportsTo });
    }
    if (fields !== undefined) {
      kinds.push('changed');
      changed.push({ id: after.id, fields });
      for (const field of fields) list.push({ field, before: before[field], after: after[field] } as FieldChange);
    }
    roles.push({ id: after.id, kinds, before, after, fields: list });
  }
  const removed: string[] = [];
  for (let i = 0; i < baseRoles.length; i++) {
    if (matched[i]) continue;
    const before = baseRoles[i]!;
    removed.push(before.id);
    roles.push({ id: before.id, kinds: ['removed'], before, after: null, fields: [] });
  }
  return { added, removed, moved, changed, roles, baseIndexOf };
}

/**
 * The fields other than id and reportsTo that differ, in ROLE_FIELDS order; undefined when
 * none. Written out field by field, each nested value with a comparer of its fixed shape
 * (format.md; the loader drops unknown keys, and an absent optional field reads undefined
 * like one set to undefined): fixed property reads on one shape are several times faster
 * than a generic walk over keys, which took half the diff's time at 10,000 roles.
 * tests/unit/diff.test.ts changes every field of ROLE_FIELDS, and every key of FIELDS' nested
 * shapes, in turn, so a field added to the format cannot be missed here.
 */
function changedFields(a: Role, b: Role): ChangedField[] | undefined {
  let out: ChangedField[] | undefined;
  if (a.title !== b.title) (out ??= []).push('title');
  if (!same(a.titles, b.titles)) (out ??= []).push('titles');
  if (a.family !== b.family) (out ??= []).push('family');
  if (a.function !== b.function) (out ??= []).push('function');
  if (a.level !== b.level) (out ??= []).push('level');
  if (!sameList(a.dottedLines, b.dottedLines, sameDottedLine)) (out ??= []).push('dottedLines');
  if (a.external !== b.external) (out ??= []).push('external');
  if (a.assistant !== b.assistant) (out ??= []).push('assistant');
  if (a.archetype !== b.archetype) (out ??= []).push('archetype');
  if (a.headcount !== b.headcount) (out ??= []).push('headcount');
  if (a.vacancies !== b.vacancies) (out ??= []).push('vacancies');
  if (!sameHolder(a.holder, b.holder)) (out ??= []).push('holder');
  if (!sameSalary(a.salary, b.salary)) (out ??= []).push('salary');
  if (a.revenueTarget !== b.revenueTarget) (out ??= []).push('revenueTarget');
  if (!sameList(a.accounts, b.accounts, sameAccounts)) (out ??= []).push('accounts');
  if (!sameList(a.budgets, b.budgets, sameBudgetEntry)) (out ??= []).push('budgets');
  if (!sameList(a.decisions, b.decisions, sameDecision)) (out ??= []).push('decisions');
  if (!sameRequirements(a.requirements, b.requirements)) (out ??= []).push('requirements');
  if (!sameList(a.exceptions, b.exceptions, sameException)) (out ??= []).push('exceptions');
  return out;
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, sameItem: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameItem(a[i]!, b[i]!)) return false;
  return true;
}

const sameString = (x: string, y: string): boolean => x === y;
type R = Role;
const sameDottedLine = (x: R['dottedLines'][number], y: R['dottedLines'][number]): boolean => x === y || (x.to === y.to && x.kind === y.kind && x.note === y.note);
const sameAccounts = (x: R['accounts'][number], y: R['accounts'][number]): boolean => x === y || (x.tier === y.tier && x.count === y.count);
const sameBudgetEntry = (x: R['budgets'][number], y: R['budgets'][number]): boolean => x === y || (x.id === y.id && x.kind === y.kind && x.amount === y.amount && x.parent === y.parent);
const sameException = (x: R['exceptions'][number], y: R['exceptions'][number]): boolean => x === y || (x.rule === y.rule && x.reason === y.reason);

function sameHolder(x: R['holder'], y: R['holder']): boolean {
  if (x === y) return true;
  if (x === undefined || y === undefined) return false;
  return x.name === y.name && x.yearsExperience === y.yearsExperience && x.yearsManagement === y.yearsManagement && sameList(x.languages, y.languages, sameString);
}

function sameSalary(x: R['salary'], y: R['salary']): boolean {
  if (x === y) return true;
  if (x === undefined || y === undefined) return false;
  return x.min === y.min && x.max === y.max && x.bonusPct === y.bonusPct;
}

function sameRequirements(x: R['requirements'], y: R['requirements']): boolean {
  if (x === y) return true;
  if (x === undefined || y === undefined) return false;
  return x.minYearsManagement === y.minYearsManagement && x.minYearsExperience === y.minYearsExperience && sameList(x.languages, y.languages, sameString);
}

type Right = R['decisions'][number];
function sameDecision(x: Right, y: Right): boolean {
  if (x === y) return true;
  if (x.area !== y.area || x.authority !== y.authority || x.scope !== y.scope) return false;
  const p = x.limit;
  const q = y.limit;
  if (p === q) return true;
  if (p === undefined || q === undefined) return false;
  // A limit is { percent } or { amount }: the other key reads undefined.
  return (p as { percent?: number }).percent === (q as { percent?: number }).percent && (p as { amount?: number }).amount === (q as { amount?: number }).amount;
}

/**
 * Structural equality of JSON-like values: arrays in order, objects by their keys in any
 * order, a key holding undefined the same as an absent one (an optional field left out).
 */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Readonly<Record<string, unknown>>;
  const y = b as Readonly<Record<string, unknown>>;
  // for…in rather than Object.keys: no array per object (documents hold plain objects, nothing inherited is enumerable).
  let defined = 0;
  for (const key in x) {
    const value = x[key];
    if (value === undefined) continue;
    defined++;
    // hasOwn: a key such as "toString" (a valid locale tag) must not read the prototype.
    if (!Object.hasOwn(y, key) || !same(value, y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) defined--;
  return defined === 0;
}

const findingKey = (f: Finding): string => `${f.rule}\u0000${f.severity}\u0000${f.roles.join('\u0000')}`;

/**
 * New (in the proposal's order), resolved (in the base's) and unchanged findings. Findings
 * are counted: two equal findings before and one after leave one resolved (the later one).
 */
function diffFindings(before: readonly Finding[], after: readonly Finding[]): DocumentDiff['findings'] {
  const beforeKeys = before.map(findingKey);
  const unmatched = new Map<string, number>();
  for (const key of beforeKeys) unmatched.set(key, (unmatched.get(key) ?? 0) + 1);
  const fresh: Finding[] = [];
  const unchanged: Finding[] = [];
  const matchedCount = new Map<string, number>();
  for (const f of after) {
    const key = findingKey(f);
    const left = unmatched.get(key) ?? 0;
    if (left > 0) {
      unmatched.set(key, left - 1);
      matchedCount.set(key, (matchedCount.get(key) ?? 0) + 1);
      unchanged.push(f);
    } else {
      fresh.push(f);
    }
  }
  const resolved: Finding[] = [];
  for (let i = 0; i < before.length; i++) {
    const key = beforeKeys[i]!;
    const m = matchedCount.get(key) ?? 0;
    if (m > 0) matchedCount.set(key, m - 1);
    else resolved.push(before[i]!);
  }
  return { new: fresh, resolved, unchanged };
}

const SCOPE_NAMES: readonly Scope[] = ['own', 'team', 'department'];

/** The rule context the DEC rules read (rights and chains), on the same index and parameters as the check. */
const contextOf = (doc: Derived): RuleContext => new RuleContext(doc.doc, doc.index, effectiveParams(doc.doc));

function deciderAt(ctx: RuleContext, right: number): Decider | null {
  if (right === NONE) return null;
  const t = ctx.rights;
  const limit = rightAt(ctx, right).limit;
  return { holder: ctx.roles[t.holder[right]!]!.id, scope: SCOPE_NAMES[t.scope[right]!] ?? 'own', limit: limit ?? null };
}

/**
 * Whether right x of the base and right y of the proposal (-1: none) are held by the same
 * role with the same scope and limit: read from the rights tables, the holder matched by
 * position (baseIndexOf), without building a Decider per owner and area.
 */
function sameRight(base: RuleContext, x: number, proposed: RuleContext, y: number, baseIndexOf: Int32Array): boolean {
  if (x === NONE || y === NONE) return x === y;
  const tx = base.rights;
  const ty = proposed.rights;
  return baseIndexOf[ty.holder[y]!] === tx.holder[x] && tx.scope[x] === ty.scope[y] && tx.limitKind[x] === ty.limitKind[y] && tx.limitValue[x] === ty.limitValue[y];
}

/**
 * Who decides, per area, before and after: the root's effective decider (the department's
 * decision), and every account owner (rules.md: in scope, owning accounts or a (senior) AM, in
 * either document) present in both whose effective decider differs. The deciders come from
 * the rules' own chains (rules/chains.ts effectiveDeciders), so they agree with DEC-002.
 */
function diffDeciders(before: Derived, after: Derived, baseIndexOf: Int32Array): DeciderChange[] {
  const ctxBefore = contextOf(before);
  const ctxAfter = contextOf(after);
  const proposedIndexOf = new Int32Array(ctxBefore.n).fill(NONE);
  for (let j = 0; j < baseIndexOf.length; j++) if (baseIndexOf[j] !== NONE) proposedIndexOf[baseIndexOf[j]!] = j;
  // Account owners of either document present in both, as pairs of role positions; each root goes in front.
  const rootBefore = ctxBefore.root;
  const rootAfter = ctxAfter.root;
  const subjectsBefore: number[] = rootBefore === NONE ? [] : [rootBefore];
  const subjectsAfter: number[] = rootAfter === NONE ? [] : [rootAfter];
  const firstBefore = subjectsBefore.length;
  const firstAfter = subjectsAfter.length;
  const ownersAfter = accountOwners(ctxAfter);
  const isOwnerAfter = new Uint8Array(ctxAfter.n);
  for (const u of ownersAfter) {
    isOwnerAfter[u] = 1;
    const v = baseIndexOf[u]!;
    if (v === NONE) continue;
    subjectsBefore.push(v);
    subjectsAfter.push(u);
  }
  for (const v of accountOwners(ctxBefore)) {
    const u = proposedIndexOf[v]!;
    if (u === NONE || isOwnerAfter[u]) continue;
    subjectsBefore.push(v);
    subjectsAfter.push(u);
  }
  const decidedBefore = effectiveDeciders(ctxBefore, subjectsBefore);
  const decidedAfter = effectiveDeciders(ctxAfter, subjectsAfter);
  const out: DeciderChange[] = [];
  const pairs = subjectsAfter.length - firstAfter;
  for (let area = 0; area < DECISION_AREAS.length; area++) {
    const db = decidedBefore[area]!;
    const da = decidedAfter[area]!;
    const rootRightBefore = rootBefore === NONE ? NONE : db[0]!;
    const rootRightAfter = rootAfter === NONE ? NONE : da[0]!;
    out.push({
      area: DECISION_AREAS[area]!,
      role: null,
      before: deciderAt(ctxBefore, rootRightBefore),
      after: deciderAt(ctxAfter, rootRightAfter),
      changed: !sameRight(ctxBefore, rootRightBefore, ctxAfter, rootRightAfter, baseIndexOf),
    });
    for (let k = 0; k < pairs; k++) {
      const rb = db[firstBefore + k]!;
      const ra = da[firstAfter + k]!;
      if (sameRight(ctxBefore, rb, ctxAfter, ra, baseIndexOf)) continue;
      out.push({ area: DECISION_AREAS[area]!, role: ctxAfter.roles[subjectsAfter[firstAfter + k]!]!.id, before: deciderAt(ctxBefore, rb), after: deciderAt(ctxAfter, ra), changed: true });
    }
  }
  return out;
}

/** Each budget id's first occurrence, in document order. */
function budgetsOf(doc: OrgDocument): Map<string, BudgetSide> {
  const out = new Map<string, BudgetSide>();
  for (const role of doc.roles) {
    const budgets = role.budgets;
    for (let k = 0; k < budgets.length; k++) {
      const b = budgets[k]!;
      if (!out.has(b.id)) out.set(b.id, { owner: role.id, kind: b.kind, amount: b.amount, parent: b.parent ?? null });
    }
  }
  return out;
}

const sameBudget = (a: BudgetSide | null, b: BudgetSide | null): boolean =>
  a === null || b === null ? a === b : a.owner === b.owner && a.kind === b.kind && a.amount === b.amount && a.parent === b.parent;

function diffBudgets(base: OrgDocument, proposed: OrgDocument): BudgetChange[] {
  const before = budgetsOf(base);
  const after = budgetsOf(proposed);
  const out: BudgetChange[] = [];
  for (const [id, side] of after) {
    const old = before.get(id) ?? null;
    out.push({ id, before: old, after: side, changed: !sameBudget(old, side) });
  }
  for (const [id, side] of before) if (!after.has(id)) out.push({ id, before: side, after: null, changed: true });
  return out;
}

function diffDocumentFields(base: OrgDocument, proposed: OrgDocument): DocumentFieldChange[] {
  const out: DocumentFieldChange[] = [];
  for (const field of DOCUMENT_FIELDS) if (!same(base[field], proposed[field])) out.push({ field, before: base[field], after: proposed[field] });
  return out;
}
