/** Budget-ownership rules BUD-001..007 (rules.md, "Budget ownership"). */
import { BUDGET_KINDS, FAMILIES } from '../schema/constants.ts';
import type { Budget, BudgetKind } from '../schema/v1.ts';
import type { Finding } from './types.ts';
import type { RuleContext, RuleImpl } from './context.ts';
import { fmt, gt, lt, names } from './numbers.ts';
import type { ReferenceBand } from './params.ts';
import { FAMILY } from './columns.ts';

const NONE = -1;

/** Budgets are told apart by their place (role, index), never by id. */
interface Places {
  readonly owner: readonly number[];
  readonly budget: readonly Budget[];
  /** First place of each budget id, in document order. */
  readonly firstById: ReadonlyMap<string, number>;
}

const placesCache = new WeakMap<RuleContext, Places>();

function placesOf(ctx: RuleContext): Places {
  let places = placesCache.get(ctx);
  if (places) return places;
  const owner: number[] = [];
  const budget: Budget[] = [];
  const firstById = new Map<string, number>();
  for (const r of ctx.withBudgets) {
    for (const b of ctx.roles[r]!.budgets) {
      if (!firstById.has(b.id)) firstById.set(b.id, budget.length);
      owner.push(r);
      budget.push(b);
    }
  }
  placesCache.set(ctx, (places = { owner, budget, firstById }));
  return places;
}

const money = (ctx: RuleContext, x: number): string => `${fmt(x)} ${ctx.doc.currency}`;

/** BUD-001: one owner per budget id; no budget on a vacant role. */
function bud001(ctx: RuleContext, out: Finding[]): void {
  const { owner, budget, firstById } = placesOf(ctx);
  const extra = new Map<string, number[]>(); // id → every place, for ids used more than once
  for (let q = 0; q < budget.length; q++) {
    const id = budget[q]!.id;
    const first = firstById.get(id)!;
    if (first === q) continue;
    let list = extra.get(id);
    if (!list) extra.set(id, (list = [first]));
    list.push(q);
  }
  for (const [id, list] of extra) {
    const holders = [...new Set(list.map((q) => owner[q]!))].sort((a, b) => a - b);
    const message =
      holders.length === 1
        ? `${ctx.title(holders[0]!)} lists budget ${id} ${fmt(list.length)} times. Merge them into one budget.`
        : `Budget ${id} is owned by ${names(holders.map((h) => ctx.title(h)))}; a budget has one accountable owner. Keep it on one role, or split it into budgets with ids of their own.`;
    out.push({ rule: 'BUD-001', severity: 'error', roles: holders.map((h) => ctx.roles[h]!.id), message });
  }
  for (let q = 0; q < budget.length; q++) {
    const r = owner[q]!;
    if (!ctx.vacant(r)) continue;
    out.push({ rule: 'BUD-001', severity: 'warning', roles: [ctx.roles[r]!.id], message: `Budget ${budget[q]!.id} is owned by ${ctx.title(r)}, which is vacant. Name an acting owner until the position is filled.` });
  }
}

/** The parent place of every budget place (explicit or implicit), -1 when none; -2 for an explicit parent naming no other budget. */
function parentsOf(ctx: RuleContext, places: Places): Int32Array {
  const { owner, budget, firstById } = places;
  const parent = new Int32Array(budget.length).fill(NONE);
  // The first budget of each kind on each in-scope role, and the nearest such owner up the walk.
  const firstOfKind = new Map<BudgetKind, Int32Array>();
  const nearest = new Map<BudgetKind, Int32Array>();
  for (let q = 0; q < budget.length; q++) {
    const b = budget[q]!;
    const r = owner[q]!;
    if (b.parent !== undefined || ctx.external[r]) continue;
    if (!firstOfKind.has(b.kind)) firstOfKind.set(b.kind, new Int32Array(ctx.n).fill(NONE));
  }
  for (let q = 0; q < budget.length; q++) {
    const first = firstOfKind.get(budget[q]!.kind);
    const r = owner[q]!;
    if (first && !ctx.external[r] && first[r] === NONE) first[r] = q;
  }
  for (const kind of BUDGET_KINDS) {
    const first = firstOfKind.get(kind);
    if (!first) continue;
    const has = new Uint8Array(ctx.n);
    for (let q = 0; q < budget.length; q++) if (first[owner[q]!] === q) has[owner[q]!] = 1;
    nearest.set(kind, ctx.topology.nearestUp(has, new Int32Array(ctx.n)));
  }
  for (let q = 0; q < budget.length; q++) {
    const b = budget[q]!;
    if (b.parent !== undefined) {
      const p = firstById.get(b.parent);
      parent[q] = p === undefined || p === q ? -2 : p;
      continue;
    }
    const near = nearest.get(b.kind);
    if (!near) continue;
    const above = ctx.topology.strictAbove(near, owner[q]!);
    if (above !== NONE) parent[q] = firstOfKind.get(b.kind)![above]!;
  }
  return parent;
}

