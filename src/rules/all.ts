/**
 * The rules, in catalogue order (the order findings are returned in), and what is derived
 * from the list: the rule ids, the parameter types and defaults. Adding a rule is adding
 * its module to its family's list (docs/rules.md, "Adding a rule").
 */
import { knowRuleParameters } from '../schema/load.ts';
import type { AnyRule } from './define.ts';
import { STRUCTURE_RULES } from './structure/index.ts';
import { SPAN_RULES } from './span/index.ts';
import { DECISION_RULES } from './decision/index.ts';
import { BUDGET_RULES } from './budget/index.ts';
import { QUALIFICATION_RULES } from './qualification/index.ts';

export const RULES = [
  ...STRUCTURE_RULES,
  ...SPAN_RULES,
  ...DECISION_RULES,
  ...BUDGET_RULES,
  ...QUALIFICATION_RULES,
] as const satisfies readonly AnyRule[];

type Listed = (typeof RULES)[number];

/** A rule id of the catalogue. */
export type RuleId = Listed['id'];

/** Every rule id, in catalogue order. */
export const RULE_IDS: readonly RuleId[] = Object.freeze(RULES.map((r) => r.id));

const IDS: ReadonlySet<string> = new Set(RULE_IDS);

/** Whether a string is a rule id of the catalogue. */
export function isRuleId(id: string): id is RuleId {
  return IDS.has(id);
}

/** The parameters of every rule that has some, keyed by rule id. */
export type RuleParams = { readonly [R in Listed as keyof R['defaults'] extends never ? never : R['id']]: R['defaults'] };

/** Every rule's defaults (rules.md, "Default parameters"), frozen. */
export const DEFAULT_PARAMS: RuleParams = Object.freeze(Object.fromEntries(RULES.filter((r) => Object.keys(r.defaults).length > 0).map((r) => [r.id, r.defaults]))) as unknown as RuleParams;

const BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((r) => [r.id, r]));

// Loading a document notes parameter names no rule has (format.md); the rules tell the loader theirs.
knowRuleParameters((id) => {
  const rule = BY_ID.get(id);
  return rule && Object.keys(rule.defaults);
});

/** The rule with this id. */
export function ruleById(id: string): AnyRule | undefined {
  return BY_ID.get(id);
}

/** The id of the engine's own findings about `settings.rules` (an unknown rule id). */
export const SETTINGS_RULE_ID = 'SETTINGS';
