/**
 * Rule parameters: the defaults of rules.md ("Default parameters") and the merge of a
 * document's `settings.rules[ID].params` over them. The merge is driven by a small
 * shape per parameter, so garbage (a string where an object is expected, a negative
 * portfolio cap, an unknown family) falls back to the default for that key instead
 * of reaching a rule; `__proto__`, `constructor` and `prototype` are never read.
 */
import { ACCOUNT_TIERS, ARCHETYPES, BUDGET_KINDS, DECISION_AREAS, FAMILIES, FUNCTIONS, type DecisionArea } from '../schema/constants.ts';
import type { AccountTier, Archetype, BudgetKind, Family, RoleFunction } from '../schema/v1.ts';

export type Range = readonly [number, number];
export interface ReferenceBand {
  readonly base?: Range;
  readonly bonusPct?: Range;
}

/** Parameters of every rule that has some, keyed by rule id. */
export interface OldRuleParams {
  readonly 'STR-003': { readonly maxIndirectManagers: number };
  readonly 'STR-005': { readonly targetSpan: number; readonly layerSlack: number };
  readonly 'STR-007': { readonly partnerFunctions: readonly RoleFunction[] };
  readonly 'SPAN-001': { readonly minSpan: number };
  readonly 'SPAN-002': {
    readonly errorFactor: number;
    readonly ranges: Readonly<Record<Archetype, Range>>;
    readonly defaultArchetype: Readonly<Record<Family, Archetype>>;
  };
  readonly 'SPAN-004': { readonly maxReportsByFamily: Readonly<Partial<Record<Family, number>>> };
  readonly 'SPAN-005': { readonly playerCoachMaxSpan: number };
  readonly 'SPAN-006': {
    readonly portfolioCap: Readonly<Record<AccountTier, number>>;
    readonly managerCapacity: number;
    readonly loadWarn: number;
    readonly loadError: number;
  };
  readonly 'SPAN-007': { readonly strategicMinLevel: number };
  readonly 'DEC-002': { readonly requiredDepartmentAreas: readonly DecisionArea[]; readonly requiredAccountAreas: readonly DecisionArea[] };
  readonly 'DEC-004': { readonly reservedToHead: readonly DecisionArea[] };
  readonly 'DEC-007': { readonly maxAgree: number };
  readonly 'DEC-008': { readonly peopleAreas: readonly DecisionArea[] };
  readonly 'BUD-002': { readonly tolerance: number };
  readonly 'BUD-003': { readonly allowedKinds: Readonly<Partial<Record<Family, '*' | readonly BudgetKind[]>>> };
  readonly 'BUD-004': { readonly loadFactor: number; readonly warnRatio: number; readonly errorRatio: number };
  readonly 'BUD-005': { readonly overAssignWarn: number; readonly overAssignError: number };
  readonly 'BUD-007': { readonly referenceBands: Readonly<Partial<Record<Family, ReferenceBand>>> };
}
export type ParamRuleId = keyof OldRuleParams;
export type RuleParams = OldRuleParams;

function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const child of Object.values(v)) stack.push(child);
    }
  }
  return value;
}

/** The defaults of rules.md, "Default parameters" (frozen). */
export const DEFAULT_PARAMS: RuleParams = deepFreeze({
  'STR-003': { maxIndirectManagers: 1 },
  'STR-005': { targetSpan: 7, layerSlack: 1 },
  'STR-007': { partnerFunctions: ['product', 'marketing', 'operations'] },
  'SPAN-001': { minSpan: 3 },
  'SPAN-002': {
    errorFactor: 1.5,
    ranges: { 'player-coach': [3, 5], coach: [6, 7], supervisor: [8, 10], facilitator: [11, 15], coordinator: [15, 25] },
    defaultArchetype: { 'head-am': 'player-coach', 'am-lead': 'supervisor', 'senior-am': 'player-coach', am: 'player-coach', 'am-ops': 'coach', other: 'coach' },
  },
  'SPAN-004': { maxReportsByFamily: { 'senior-am': 2, am: 0 } },
  'SPAN-005': { playerCoachMaxSpan: 5 },
  'SPAN-006': { portfolioCap: { strategic: 6, enterprise: 30, 'mid-market': 100, smb: 300 }, managerCapacity: 0.5, loadWarn: 1.0, loadError: 1.5 },
  'SPAN-007': { strategicMinLevel: 3 },
  'DEC-002': {
    requiredDepartmentAreas: ['account-strategy', 'target-setting', 'budget-allocation', 'headcount-hiring'],
    requiredAccountAreas: ['account-assignment', 'pricing-discount', 'contract-negotiation', 'client-escalation'],
  },
  'DEC-004': { reservedToHead: ['account-strategy', 'target-setting', 'budget-allocation'] },
  'DEC-007': { maxAgree: 2 },
  'DEC-008': { peopleAreas: ['headcount-hiring', 'performance-review'] },
  'BUD-002': { tolerance: 0 },
  'BUD-003': {
    allowedKinds: {
      'head-am': '*',
      'am-lead': ['operating', 'client-programs', 'training'],
      'senior-am': ['client-programs'],
      am: ['client-programs'],
      'am-ops': ['tools', 'training'],
      other: '*',
    },
  },
  'BUD-004': { loadFactor: 1.3, warnRatio: 1.0, errorRatio: 1.1 },
  'BUD-005': { overAssignWarn: 0.2, overAssignError: 0.5 },
  'BUD-007': {
    referenceBands: {
      'head-am': { base: [120000, 200000], bonusPct: [10, 20] },
      'senior-am': { base: [80000, 150000], bonusPct: [5, 15] },
    },
  },
} satisfies RuleParams);