/** BUD-002: parents exist and children fit in their parent. */
function bud002(ctx: RuleContext, out: Finding[]): void {
  const places = placesOf(ctx);
  const { owner, budget } = places;
  const { tolerance } = ctx.legacy['BUD-002'];
  const parent = parentsOf(ctx, places);
  const children = new Map<number, number[]>();
  for (let q = 0; q < budget.length; q++) {
    const p = parent[q]!;
    if (p === -2) {
      const b = budget[q]!;
      const what = b.parent === b.id ? 'itself' : `"${b.parent}", which is not a budget in this document`;
      out.push({ rule: 'BUD-002', severity: 'error', roles: [ctx.roles[owner[q]!]!.id], message: `Budget ${b.id} of ${ctx.title(owner[q]!)} names ${what} as its parent. Choose an existing parent budget, or clear the parent.` });
      continue;
    }
    if (p === NONE) continue;
    let list = children.get(p);
    if (!list) children.set(p, (list = []));
    list.push(q);
  }
  for (let p = 0; p < budget.length; p++) {
    const kids = children.get(p);
    if (!kids) continue;
    let sum = 0;
    for (const q of kids) sum += budget[q]!.amount;
    const amount = budget[p]!.amount;
    if (!gt(sum, amount * (1 + tolerance))) continue;
    const holders = [...new Set(kids.map((q) => owner[q]!))].filter((h) => h !== owner[p]).sort((a, b) => a - b);
    out.push({
      rule: 'BUD-002',
      severity: 'error',
      roles: [ctx.roles[owner[p]!]!.id, ...holders.map((h) => ctx.roles[h]!.id)],
      message: `Budget ${budget[p]!.id} of ${ctx.title(owner[p]!)} is ${money(ctx, amount)}, but the budgets under it (${kids.map((q) => budget[q]!.id).join(', ')}) add up to ${money(ctx, sum)}. Raise the parent budget or cut the ones under it.`,
    });
  }
}

/** BUD-003: the budget kind fits the role; personnel budgets sit with managers and the head. */
function bud003(ctx: RuleContext, out: Finding[]): void {
  const { allowedKinds } = ctx.legacy['BUD-003'];
  let rootPersonnel = false;
  for (const r of ctx.withBudgets) {
    const role = ctx.roles[r]!;
    const allowed = Object.hasOwn(allowedKinds, role.family) ? allowedKinds[role.family] : '*';
    for (const b of role.budgets) {
      if (b.kind === 'personnel' && r === ctx.root) rootPersonnel = true;
      if (allowed !== undefined && allowed !== '*' && !allowed.includes(b.kind)) {
        const ok = allowed.length > 0 ? `a ${role.family} role owns ${names([...allowed], 10)} budgets` : `a ${role.family} role owns no budgets`;
        out.push({ rule: 'BUD-003', severity: 'warning', roles: [role.id], message: `${role.title} owns a ${b.kind} budget (${b.id}); ${ok}. Move it to the role that spends it.` });
      }
      if (b.kind === 'personnel' && ctx.kidCount[r] === 0) {
        out.push({ rule: 'BUD-003', severity: 'warning', roles: [role.id], message: `${role.title} owns a personnel budget (${b.id}) but has no reports. Personnel budgets belong to the manager of the people they pay.` });
      }
    }
  }
  if (ctx.withBudgets.length > 0 && !rootPersonnel && ctx.root >= 0) {
    out.push({ rule: 'BUD-003', severity: 'warning', roles: [ctx.roles[ctx.root]!.id], message: `${ctx.title(ctx.root)}, at the top, owns no personnel budget. Give the head the department's personnel budget.` });
  }
}

