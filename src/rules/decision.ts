/** Decision-authority rules DEC-001..009 (rules.md, "Decision authority"); chains come from chains.ts. */
import type { Finding } from './types.ts';
import type { RuleContext, RuleImpl } from './context.ts';
import { agreeHoldersOverMax, areaIndexes } from './chains.ts';
import { areaLabel, limitLabel } from './labels.ts';
import { eq9, fmt, gt, names } from './numbers.ts';
import { AREA_COUNT, AREA_INDEX, AREA_TIER_RANK, RIGHT_CODES, areaAt, rightAt } from './rights.ts';

const { DECIDE, AGREE, DEPARTMENT, NO_LIMIT } = RIGHT_CODES;
const NONE = -1;
const TIER_CAP_NAMES = ['operational', 'tactical', 'strategic'] as const;
const tierCapRank = (level: number): number => (level >= 5 ? 2 : level >= 3 ? 1 : 0);

/** DEC-001: one decider per decision. */
function dec001(ctx: RuleContext, out: Finding[]): void {
  const t = ctx.rights;
  const { roles } = ctx;
  const seenBy = new Int32Array(AREA_COUNT).fill(NONE); // last role that listed the area as decide
  const reportedFor = new Int32Array(AREA_COUNT).fill(NONE);
  const deptHolders: number[][] = Array.from({ length: AREA_COUNT }, () => []);
  for (let i = 0; i < t.count; i++) {
    if (t.authority[i] !== DECIDE) continue;
    const h = t.holder[i]!;
    const a = t.area[i]!;
    if (seenBy[a] === h && reportedFor[a] !== h) {
      reportedFor[a] = h;
      out.push({ rule: 'DEC-001', severity: 'error', roles: [roles[h]!.id], message: `${roles[h]!.title} lists the ${areaLabel(areaAt(a))} decision more than once. Keep one decide right and put its scope and limit there.` });
    }
    seenBy[a] = h;
    if (t.scope[i] === DEPARTMENT) {
      const list = deptHolders[a]!;
      if (list[list.length - 1] !== h) list.push(h);
    }
  }
  for (let a = 0; a < AREA_COUNT; a++) {
    const holders = deptHolders[a]!;
    if (holders.length < 2) continue;
    out.push({
      rule: 'DEC-001',
      severity: 'error',
      roles: holders.map((h) => roles[h]!.id),
      message: `${names(holders.map((h) => ctx.title(h)))} each decide ${areaLabel(areaAt(a))} for the whole department; a decision has one decider. Keep one, and make the others agree or give input.`,
    });
  }
}

/** DEC-002: required decisions have an owner for root and for every account owner. */
function dec002(ctx: RuleContext, out: Finding[]): void {
  const { requiredDepartmentAreas, requiredAccountAreas } = ctx.legacy['DEC-002'];
  const model = ctx.decisionModel;
  const root = ctx.root;
  if (root >= 0) {
    for (const a of areaIndexes(requiredDepartmentAreas)) {
      if (model[a]!.rootDecider !== NONE) continue;
      out.push({ rule: 'DEC-002', severity: 'error', roles: [ctx.roles[root]!.id], message: `Nobody decides ${areaLabel(areaAt(a))} for the department. Give ${ctx.title(root)} a decide right for it.` });
    }
  }
  for (const a of areaIndexes(requiredAccountAreas)) {
    const uncovered = model[a]!.uncovered;
    if (uncovered.length === 0) continue;
    const who = uncovered.length === 1 ? ctx.title(uncovered[0]!) : `${fmt(uncovered.length)} account owners (${names(uncovered.map((u) => ctx.title(u)))})`;
    out.push({
      rule: 'DEC-002',
      severity: 'error',
      roles: uncovered.map((u) => ctx.roles[u]!.id),
      message: `Nobody decides ${areaLabel(areaAt(a))} for ${who}. Give them, or a manager above them, a decide right for it.`,
    });
  }
}

