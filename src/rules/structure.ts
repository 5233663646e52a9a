/** Structure rules STR-001..007 (rules.md, "Structure"). */
import type { Finding } from './types.ts';
import type { RuleContext, RuleImpl } from './context.ts';
import { fmt, lt, names, plural } from './numbers.ts';
import { FAMILY } from './columns.ts';

const NONE = -1;

/** STR-001: every reportsTo names another existing role; no reporting cycle. */
function str001(ctx: RuleContext, out: Finding[]): void {
  const { roles } = ctx;
  const { managerOf } = ctx.index;
  const keyed: { key: number; finding: Finding }[] = [];
  for (let i = 0; i < ctx.n; i++) {
    const role = roles[i]!;
    const to = role.reportsTo;
    if (to === null) continue;
    if (to === role.id) {
      keyed.push({ key: i, finding: { rule: 'STR-001', severity: 'error', roles: [role.id], message: `${role.title} reports to itself. Choose its real manager, or clear its manager if it is the top of the department.` } });
    } else if (managerOf[i] === NONE) {
      // managerOf is -1 for a null, missing or own reportsTo, and this one is neither null nor its own.
      keyed.push({ key: i, finding: { rule: 'STR-001', severity: 'error', roles: [role.id], message: `${role.title} reports to "${to}", which is not a role in this document. Choose an existing manager or clear the line.` } });
    }
  }
  for (const cycle of ctx.topology.cycles) {
    // Start the loop at its first role in the document, so the message is stable.
    let first = 0;
    for (let k = 1; k < cycle.length; k++) if (cycle[k]! < cycle[first]!) first = k;
    const loop = [...cycle.slice(first), ...cycle.slice(0, first)];
    const inOrder = [...cycle].sort((a, b) => a - b);
    const path = [...loop, loop[0]!].map((r) => ctx.title(r)).join(' → ');
    keyed.push({
      key: inOrder[0]!,
      finding: { rule: 'STR-001', severity: 'error', roles: inOrder.map((r) => roles[r]!.id), message: `Reporting cycle: ${path}. Nobody in it reaches the top of the department; change one of these reporting lines.` },
    });
  }
  keyed.sort((a, b) => a.key - b.key);
  for (const k of keyed) out.push(k.finding);
}

/** STR-002: exactly one top role. */
function str002(ctx: RuleContext, out: Finding[]): void {
  const { tops } = ctx.index;
  if (tops.length === 0) {
    if (ctx.inScopeCount > 0) {
      out.push({ rule: 'STR-002', severity: 'error', roles: [], message: 'No role is at the top of the department: every role reports into a cycle or to a missing manager. Give the head no manager (or an external one).' });
    }
    return;
  }
  const root = ctx.root;
  for (const t of tops) {
    if (t === root) continue;
    const role = ctx.roles[t]!;
    const rootTitle = ctx.title(root);
    const message =
      ctx.kidCount[t] === 0
        ? `${role.title} is a loose role: it has no manager in the department besides ${rootTitle} at the top. Make it report to someone in the hierarchy, or mark it external.`
        : `${role.title} heads a second hierarchy (${plural(ctx.index.teamHeadcount[t]!, 'position')}) beside the one under ${rootTitle}. Put it under ${rootTitle}, or mark its top external.`;
    out.push({ rule: 'STR-002', severity: 'warning', roles: [role.id], message });
  }
}

/** A STR-003 finding: the role with the line, then its target when that is another existing role. */
function line3(id: string, t: number | undefined, r: number, to: string, severity: 'error' | 'warning', message: string): Finding {
  return { rule: 'STR-003', severity, roles: t === undefined || t === r ? [id] : [id, to], message };
}

