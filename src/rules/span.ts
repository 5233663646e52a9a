/** Span-of-control rules SPAN-001..007 (rules.md, "Span of control"). */
import { ARCHETYPES } from '../schema/constants.ts';
import type { Archetype } from '../schema/v1.ts';
import type { Finding } from './types.ts';
import type { RuleContext, RuleImpl } from './context.ts';
import type { Range } from './params.ts';
import { ceil9, fmt, gt, plural } from './numbers.ts';

/** The [min, max] span range of an archetype under the document's parameters. */
export function rangeOf(ctx: RuleContext, archetype: Archetype): Range {
  return ctx.params['SPAN-002'].ranges[archetype];
}

/** An archetype whose range holds this span, for advice in messages. */
function fittingArchetype(ctx: RuleContext, span: number): Archetype | undefined {
  for (const a of ARCHETYPES) {
    const [min, max] = rangeOf(ctx, a);
    if (span >= min && span <= max) return a;
  }
  return undefined;
}

const reportsOf = (span: number): string => plural(span, 'direct report');

/** SPAN-001: a manager with fewer than minSpan reports. */
function span001(ctx: RuleContext, out: Finding[]): void {
  const { minSpan } = ctx.params['SPAN-001'];
  const { managers, span: spans } = ctx;
  for (let k = 0; k < managers.length; k++) {
    const r = managers[k]!;
    const span = spans[r]!;
    if (!(span < minSpan)) continue;
    const role = ctx.roles[r]!;
    const label = span === 1 ? 'a one-over-one' : span === 2 ? 'a micro team' : 'a very small team';
    out.push({ rule: 'SPAN-001', severity: 'warning', roles: [role.id], message: `${role.title} manages ${reportsOf(span)}, ${label} (at least ${fmt(minSpan)} recommended). Merge the team with another, or remove this layer.` });
  }
}

/** SPAN-002: span above the archetype's maximum (error above ceil(max × errorFactor)). */
function span002(ctx: RuleContext, out: Finding[]): void {
  const { errorFactor } = ctx.params['SPAN-002'];
  const { managers, span: spans } = ctx;
  for (let k = 0; k < managers.length; k++) {
    const r = managers[k]!;
    const span = spans[r]!;
    const archetype = ctx.archetype(r);
    const range = rangeOf(ctx, archetype); // destructured only for a finding (an iterator per manager otherwise); kept for the rule-check figure, docs/performance.md
    if (!(span > range[1])) continue;
    const [min, max] = range;
    const limit = ceil9(max * errorFactor);
    const role = ctx.roles[r]!;
    const better = fittingArchetype(ctx, span);
    const advice = better && better !== archetype ? `Split the team, or make the role a ${better} if that is how it works.` : 'Split the team or add a lead.';
    out.push({
      rule: 'SPAN-002',
      severity: span > limit ? 'error' : 'warning',
      roles: [role.id],
      message: `${role.title} has ${reportsOf(span)}; a ${archetype}'s range is ${fmt(min)}–${fmt(max)} (error above ${fmt(limit)}). ${advice}`,
    });
  }
}

/** SPAN-003: a span between minSpan and the archetype's minimum. */
function span003(ctx: RuleContext, out: Finding[]): void {
  const { minSpan } = ctx.params['SPAN-001'];
  const { managers, span: spans } = ctx;
  for (let k = 0; k < managers.length; k++) {
    const r = managers[k]!;
    const span = spans[r]!;
    const archetype = ctx.archetype(r);
    const range = rangeOf(ctx, archetype);
    if (!(span >= minSpan && span < range[0])) continue;
    const [min, max] = range;
    const role = ctx.roles[r]!;
    const better = fittingArchetype(ctx, span);
    const advice = better ? `Re-classify the role as a ${better}, or merge teams.` : 'Re-classify the archetype or merge teams.';
    out.push({ rule: 'SPAN-003', severity: 'info', roles: [role.id], message: `${role.title} has ${reportsOf(span)}, below a ${archetype}'s range of ${fmt(min)}–${fmt(max)}. ${advice}` });
  }
}