/** DEC-003: a decide or agree right above the holder's tier. */
function dec003(ctx: RuleContext, out: Finding[]): void {
  const t = ctx.rights;
  const tierOf = AREA_TIER_RANK;
  const { level } = ctx;
  for (let i = 0; i < t.count; i++) {
    if (t.authority[i] !== DECIDE && t.authority[i] !== AGREE) continue;
    const h = t.holder[i]!;
    const cap = tierCapRank(level[h]!);
    const steps = tierOf[t.area[i]!]! - cap;
    if (steps < 1) continue;
    const role = ctx.roles[h]!;
    const right = rightAt(ctx, i);
    out.push({
      rule: 'DEC-003',
      severity: steps >= 2 ? 'error' : 'warning',
      roles: [role.id],
      message: `${role.title} (level ${role.level}) holds a ${right.authority} right on ${areaLabel(right.area)}, a ${TIER_CAP_NAMES[AREA_TIER_RANK[t.area[i]!]!]} decision; at level ${role.level} decisions go up to ${TIER_CAP_NAMES[cap]} matters. Move the right up, or make it recommend or input.`,
    });
  }
}

/** DEC-004: root's reserved decisions are decided by root (or from outside the department). */
function dec004(ctx: RuleContext, out: Finding[]): void {
  const root = ctx.root;
  if (root < 0) return;
  const model = ctx.decisionModel;
  for (const a of areaIndexes(ctx.legacy['DEC-004'].reservedToHead)) {
    const decider = model[a]!.rootDecider;
    if (decider === NONE) continue;
    const holder = ctx.rights.holder[decider]!;
    if (holder === root || ctx.external[holder]) continue;
    out.push({
      rule: 'DEC-004',
      severity: 'warning',
      roles: [ctx.roles[root]!.id, ctx.roles[holder]!.id],
      message: `${ctx.title(holder)} decides ${areaLabel(areaAt(a))} for ${ctx.title(root)}, a decision reserved to the head. Give the decide right to ${ctx.title(root)}; others can recommend.`,
    });
  }
}

/** The lower holder, then the higher; one role when both rights are its own. */
function pairRoles(ctx: RuleContext, lower: number, higher: number): string[] {
  const a = ctx.roles[lower]!.id;
  return lower === higher ? [a] : [a, ctx.roles[higher]!.id];
}

/** DEC-005: nobody delegates more than they hold. */
function dec005(ctx: RuleContext, out: Finding[]): void {
  const t = ctx.rights;
  const { limitKind, limitValue } = t;
  for (const m of ctx.decisionModel) {
    const { pairs } = m;
    for (let k = 0; k < pairs.length; k += 2) {
      const c = pairs[k]!;
      const p = pairs[k + 1]!;
      // A finding when the higher right has a limit and the lower one has none, or a greater one of the same kind.
      if (limitKind[p] === NO_LIMIT) continue;
      if (limitKind[c] !== NO_LIMIT && !(limitKind[c] === limitKind[p] && gt(limitValue[c]!, limitValue[p]!))) continue;
      const child = t.holder[c]!;
      const parent = t.holder[p]!;
      const currency = ctx.doc.currency;
      out.push({
        rule: 'DEC-005',
        severity: 'error',
        roles: pairRoles(ctx, child, parent),
        message: `On ${areaLabel(areaAt(m.area))}, ${ctx.title(child)} may decide ${limitLabel(rightAt(ctx, c).limit, currency)}, more than ${ctx.title(parent)} above (${limitLabel(rightAt(ctx, p).limit, currency)}). Lower the delegated limit to at most the one above.`,
      });
    }
  }
}

/** DEC-006: escalation leads somewhere: not only to oneself, not to an equal limit. */
function dec006(ctx: RuleContext, out: Finding[]): void {
  const t = ctx.rights;
  const { limitKind, limitValue } = t;
  const model = ctx.decisionModel;
  for (const u of model[AREA_INDEX.get('client-escalation')!]!.selfOnly) {
    out.push({ rule: 'DEC-006', severity: 'warning', roles: [ctx.roles[u]!.id], message: `${ctx.title(u)} handles client escalations alone: nobody above holds the decision. Give their manager (or the head) a team decide right on client escalations.` });
  }
  for (const m of model) {
    const { pairs } = m;
    for (let k = 0; k < pairs.length; k += 2) {
      const c = pairs[k]!;
      const p = pairs[k + 1]!;
      if (limitKind[c] === NO_LIMIT || limitKind[c] !== limitKind[p] || !eq9(limitValue[c]!, limitValue[p]!)) continue;
      const child = t.holder[c]!;
      const parent = t.holder[p]!;
      out.push({
        rule: 'DEC-006',
        severity: 'warning',
        roles: pairRoles(ctx, child, parent),
        message: `On ${areaLabel(areaAt(m.area))}, ${ctx.title(child)} escalates to ${ctx.title(parent)}, who has the same limit (${limitLabel(rightAt(ctx, c).limit, ctx.doc.currency)}); escalating gains nothing. Raise the limit above, or lower the one below.`,
      });
    }
  }
}