/** What a parameter may hold. `obj` has fixed keys; `map` has keys from an enum, merged one by one. */
export type Shape =
  | { readonly k: 'num'; readonly min?: number; readonly above?: number }
  | { readonly k: 'enum'; readonly of: readonly string[] }
  | { readonly k: 'list'; readonly of: Shape }
  | { readonly k: 'range' }
  | { readonly k: 'obj'; readonly fields: Readonly<Record<string, Shape>> }
  | { readonly k: 'map'; readonly keys: readonly string[]; readonly of: Shape }
  | { readonly k: 'either'; readonly of: readonly Shape[] };

const num = (min?: number, above?: number): Shape => ({ k: 'num', min, above });
const oneOf = (of: readonly string[]): Shape => ({ k: 'enum', of });
const listOf = (of: Shape): Shape => ({ k: 'list', of });
const range: Shape = { k: 'range' };
const obj = (fields: Record<string, Shape>): Shape => ({ k: 'obj', fields });
const mapOf = (keys: readonly string[], of: Shape): Shape => ({ k: 'map', keys, of });
const areas = listOf(oneOf(DECISION_AREAS));

export const SHAPES: Readonly<Record<ParamRuleId, Shape>> = {
  'STR-003': obj({ maxIndirectManagers: num(0) }),
  'STR-005': obj({ targetSpan: num(undefined, 0), layerSlack: num(0) }),
  'STR-007': obj({ partnerFunctions: listOf(oneOf(FUNCTIONS)) }),
  'SPAN-001': obj({ minSpan: num() }),
  'SPAN-002': obj({
    errorFactor: num(0),
    ranges: mapOf(ARCHETYPES, range),
    defaultArchetype: mapOf(FAMILIES, oneOf(ARCHETYPES)),
  }),
  'SPAN-004': obj({ maxReportsByFamily: mapOf(FAMILIES, num()) }),
  'SPAN-005': obj({ playerCoachMaxSpan: num() }),
  'SPAN-006': obj({ portfolioCap: mapOf(ACCOUNT_TIERS, num(undefined, 0)), managerCapacity: num(0), loadWarn: num(0), loadError: num(0) }),
  'SPAN-007': obj({ strategicMinLevel: num() }),
  'DEC-002': obj({ requiredDepartmentAreas: areas, requiredAccountAreas: areas }),
  'DEC-004': obj({ reservedToHead: areas }),
  'DEC-007': obj({ maxAgree: num(0) }),
  'DEC-008': obj({ peopleAreas: areas }),
  'BUD-002': obj({ tolerance: num(-1) }),
  'BUD-003': obj({ allowedKinds: mapOf(FAMILIES, { k: 'either', of: [oneOf(['*']), listOf(oneOf(BUDGET_KINDS))] }) }),
  'BUD-004': obj({ loadFactor: num(0), warnRatio: num(0), errorRatio: num(0) }),
  'BUD-005': obj({ overAssignWarn: num(-1), overAssignError: num(-1) }),
  'BUD-007': obj({ referenceBands: mapOf(FAMILIES, obj({ base: range, bonusPct: range })) }),
};

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(o: Record<string, unknown>, key: string): unknown {
  return !FORBIDDEN.has(key) && Object.hasOwn(o, key) ? o[key] : undefined;
}

/** Whether a leaf value fits its shape (objects and maps are merged, not checked here). */
function fits(v: unknown, s: Shape): boolean {
  switch (s.k) {
    case 'num':
      return typeof v === 'number' && Number.isFinite(v) && (s.min === undefined || v >= s.min) && (s.above === undefined || v > s.above);
    case 'enum':
      return typeof v === 'string' && s.of.includes(v);
    case 'list':
      return Array.isArray(v) && v.every((x) => fits(x, s.of));
    case 'range':
      return Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0) && v[0] <= v[1];
    case 'either':
      return s.of.some((alt) => fits(v, alt));
    default:
      return false;
  }
}

/**
 * Merges `over` onto `base` for shape `s`: objects key by key (deeply), leaves replaced
 * when they fit the shape, else the default kept. `base` undefined means "no default"
 * (a new map entry): then an unfit value gives undefined and the key is left out.
 */
function merge(base: unknown, over: unknown, s: Shape): unknown {
  if (over === undefined) return base;
  if (s.k === 'obj' || s.k === 'map') {
    if (!isRecord(over)) return base;
    const out: Record<string, unknown> = {};
    const baseRec = isRecord(base) ? base : {};
    const keys = s.k === 'obj' ? Object.keys(s.fields) : s.keys;
    for (const key of keys) {
      if (FORBIDDEN.has(key)) continue;
      const shape = s.k === 'obj' ? s.fields[key] : s.of;
      if (!shape) continue;
      const value = merge(own(baseRec, key), own(over, key), shape);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  return fits(over, s) ? over : base;
}

/** The parameters of one rule: the document's `params` merged over the defaults. Never throws. */
export function mergeRuleParams<K extends ParamRuleId>(id: K, over: unknown): RuleParams[K] {
  const base = DEFAULT_PARAMS[id];
  if (over === undefined) return base;
  try {
    return merge(base, over, SHAPES[id]) as RuleParams[K];
  } catch {
    return base; // a hostile object (a throwing getter); JSON never gives one
  }
}

/** Whether a rule id has parameters. */
export function hasParams(id: string): id is ParamRuleId {
  return Object.hasOwn(DEFAULT_PARAMS, id);
}

/** All parameters, with the overrides given by rule id merged in. */
export function resolveParams(overrides: ReadonlyMap<string, unknown>): RuleParams {
  const out: Record<string, unknown> = {};
  for (const id of Object.keys(DEFAULT_PARAMS) as ParamRuleId[]) out[id] = mergeRuleParams(id, overrides.get(id));
  return out as unknown as RuleParams;
}