/** SPAN-004: more reports than the family allows (a Senior AM mentors, an AM manages nobody). */
function span004(ctx: RuleContext, out: Finding[]): void {
  const caps = ctx.params['SPAN-004'].maxReportsByFamily;
  const { managers, span: spans } = ctx;
  for (let k = 0; k < managers.length; k++) {
    const r = managers[k]!;
    const span = spans[r]!;
    const role = ctx.roles[r]!;
    const cap = Object.hasOwn(caps, role.family) ? caps[role.family] : undefined;
    if (cap === undefined || !(span > cap)) continue;
    out.push({ rule: 'SPAN-004', severity: 'warning', roles: [role.id], message: `${role.title} (${role.family}) has ${reportsOf(span)}; this family should have at most ${fmt(cap)}. Move the reports to a lead, or change the role's family.` });
  }
}

/** SPAN-005: a manager who also owns accounts should be a player-coach with a small team. */
function span005(ctx: RuleContext, out: Finding[]): void {
  const { playerCoachMaxSpan } = ctx.params['SPAN-005'];
  const { managers, span: spans } = ctx;
  for (let k = 0; k < managers.length; k++) {
    const r = managers[k]!;
    const span = spans[r]!;
    if (!(ctx.accountCount[r]! > 0)) continue;
    const role = ctx.roles[r]!;
    const archetype = ctx.archetype(r);
    const accounts = plural(ctx.accountCount[r]!, 'account');
    if (archetype !== 'player-coach') {
      out.push({ rule: 'SPAN-005', severity: 'warning', roles: [role.id], message: `${role.title} owns ${accounts} and manages ${reportsOf(span)} as a ${archetype}. A manager who sells is a player-coach: hand the accounts to the team, or set the archetype to player-coach.` });
    }
    if (span > playerCoachMaxSpan) {
      out.push({ rule: 'SPAN-005', severity: 'warning', roles: [role.id], message: `${role.title} owns ${accounts} and manages ${reportsOf(span)}; a player-coach should manage at most ${fmt(playerCoachMaxSpan)}. Hand over the accounts or split the team.` });
    }
  }
}

/** SPAN-006: portfolio load against capacity (a manager has less time for accounts). */
function span006(ctx: RuleContext, out: Finding[]): void {
  const { portfolioCap, managerCapacity, loadWarn, loadError } = ctx.params['SPAN-006'];
  const { external, accountCount, kidCount, portfolioLoad } = ctx;
  for (let r = 0; r < ctx.n; r++) {
    if (external[r] || !(accountCount[r]! > 0)) continue;
    const load = portfolioLoad[r]!;
    const capacity = kidCount[r]! > 0 ? managerCapacity : 1;
    const error = gt(load, capacity * loadError);
    if (!error && !gt(load, capacity * loadWarn)) continue;
    const role = ctx.roles[r]!;
    const mix = role.accounts.filter((a) => a.count > 0).map((a) => `${fmt(a.count)} ${a.tier} (cap ${fmt(portfolioCap[a.tier])})`).join(', ');
    const who = kidCount[r]! > 0 ? `as a manager its capacity is ${fmt(capacity * 100)}%` : 'its capacity is 100%';
    out.push({
      rule: 'SPAN-006',
      severity: error ? 'error' : 'warning',
      roles: [role.id],
      message: `${role.title} carries a portfolio load of ${fmt(load * 100)}% (${mix} accounts per position); ${who}. Move accounts to others or add headcount.`,
    });
  }
}

/** SPAN-007: strategic accounts owned below the strategic minimum level. */
function span007(ctx: RuleContext, out: Finding[]): void {
  const { strategicMinLevel } = ctx.params['SPAN-007'];
  const { external, level, strategicCount } = ctx;
  for (let r = 0; r < ctx.n; r++) {
    if (external[r] || !(level[r]! < strategicMinLevel) || strategicCount[r]! <= 0) continue;
    const role = ctx.roles[r]!;
    out.push({ rule: 'SPAN-007', severity: 'warning', roles: [role.id], message: `${role.title} (level ${role.level}) owns ${plural(strategicCount[r]!, 'strategic account')}; strategic accounts need level ${fmt(strategicMinLevel)} or above. Move them to a Senior AM or a lead.` });
  }
}

export const SPAN_RULES: readonly RuleImpl[] = [
  { id: 'SPAN-001', check: span001 },
  { id: 'SPAN-002', check: span002 },
  { id: 'SPAN-003', check: span003 },
  { id: 'SPAN-004', check: span004 },
  { id: 'SPAN-005', check: span005 },
  { id: 'SPAN-006', check: span006 },
  { id: 'SPAN-007', check: span007 },
];