/** DEC-007: too many vetoes (agree holders) over one person's decisions. */
function dec007(ctx: RuleContext, out: Finding[]): void {
  const { maxAgree } = ctx.legacy['DEC-007'];
  for (const m of ctx.decisionModel) {
    if (m.agreeRole === NONE || !(m.agreeMax > maxAgree)) continue;
    const holders = agreeHoldersOverMax(ctx, m.area, maxAgree);
    out.push({
      rule: 'DEC-007',
      severity: 'warning',
      roles: holders.map((h) => ctx.roles[h]!.id),
      message: `${fmt(m.agreeMax)} roles hold a veto (agree) on ${areaLabel(areaAt(m.area))} for ${ctx.title(m.agreeRole)}; at most ${fmt(maxAgree)} is workable. Vetoes over roles with too many are held by ${names(holders.map((h) => ctx.title(h)))}. Turn some into input.`,
    });
  }
}

/** DEC-008: people decisions stay on the solid line. */
function dec008(ctx: RuleContext, out: Finding[]): void {
  const t = ctx.rights;
  const people = new Uint8Array(AREA_COUNT);
  for (const a of areaIndexes(ctx.legacy['DEC-008'].peopleAreas)) people[a] = 1;
  for (let i = 0; i < t.count; i++) {
    if (t.authority[i] !== DECIDE || !people[t.area[i]!]) continue;
    const h = t.holder[i]!;
    const role = ctx.roles[h]!;
    const area = areaLabel(areaAt(t.area[i]!));
    if (ctx.external[h]) {
      out.push({ rule: 'DEC-008', severity: 'warning', roles: [role.id], message: `${role.title}, outside the department, decides ${area}. People decisions belong to the solid-line manager; make this right input or agree.` });
    } else if (t.scope[i] === DEPARTMENT && h !== ctx.root) {
      out.push({ rule: 'DEC-008', severity: 'warning', roles: [role.id], message: `${role.title} decides ${area} for the whole department, though most of those people are not on its solid line. Limit the right to its team, or leave it to the head.` });
    }
  }
}

/** DEC-009: a vacant role holds decide rights. */
function dec009(ctx: RuleContext, out: Finding[]): void {
  const t = ctx.rights;
  let i = 0;
  while (i < t.count) {
    const h = t.holder[i]!;
    let end = i;
    let decides = false;
    while (end < t.count && t.holder[end] === h) decides = t.authority[end++] === DECIDE || decides;
    if (decides && ctx.vacant(h)) {
      const areas: string[] = [];
      for (let k = i; k < end; k++) if (t.authority[k] === DECIDE) areas.push(areaLabel(areaAt(t.area[k]!)));
      const role = ctx.roles[h]!;
      out.push({ rule: 'DEC-009', severity: 'warning', roles: [role.id], message: `${role.title} is vacant but decides ${names([...new Set(areas)])}. Name an acting holder until the position is filled.` });
    }
    i = end;
  }
}

export const DECISION_RULES: readonly RuleImpl[] = [
  { id: 'DEC-001', check: dec001 },
  { id: 'DEC-002', check: dec002 },
  { id: 'DEC-003', check: dec003 },
  { id: 'DEC-004', check: dec004 },
  { id: 'DEC-005', check: dec005 },
  { id: 'DEC-006', check: dec006 },
  { id: 'DEC-007', check: dec007 },
  { id: 'DEC-008', check: dec008 },
  { id: 'DEC-009', check: dec009 },
];
