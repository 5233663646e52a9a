/**
 * One-click remedies for findings (docs/rules.md, "Remedies"): for a finding whose fix is
 * obvious, the edit that makes it, as a pure command the store runs as one undo step.
 * Keyed by message id ("DEC-002/department"), since a rule's messages already say what to
 * change: each remedy does what its message says, reading the finding's data (the role
 * ids, areas and amounts its placeholders carry), never its English text.
 *
 * Kept beside the rules rather than in them: a check only reads a document, a remedy
 * edits one (the model's commands), and the CLI and the engine need none of this. The
 * table's keys are typed by the rules' message ids, so a renamed message fails the
 * typecheck. The app loads this module with the rules' chunk (api.ts).
 *
 * Every warning with a main role can also be accepted with a reason the person writes
 * (`acceptFinding`): an exception `{ rule, reason }` on that role.
 */
import { moveRole, moveRoles, removeDottedLine, type CommandResult } from '../model/commands.ts';
import { acceptException, addPartner, giveDecisions, makePartnerLines, markExternal, raisePersonnelBudget, removeRepeatedLine, setRevenueTarget, type Grant } from '../model/remedy-commands.ts';
import { buildTreeIndex, type TreeIndex } from '../model/tree.ts';
import { DECISION_AREAS, FUNCTIONS } from '../schema/constants.ts';
import type { DecisionArea, OrgDocument, Role, RoleFunction } from '../schema/v1.ts';
import { isRuleId, type RULES } from './all.ts';
import { effectiveParams } from './engine.ts';
import type { Arg, MessageData } from './message.ts';
import type { Finding } from './types.ts';

/** Every message id of the catalogue ("SPAN-002/over"). */
type Listed = (typeof RULES)[number];
export type MessageId = { [R in Listed as R['id']]: `${R['id']}/${Extract<keyof R['messages'], string>}` }[Listed['id']];

/**
 * What a remedy's button says, by kind; the UI words it in its language (strings.ts,
 * `remedy` + the kind) with the remedy's data in the placeholders, as a finding's message.
 */
export type RemedyLabel =
  | 'giveDecision'
  | 'giveDecisionMany'
  | 'removeLine'
  | 'removeRepeat'
  | 'partnerLines'
  | 'raiseBudget'
  | 'setTarget'
  | 'reportTo'
  | 'markExternal'
  | 'addPartner';

export interface Remedy {
  /** The button's words, and the values of their placeholders (message.ts's `Arg`s). */
  readonly label: RemedyLabel;
  readonly data: MessageData;
  /** The edit, as a command of the store (`run(remedy.apply)`): one undo step. */
  readonly apply: (doc: OrgDocument) => CommandResult;
}

type Offer = (data: MessageData, finding: Finding, doc: OrgDocument, index: TreeIndex | undefined) => readonly Remedy[];

// The finding's data, read defensively: a value of another shape offers no remedy.
const roleOf = (v: Arg | undefined): string | undefined => (typeof v === 'object' && 'role' in v && typeof v.role === 'string' ? v.role : undefined);
const rolesOf = (v: Arg | undefined): readonly string[] | undefined => (typeof v === 'object' && 'roles' in v && Array.isArray(v.roles) ? v.roles : undefined);
const moneyOf = (v: Arg | undefined): number | undefined => (typeof v === 'object' && 'money' in v && Number.isFinite(v.money) ? v.money : undefined);
const termOf = <T extends string>(v: Arg | undefined, kind: string, values: readonly T[]): T | undefined =>
  typeof v === 'object' && 'term' in v && v.term === kind && (values as readonly string[]).includes(v.value) ? (v.value as T) : undefined;
const areaOf = (v: Arg | undefined) => termOf<DecisionArea>(v, 'area', DECISION_AREAS);

const one = (label: RemedyLabel, data: MessageData, apply: Remedy['apply']): readonly Remedy[] => [{ label, data, apply }];
const NONE: readonly Remedy[] = [];

/** A dotted line from the finding's role to the finding's target (or missing id), removed whole. */
const removeLineTo =
  (target: (data: MessageData) => string | undefined): Offer =>
  (data) => {
    const role = roleOf(data.role);
    const to = target(data);
    return role && to !== undefined ? one('removeLine', {}, (doc) => removeDottedLine(doc, role, to)) : NONE;
  };

