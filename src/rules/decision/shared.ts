/** What the decision rules DEC-001..009 share (rules.md, "Decision authority"). */
import type { RuleContext } from '../context.ts';

/** No right, no role (the decision model's -1). */
export const NONE = -1;

/** The data of a message without placeholders (a sub-message such as DEC-003's tier words). */
export const NO_DATA = Object.freeze({});

/** The lower holder, then the higher; one role when both rights are its own. */
export function pairRoles(ctx: RuleContext, lower: number, higher: number): string[] {
  const a = ctx.roles[lower]!.id;
  return lower === higher ? [a] : [a, ctx.roles[higher]!.id];
}