/** BUD-004: loaded headcount cost within each personnel budget. */
function bud004(ctx: RuleContext, out: Finding[]): void {
  const { loadFactor, warnRatio, errorRatio } = ctx.legacy['BUD-004'];
  const { n, roles } = ctx;
  const personnel = new Float64Array(n);
  const isOwner = new Uint8Array(n);
  const owners: number[] = [];
  for (const r of ctx.withBudgets) {
    for (const b of roles[r]!.budgets) {
      if (b.kind !== 'personnel') continue;
      if (!isOwner[r]) owners.push(r);
      isOwner[r] = 1;
      personnel[r]! += b.amount;
    }
  }
  if (owners.length === 0) return;
  // acc[r]: loaded cost of r and the roles below it up to (not through) other owners, whose budgets count instead.
  const acc = loadedCosts(ctx, loadFactor);
  const { below, loops } = ctx.topology;
  rollUp(ctx.index.preorder, ctx.index.treeParent, isOwner, personnel, acc);
  rollUp(below, ctx.index.treeParent, isOwner, personnel, acc);
  const cost = new Float64Array(n);
  for (const r of owners) cost[r] = acc[r]!;
  for (const loop of loops) {
    // Down a cycle is against reportsTo: from loop[j] to loop[j - 1], until the next owner.
    const len = loop.length;
    for (let j = 0; j < len; j++) {
      const h = loop[j]!;
      if (!isOwner[h]) continue;
      let total = acc[h]!;
      for (let step = 1; step < len; step++) {
        const c = loop[(j - step + len) % len]!;
        if (isOwner[c]) {
          total += personnel[c]!;
          break;
        }
        total += acc[c]!;
      }
      cost[h] = total;
    }
  }
  for (const h of owners) {
    const budget = personnel[h]!;
    const c = cost[h]!;
    const error = gt(c, budget * errorRatio);
    if (!error && !gt(c, budget * warnRatio)) continue;
    const pct = budget > 0 ? ` (${fmt((c / budget) * 100)}% of it)` : '';
    out.push({
      rule: 'BUD-004',
      severity: error ? 'error' : 'warning',
      roles: [roles[h]!.id],
      message: `The people under ${roles[h]!.title}'s personnel budget of ${money(ctx, budget)} cost ${money(ctx, c)} loaded${pct}. Raise the budget, or cut or re-grade positions.`,
    });
  }
}

/** The loaded cost of each in-scope role with a salary band: headcount × midpoint × (1 + bonus) × loadFactor. */
function loadedCosts(ctx: RuleContext, loadFactor: number): Float64Array {
  const { external, hasSalary, headcount, salaryMin, salaryMax, bonusPct } = ctx;
  const acc = new Float64Array(ctx.n);
  for (let r = 0; r < ctx.n; r++) {
    if (external[r] || !hasSalary[r]) continue;
    const bonus = bonusPct[r]!;
    acc[r] = headcount[r]! * ((salaryMin[r]! + salaryMax[r]!) / 2) * (1 + (Number.isNaN(bonus) ? 0 : bonus) / 100) * loadFactor;
  }
  return acc;
}

/** Adds each role's cost (its personnel budget for an owner) to its parent's, children before parents: `order` backwards. */
function rollUp(order: Int32Array, treeParent: Int32Array, isOwner: Uint8Array, personnel: Float64Array, acc: Float64Array): void {
  for (let k = order.length - 1; k >= 0; k--) {
    const r = order[k]!;
    const p = treeParent[r]!;
    if (p !== NONE) acc[p]! += isOwner[r] ? personnel[r]! : acc[r]!;
  }
}

/** BUD-005: revenue targets of a manager's reports add up to the manager's target. */
function bud005(ctx: RuleContext, out: Finding[]): void {
  const { overAssignWarn, overAssignError } = ctx.legacy['BUD-005'];
  const { n, roles, index, external, revenueTarget, headcount } = ctx;
  const sum = new Float64Array(n);
  const kidsWithTarget = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    if (external[c]) continue;
    const m = index.managerOf[c]!;
    const target = revenueTarget[c]!;
    if (m === NONE || external[m] || !(target > 0)) continue;
    sum[m]! += target * headcount[c]!;
    kidsWithTarget[m]!++;
  }
  for (let m = 0; m < n; m++) {
    if (kidsWithTarget[m] === 0) continue;
    const s = sum[m]!;
    const t = revenueTarget[m]!;
    const role = roles[m]!;
    if (!(t > 0)) {
      out.push({ rule: 'BUD-005', severity: 'warning', roles: [role.id], message: `${reportsCarry(role.title)} ${money(ctx, s)}, but ${role.title} has no revenue target. Set the team target the reports roll up to.` });
    } else if (lt(s, t)) {
      out.push({ rule: 'BUD-005', severity: 'warning', roles: [role.id], message: `${reportsCarry(role.title)} ${money(ctx, s)}, less than the team target of ${money(ctx, t)} (under-assigned by ${fmt(((t - s) / t) * 100)}%). Raise the reports' targets or lower the team target.` });
    } else if (gt(s, t * (1 + overAssignError))) {
      out.push({ rule: 'BUD-005', severity: 'error', roles: [role.id], message: `${reportsCarry(role.title)} ${overBy(ctx, s, t)}; over-assigning more than ${fmt(overAssignError * 100)}% is a concern. Lower the reports' targets or raise the team target.` });
    } else if (gt(s, t * (1 + overAssignWarn))) {
      out.push({ rule: 'BUD-005', severity: 'warning', roles: [role.id], message: `${reportsCarry(role.title)} ${overBy(ctx, s, t)}; ${fmt(overAssignWarn * 100)}% is the usual cushion. Check the reports' targets.` });
    }
  }
}