/** The second line of a repeated pair removed: the first stays. */
const removeRepeat =
  (target: (data: MessageData) => string | undefined): Offer =>
  (data) => {
    const role = roleOf(data.role);
    const to = target(data);
    return role && to !== undefined ? one('removeRepeat', {}, (doc) => removeRepeatedLine(doc, role, to)) : NONE;
  };

/** The role reports to the department's top, `top`. */
const reportToTop = (role: string, top: string): Remedy => ({ label: 'reportTo', data: { top: { role: top } }, apply: (doc) => moveRole(doc, role, top) });

const BUDGET_TARGET: Offer = (data) => {
  const role = roleOf(data.role);
  const sum = moneyOf(data.sum);
  return role && sum !== undefined ? one('setTarget', { amount: { money: sum } }, (doc) => setRevenueTarget(doc, role, sum)) : NONE;
};

const PERSONNEL_BUDGET: Offer = (data, _finding, doc) => {
  const role = roleOf(data.role);
  const cost = moneyOf(data.cost);
  // The budget that clears the warning: cost ≤ budget × warnRatio, in whole units of the currency.
  const { warnRatio } = effectiveParams(doc)['BUD-004'];
  if (!role || cost === undefined || !(warnRatio > 0)) return NONE;
  const amount = Math.ceil(cost / warnRatio);
  return Number.isFinite(amount) ? one('raiseBudget', { amount: { money: amount } }, (d) => raisePersonnelBudget(d, role, amount)) : NONE;
};

/**
 * DEC-002 for account owners: "Give them, or a manager above them, a decide right for it."
 * Each uncovered owner's solid-line manager in the department gets a `team` decide right
 * (an owner without one gets it itself); a holder under another holder is left out, since
 * the higher one's team right covers it.
 */
const ACCOUNT_DECISION: Offer = (data, finding, doc, index) => {
  const area = areaOf(data.area);
  if (!area || finding.roles.length === 0) return NONE;
  const byId = new Map<string, Role>();
  for (const r of doc.roles) if (!byId.has(r.id)) byId.set(r.id, r);
  const holders = new Set<string>();
  const loose: string[] = [];
  for (const id of finding.roles) {
    const owner = byId.get(id);
    if (!owner) return NONE;
    const manager = owner.reportsTo === null || owner.reportsTo === id ? undefined : byId.get(owner.reportsTo);
    if (!manager || manager.external) loose.push(id);
    holders.add(manager && !manager.external ? manager.id : id);
  }
  // Owners outside the hierarchy (loose roles, STR-002) whose top decides the area for its team:
  // under the top they are covered, which beats each deciding for itself.
  const top = rootCovering(doc, index ?? buildTreeIndex(doc), area);
  if (top !== undefined && loose.length === finding.roles.length && !loose.includes(top)) {
    const apply = (d: OrgDocument) => moveRoles(d, loose, top);
    return one('reportTo', { top: { role: top } }, apply);
  }
  const kept = [...holders].filter((h) => {
    // Up the solid line through in-scope roles (visited set: cycles): another holder there covers h.
    const seen = new Set([h]);
    for (let cur = byId.get(byId.get(h)!.reportsTo ?? ''); cur && !cur.external && !seen.has(cur.id); cur = byId.get(cur.reportsTo ?? '')) {
      if (holders.has(cur.id)) return false;
      seen.add(cur.id);
    }
    return true;
  });
  const grants: Grant[] = kept.map((holder) => ({ holder, area, scope: 'team' }));
  const apply = (d: OrgDocument) => giveDecisions(d, grants);
  return kept.length === 1 ? one('giveDecision', { role: { role: kept[0]! } }, apply) : one('giveDecisionMany', { roles: { roles: kept }, count: kept.length }, apply);
};

/** Root, when it decides the area for its team or the department (so a role put under it is covered). */
function rootCovering(doc: OrgDocument, index: TreeIndex, area: DecisionArea): string | undefined {
  const root = index.root >= 0 ? doc.roles[index.root] : undefined;
  return root?.decisions.some((d) => d.area === area && d.authority === 'decide' && d.scope !== 'own') ? root.id : undefined;
}

