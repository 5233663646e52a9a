/** STR-001: every reportsTo names another existing role; no reporting cycle (rules.md, "Structure"). */
import { defineRule } from '../define.ts';
import type { Arg, MessageData } from '../message.ts';
import { QUOTES } from '../sources.ts';
import { NONE, UNITY_OF_COMMAND } from './shared.ts';

type Key = 'self' | 'missing' | 'cycle';

/** A finding held back until all are known: per-role findings and cycles are reported in document order of their first role. */
interface Held {
  readonly key: number;
  readonly message: Key;
  readonly roles: readonly string[];
  readonly data: MessageData;
}

/**
 * The roles ids[from..to) as "A → B → C": halves joined by the `path` message, so that a
 * cycle of 20,000 roles nests 15 sub-messages deep rather than 20,000.
 */
function path(ids: readonly string[], from: number, to: number): Arg {
  if (to - from === 1) return { role: ids[from]! };
  const mid = (from + to) >>> 1;
  return { message: 'path', data: { from: path(ids, from, mid), to: path(ids, mid, to) } };
}

export const STR_001 = defineRule({
  id: 'STR-001',
  family: 'structure',
  title: 'Valid reporting lines',
  why: 'Everyone needs exactly one real manager; a line to nobody, to oneself or around in a circle leaves people without anyone accountable for them.',
  quotes: [QUOTES.headOversees],
  practice: UNITY_OF_COMMAND,
  severities: ['error'],
  messages: {
    self: '{role} reports to itself. Choose its real manager, or clear its manager if it is the top of the department.',
    missing: '{role} reports to "{to}", which is not a role in this document. Choose an existing manager or clear the line.',
    cycle: 'Reporting cycle: {path}. Nobody in it reaches the top of the department; change one of these reporting lines.',
    path: '{from} → {to}',
  },
  check(ctx, report) {
    const { roles } = ctx;
    const { managerOf } = ctx.index;
    const held: Held[] = [];
    for (let i = 0; i < ctx.n; i++) {
      const role = roles[i]!;
      const to = role.reportsTo;
      if (to === null) continue;
      if (to === role.id) {
        held.push({ key: i, message: 'self', roles: [role.id], data: { role: { role: role.id } } });
      } else if (managerOf[i] === NONE) {
        // managerOf is -1 for a null, missing or own reportsTo, and this one is neither null nor its own.
        held.push({ key: i, message: 'missing', roles: [role.id], data: { role: { role: role.id }, to } });
      }
    }
    for (const cycle of ctx.topology.cycles) {
      // Start the loop at its first role in the document, so the message is stable.
      let first = 0;
      for (let k = 1; k < cycle.length; k++) if (cycle[k]! < cycle[first]!) first = k;
      const loop = [...cycle.slice(first), ...cycle.slice(0, first), cycle[first]!].map((r) => roles[r]!.id);
      const inOrder = [...cycle].sort((a, b) => a - b);
      held.push({ key: inOrder[0]!, message: 'cycle', roles: inOrder.map((r) => roles[r]!.id), data: { path: path(loop, 0, loop.length) } });
    }
    held.sort((a, b) => a.key - b.key);
    for (const h of held) report(h.message, 'error', h.roles, h.data);
  },
});