/** The start of BUD-005's messages, a function so that no string is built for a manager without a finding. */
function reportsCarry(title: string): string {
  return `${title}'s reports carry targets of`;
}

/** "120 CNY, 20% above the team target of 100 CNY". */
function overBy(ctx: RuleContext, s: number, t: number): string {
  return `${money(ctx, s)}, ${fmt(((s - t) / t) * 100)}% above the team target of ${money(ctx, t)}`;
}

/** BUD-006: account managers with a target own accounts, and the other way round. */
function bud006(ctx: RuleContext, out: Finding[]): void {
  const { external, family, revenueTarget, accountCount } = ctx;
  for (let r = 0; r < ctx.n; r++) {
    if (external[r] || (family[r] !== FAMILY['senior-am'] && family[r] !== FAMILY.am)) continue;
    const role = ctx.roles[r]!;
    const hasTarget = revenueTarget[r]! > 0;
    const hasAccounts = accountCount[r]! > 0;
    if (hasTarget && !hasAccounts) {
      out.push({ rule: 'BUD-006', severity: 'warning', roles: [role.id], message: `${role.title} has a revenue target but no accounts. Assign the accounts the target comes from.` });
    } else if (hasAccounts && !hasTarget) {
      out.push({ rule: 'BUD-006', severity: 'warning', roles: [role.id], message: `${role.title} owns accounts but has no revenue target. Set a target for the portfolio.` });
    }
  }
}

/** BUD-007: salary bands are consistent and near the reference bands. */
function bud007(ctx: RuleContext, out: Finding[]): void {
  const { referenceBands } = ctx.legacy['BUD-007'];
  const bandOf: (ReferenceBand | undefined)[] = []; // by family code
  for (const f of FAMILIES) bandOf[FAMILY[f]] = Object.hasOwn(referenceBands, f) ? referenceBands[f] : undefined;
  const usd = ctx.doc.currency === 'USD';
  const { roles, index, external, family, hasSalary, salaryMin, salaryMax, bonusPct } = ctx;
  for (let r = 0; r < ctx.n; r++) {
    if (!hasSalary[r]) continue;
    const min = salaryMin[r]!;
    const max = salaryMax[r]!;
    if (min > max) {
      out.push({ rule: 'BUD-007', severity: 'error', roles: [roles[r]!.id], message: `${roles[r]!.title}'s salary band runs from ${money(ctx, min)} down to ${money(ctx, max)}: the minimum is above the maximum. Swap them.` });
    }
    if (external[r]) continue;
    const m = index.managerOf[r]!;
    if (m !== NONE && !external[m] && hasSalary[m] && min > salaryMax[m]!) {
      out.push({ rule: 'BUD-007', severity: 'warning', roles: [roles[r]!.id, roles[m]!.id], message: `${roles[r]!.title}'s minimum salary (${money(ctx, min)}) is above the maximum of its manager ${roles[m]!.title} (${money(ctx, salaryMax[m]!)}). Re-grade one of the two bands.` });
    }
    const band = bandOf[family[r]!];
    if (!band) continue;
    const role = roles[r]!;
    const bonus = bonusPct[r]!; // NaN when not given
    if (!Number.isNaN(bonus) && band.bonusPct && (bonus < band.bonusPct[0] || bonus > band.bonusPct[1])) {
      out.push({ rule: 'BUD-007', severity: 'info', roles: [role.id], message: `${role.title}'s bonus of ${fmt(bonus)}% is outside the usual ${fmt(band.bonusPct[0])}–${fmt(band.bonusPct[1])}% for a ${role.family} role.` });
    }
    if (usd && band.base && (min > band.base[1] || max < band.base[0])) {
      out.push({ rule: 'BUD-007', severity: 'info', roles: [role.id], message: `${role.title}'s base band (${fmt(min)}–${fmt(max)} USD) does not overlap the usual ${fmt(band.base[0])}–${fmt(band.base[1])} USD for a ${role.family} role.` });
    }
  }
}

export const BUDGET_RULES: readonly RuleImpl[] = [
  { id: 'BUD-001', check: bud001 },
  { id: 'BUD-002', check: bud002 },
  { id: 'BUD-003', check: bud003 },
  { id: 'BUD-004', check: bud004 },
  { id: 'BUD-005', check: bud005 },
  { id: 'BUD-006', check: bud006 },
  { id: 'BUD-007', check: bud007 },
];