const REMEDIES: { readonly [K in MessageId]?: Offer } = {
  // "Make it report to someone in the hierarchy, or mark it external."
  'STR-002/loose': (data) => {
    const role = roleOf(data.role);
    const top = roleOf(data.top);
    if (!role || !top) return NONE;
    return [reportToTop(role, top), { label: 'markExternal', data: {}, apply: (doc) => markExternal(doc, role) }];
  },
  // "Put it under {top}" (marking its top external would leave its reports loose instead).
  'STR-002/second': (data) => {
    const role = roleOf(data.role);
    const top = roleOf(data.top);
    return role && top ? [reportToTop(role, top)] : NONE;
  },
  'STR-003/twice': removeRepeat((data) => roleOf(data.target)),
  'STR-003/twiceMissing': removeRepeat((data) => (typeof data.to === 'string' ? data.to : undefined)),
  'STR-003/missing': removeLineTo((data) => (typeof data.to === 'string' ? data.to : undefined)),
  'STR-003/self': removeLineTo((data) => roleOf(data.role)),
  'STR-003/subordinate': removeLineTo((data) => roleOf(data.target)),
  'STR-003/manager': removeLineTo((data) => roleOf(data.target)),
  // "Turn the others into partner lines": the first `max` indirect managers stay.
  'STR-003/tooManyIndirect': (data) => {
    const role = roleOf(data.role);
    const targets = rolesOf(data.targets);
    const max = typeof data.max === 'number' ? Math.max(0, Math.floor(data.max)) : undefined;
    if (!role || !targets || max === undefined || targets.length <= max) return NONE;
    const others = targets.slice(max);
    return one('partnerLines', { roles: { roles: others } }, (doc) => makePartnerLines(doc, role, others));
  },
  // "Add a partner line with the {function} lead the department works with."
  'STR-007/noPartner': (data) => {
    const head = roleOf(data.role);
    const fn = termOf<RoleFunction>(data.function, 'function', FUNCTIONS);
    return head && fn ? one('addPartner', { function: data.function! }, (doc) => addPartner(doc, head, fn)) : NONE;
  },
  // "Give {role} a decide right for it": root decides the area for the department.
  'DEC-002/department': (data) => {
    const area = areaOf(data.area);
    const root = roleOf(data.role);
    return area && root ? one('giveDecision', { role: { role: root } }, (doc) => giveDecisions(doc, [{ holder: root, area, scope: 'department' }])) : NONE;
  },
  'DEC-002/owner': ACCOUNT_DECISION,
  'DEC-002/owners': ACCOUNT_DECISION,
  // "Raise the budget": to the loaded cost.
  'BUD-004/over': PERSONNEL_BUDGET,
  'BUD-004/overNoBudget': PERSONNEL_BUDGET,
  // The manager's target set to what its reports carry.
  'BUD-005/noTarget': BUDGET_TARGET,
  'BUD-005/under': BUDGET_TARGET,
  'BUD-005/overError': BUDGET_TARGET,
  'BUD-005/overWarn': BUDGET_TARGET,
};

/** The message ids that have remedies (tests check each against the catalogue). */
export const REMEDY_MESSAGE_IDS: readonly string[] = Object.keys(REMEDIES);

/**
 * The remedies a finding offers in this document, or none (`index`: the document's tree
 * index when at hand, else built when a remedy needs it). An accepted finding (info with
 * its reason) offers none: it was accepted as it is.
 */
export function remediesFor(finding: Finding, doc: OrgDocument, index?: TreeIndex): readonly Remedy[] {
  if (finding.accepted !== undefined || finding.messageId === undefined || finding.data === undefined) return NONE;
  const offer = Object.hasOwn(REMEDIES, finding.messageId) ? REMEDIES[finding.messageId as MessageId] : undefined;
  return offer ? offer(finding.data, finding, doc, index && index.doc === doc ? index : undefined) : NONE;
}

/** Whether a finding can be accepted with a reason: a warning of a rule, about a role. */
export function canAccept(finding: Finding): boolean {
  return finding.severity === 'warning' && finding.roles.length > 0 && finding.accepted === undefined && isRuleId(finding.rule);
}

/**
 * Accepting a finding with the reason a person wrote: the exception `{ rule, reason }` on
 * its main role, which turns that rule's findings about the role into info (rules.md).
 */
export function acceptFinding(finding: Finding, reason: string): (doc: OrgDocument) => CommandResult {
  const role = finding.roles[0];
  return (doc) => (role === undefined || !canAccept(finding) ? { ok: false, code: 'invalid', reason: 'Only a warning about a role can be accepted.' } : acceptException(doc, role, finding.rule, reason));
}