/** STR-003: dotted lines to a missing role, to itself or to a subordinate; redundant or too many indirect managers. */
function str003(ctx: RuleContext, out: Finding[]): void {
  const { roles, index } = ctx;
  const max = ctx.legacy['STR-003'].maxIndirectManagers;
  const lastSeen = new Map<string, number>(); // target id → last role that drew a line to it
  const lastIndirect = new Map<string, number>();
  const topology = ctx.topology;
  for (const r of ctx.withLines) {
    const role = roles[r]!;
    const indirect: string[] = [];
    for (const line of role.dottedLines) {
      const to = line.to;
      const t = index.roleIndex(to);
      // Counted before the repeat check: a target counts when any of the role's indirect-manager lines names it.
      if (line.kind === 'indirect-manager' && t !== undefined && t !== r && lastIndirect.get(to) !== r) {
        lastIndirect.set(to, r);
        indirect.push(to);
      }
      if (lastSeen.get(to) === r) {
        out.push(line3(role.id, t, r, to, 'warning', `${role.title} has two dotted lines to ${t === undefined ? `"${to}"` : ctx.title(t)}. Keep one.`));
        continue;
      }
      lastSeen.set(to, r);
      if (t === undefined) {
        out.push(line3(role.id, t, r, to, 'error', `${role.title} has a dotted line to "${to}", which is not a role in this document. Remove the line or point it at an existing role.`));
      } else if (t === r) {
        out.push(line3(role.id, t, r, to, 'error', `${role.title} has a dotted line to itself. Remove it.`));
      } else if (topology.isUnder(t, r)) {
        out.push(line3(role.id, t, r, to, 'error', `${role.title} has a dotted line to ${ctx.title(t)}, who is in its own reporting line below it. A dotted line goes to someone outside one's own team; remove it.`));
      } else if (index.managerOf[r] === t) {
        out.push(line3(role.id, t, r, to, 'warning', `${role.title} has a dotted line to ${ctx.title(t)}, who is already its solid-line manager. Remove the dotted line.`));
      }
    }
    if (indirect.length > max) {
      const targets = indirect.map((id) => ctx.title(index.roleIndex(id)!));
      out.push({
        rule: 'STR-003',
        severity: 'warning',
        roles: [role.id, ...indirect],
        message: `${role.title} has ${fmt(indirect.length)} indirect managers (${names(targets)}); at most ${fmt(max)} is recommended. Turn the others into partner lines.`,
      });
    }
  }
}

/** STR-004: vacancies above headcount; pooled, vacant or assistant roles with reports. */
function str004(ctx: RuleContext, out: Finding[]): void {
  const { headcount, overVacant, external, kidCount } = ctx;
  for (let r = 0; r < ctx.n; r++) {
    if (overVacant[r]) {
      const role = ctx.roles[r]!;
      out.push({ rule: 'STR-004', severity: 'error', roles: [role.id], message: `${role.title} has ${fmt(role.vacancies)} vacancies but only ${plural(role.headcount, 'position')}. Lower the vacancies or raise the headcount.` });
    }
    if (external[r] || kidCount[r] === 0) continue;
    const role = ctx.roles[r]!;
    if (headcount[r]! > 1) {
      out.push({ rule: 'STR-004', severity: 'error', roles: [role.id], message: `${role.title} stands for ${fmt(role.headcount)} positions and has ${plural(kidCount[r]!, 'direct report')}: a pooled node cannot manage. Split out the manager as a role of its own.` });
    }
    if (ctx.isVacant[r]) {
      out.push({ rule: 'STR-004', severity: 'warning', roles: [role.id], message: `${role.title} is vacant but has ${plural(kidCount[r]!, 'direct report')}. Name an acting manager until it is filled.` });
    }
    if (ctx.assistant[r]) {
      out.push({ rule: 'STR-004', severity: 'warning', roles: [role.id], message: `${role.title} is marked as an assistant but has ${plural(kidCount[r]!, 'direct report')}; an assistant who manages is a manager. Clear "assistant" or move the reports.` });
    }
  }
}

/** minLayers(N, s): the least ℓ ≥ 1 with 1 + s + … + s^(ℓ−1) ≥ N, N when s ≤ 1; stops at `cap`. */
export function minLayers(total: number, s: number, cap = Infinity): number {
  if (!(s > 1)) return total;
  let layers = 1;
  let sum = 1;
  let term = 1;
  while (lt(sum, total) && layers < cap) {
    term *= s;
    sum += term;
    layers++;
  }
  return layers;
}

/** STR-005: more layers than the headcount needs at the target span. */
function str005(ctx: RuleContext, out: Finding[]): void {
  const root = ctx.root;
  if (root < 0) return;
  const { depth } = ctx.index;
  const { external, headcount, assistant } = ctx;
  let layers = 0;
  let total = 0;
  for (let r = 0; r < ctx.n; r++) {
    if (external[r]) continue;
    total += headcount[r]!;
    if (!assistant[r] && depth[r]! > layers) layers = depth[r]!;
  }
  const { targetSpan, layerSlack } = ctx.legacy['STR-005'];
  // Past `layers` the exact minimum no longer matters: the finding needs layers > min + slack.
  const least = minLayers(total, targetSpan, Math.max(layers, 1));
  if (layers > least + layerSlack) {
    out.push({
      rule: 'STR-005',
      severity: 'warning',
      roles: [ctx.roles[root]!.id],
      message: `The department has ${fmt(layers)} layers for ${plural(total, 'position')}; at a span of ${fmt(targetSpan)}, ${fmt(least)} ${least === 1 ? 'layer' : 'layers'} would do (up to ${fmt(least + layerSlack)} accepted). Remove a layer by widening spans or merging teams.`,
    });
  }
}

/** STR-006: a report above (inversion) or at (compression) its manager's level. */
function str006(ctx: RuleContext, out: Finding[]): void {
  const { roles, external, level } = ctx;
  const { managerOf } = ctx.index;
  for (let c = 0; c < ctx.n; c++) {
    if (external[c]) continue;
    const m = managerOf[c]!;
    if (m === NONE || external[m] || !(level[c]! >= level[m]!)) continue;
    const report = roles[c]!;
    const manager = roles[m]!;
    if (report.level > manager.level) {
      out.push({ rule: 'STR-006', severity: 'error', roles: [report.id, manager.id], message: `${report.title} (level ${report.level}) is above its manager ${manager.title} (level ${manager.level}). Fix the levels or swap the reporting line.` });
    } else {
      out.push({ rule: 'STR-006', severity: 'warning', roles: [report.id, manager.id], message: `${report.title} and its manager ${manager.title} are both level ${report.level} (grade compression). Give the manager a higher level, or the report a lower one.` });
    }
  }
}

/** STR-007: one head of account management at the top, with partner lines to each partner function. */
function str007(ctx: RuleContext, out: Finding[]): void {
  const { roles } = ctx;
  const root = ctx.root;
  const heads: number[] = [];
  const { external, family } = ctx;
  for (let r = 0; r < ctx.n; r++) if (!external[r] && family[r] === FAMILY['head-am']) heads.push(r);
  if (heads.length === 0 && ctx.inScopeCount > 0) {
    out.push({ rule: 'STR-007', severity: 'warning', roles: root >= 0 ? [roles[root]!.id] : [], message: 'The department has no Head of Account Management (a role of family head-am). Add one, or set the family of the top role.' });
  }
  // The head is root when root is a head-am, else the first head-am in the document.
  const head = heads.length === 0 ? -1 : root >= 0 && roles[root]!.family === 'head-am' ? root : heads[0]!;
  for (const h of heads) {
    if (h === head) continue;
    out.push({ rule: 'STR-007', severity: 'warning', roles: [roles[h]!.id], message: `${roles[h]!.title} is a second Head of Account Management besides ${ctx.title(head)}. Keep one head; make the other a lead or a deputy of another family.` });
  }
  if (root >= 0 && roles[root]!.family !== 'head-am') {
    out.push({ rule: 'STR-007', severity: 'info', roles: [roles[root]!.id], message: `The top of the department, ${roles[root]!.title}, is not a Head of Account Management (family ${roles[root]!.family}).` });
  }
  if (head < 0) return;
  const headId = roles[head]!.id;
  const partnered = new Set<string>();
  for (const r of ctx.withLines) {
    for (const line of roles[r]!.dottedLines) {
      if (line.kind !== 'partner') continue;
      if (r === head) {
        const t = ctx.index.roleIndex(line.to);
        if (t !== undefined && t !== head) partnered.add(roles[t]!.function);
      } else if (line.to === headId) {
        partnered.add(roles[r]!.function);
      }
    }
  }
  for (const fn of new Set(ctx.legacy['STR-007'].partnerFunctions)) {
    if (partnered.has(fn)) continue;
    out.push({ rule: 'STR-007', severity: 'warning', roles: [headId], message: `${roles[head]!.title} has no partner dotted line with ${fn}. Add a partner line with the ${fn} lead the department works with.` });
  }
}

export const STRUCTURE_RULES: readonly RuleImpl[] = [
  { id: 'STR-001', check: str001 },
  { id: 'STR-002', check: str002 },
  { id: 'STR-003', check: str003 },
  { id: 'STR-004', check: str004 },
  { id: 'STR-005', check: str005 },
  { id: 'STR-006', check: str006 },
  { id: 'STR-007', check: str007 },
];
