/**
 * The org document format, version 1 (docs: spec/format.md, copied in docs/format.md).
 *
 * Flat on purpose: roles are one list that reference each other by id, so no schema
 * here is recursive and no document can be too deep for the parser.
 * Defaults of format.md are filled in on parse, so the in-memory document is total;
 * export omits them again (src/io/serialize.ts).
 */
import { z } from 'zod';

export const FORMAT_NAME = 'org-structure';
/** The newest format version this program reads and writes. */
export const CURRENT_VERSION = 1;
export const MAX_ROLES = 50_000;

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
/** A BCP-47-like locale tag such as `zh-CN`; it also keeps `__proto__` out of `titles`. */
export const LOCALE_TAG_PATTERN = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
/** Most characters of each bounded text field (format.md); the fast validator (fast.ts) reads them too. */
export const MAX_LENGTH = { name: 200, description: 5000, period: 40, title: 120, note: 200, holderName: 120, reason: 500 } as const;
export const MIN_LEVEL = 1;
export const MAX_LEVEL = 8;
export const MAX_PERCENT = 100;
const id = z.string().regex(ID_PATTERN, 'an id of letters, digits and _ . : - (1–64 characters, starting with a letter or digit)');
const nonNegative = z.number().min(0);
const nonNegativeInt = z.number().int().min(0);

export const FAMILIES = ['head-am', 'am-lead', 'senior-am', 'am', 'am-ops', 'other'] as const;
export const FUNCTIONS = ['account-management', 'sales', 'product', 'marketing', 'operations', 'finance', 'hr', 'legal', 'executive'] as const;
export const ARCHETYPES = ['player-coach', 'coach', 'supervisor', 'facilitator', 'coordinator'] as const;
export const DOTTED_KINDS = ['indirect-manager', 'partner'] as const;
export const ACCOUNT_TIERS = ['strategic', 'enterprise', 'mid-market', 'smb'] as const;
export const BUDGET_KINDS = ['personnel', 'operating', 'client-programs', 'training', 'tools'] as const;
export const AUTHORITIES = ['decide', 'agree', 'recommend', 'input', 'perform'] as const;
export const SCOPES = ['own', 'team', 'department'] as const;
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const DIRECTIONS = ['TB', 'LR'] as const;

/** Decision areas and their tier, fixed by the area (format.md). */
export const DECISION_AREA_TIERS = {
  'account-strategy': 'strategic',
  'target-setting': 'strategic',
  'budget-allocation': 'strategic',
  'headcount-hiring': 'strategic',
  'performance-review': 'tactical',
  'account-assignment': 'tactical',
  'pricing-discount': 'tactical',
  'contract-negotiation': 'tactical',
  'client-escalation': 'tactical',
  'account-plan': 'tactical',
  'spend-approval': 'tactical',
  'cross-functional-priority': 'tactical',
  'day-to-day-service': 'operational',
} as const;
export type DecisionArea = keyof typeof DECISION_AREA_TIERS;
export const DECISION_AREAS = Object.keys(DECISION_AREA_TIERS) as DecisionArea[];

export const DottedLineSchema = z.object({
  to: id,
  kind: z.enum(DOTTED_KINDS),
  note: z.string().max(MAX_LENGTH.note).optional(),
});

export const HolderSchema = z.object({
  name: z.string().max(MAX_LENGTH.holderName),
  yearsExperience: nonNegative.optional(),
  yearsManagement: nonNegative.optional(),
  languages: z.array(z.string()).optional(),
});

export const SalarySchema = z.object({
  min: nonNegative,
  max: nonNegative,
  bonusPct: z.number().min(0).max(MAX_PERCENT).optional(),
});

export const AccountsSchema = z.object({
  tier: z.enum(ACCOUNT_TIERS),
  count: nonNegativeInt,
});

export const BudgetSchema = z.object({
  id,
  kind: z.enum(BUDGET_KINDS),
  amount: nonNegative,
  parent: id.optional(),
});

export const LimitSchema = z.union([
  z.object({ percent: z.number().min(0).max(MAX_PERCENT) }),
  z.object({ amount: nonNegative }),
]);

export const DecisionRightSchema = z.object({
  area: z.enum(DECISION_AREAS as [DecisionArea, ...DecisionArea[]]),
  authority: z.enum(AUTHORITIES).default('decide'),
  scope: z.enum(SCOPES).optional(),
  limit: LimitSchema.optional(),
});

export const RequirementsSchema = z.object({
  minYearsManagement: nonNegative.optional(),
  minYearsExperience: nonNegative.optional(),
  languages: z.array(z.string()).optional(),
});

export const ExceptionSchema = z.object({
  rule: id,
  reason: z.string().min(1).max(MAX_LENGTH.reason),
});

const localeTag = z.string().regex(LOCALE_TAG_PATTERN, 'a locale tag such as zh-CN');

export const RoleSchema = z.object({
  id,
  title: z.string().min(1).max(MAX_LENGTH.title),
  titles: z.record(localeTag, z.string().max(MAX_LENGTH.title)).default({}),
  family: z.enum(FAMILIES).default('other'),
  function: z.enum(FUNCTIONS).default('account-management'),
  level: z.number().int().min(MIN_LEVEL).max(MAX_LEVEL),
  reportsTo: id.nullable().default(null),
  dottedLines: z.array(DottedLineSchema).default([]),
  external: z.boolean().default(false),
  assistant: z.boolean().default(false),
  archetype: z.enum(ARCHETYPES).optional(),
  headcount: z.number().int().min(1).default(1),
  vacancies: nonNegativeInt.default(0),
  holder: HolderSchema.optional(),
  salary: SalarySchema.optional(),
  revenueTarget: nonNegative.optional(),
  accounts: z.array(AccountsSchema).default([]),
  budgets: z.array(BudgetSchema).default([]),
  decisions: z.array(DecisionRightSchema).default([]),
  requirements: RequirementsSchema.optional(),
  exceptions: z.array(ExceptionSchema).default([]),
});

export const RuleSettingSchema = z.object({
  enabled: z.boolean().optional(),
  severity: z.enum(SEVERITIES).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const PositionSchema = z.object({ x: z.number(), y: z.number() });

export const DocumentSchema = z.object({
  format: z.literal(FORMAT_NAME),
  version: z.literal(CURRENT_VERSION),
  name: z.string().min(1).max(MAX_LENGTH.name),
  description: z.string().max(MAX_LENGTH.description).optional(),
  currency: z.string().regex(CURRENCY_PATTERN, 'an ISO 4217 code of 3 capital letters, such as CNY'),
  period: z.string().max(MAX_LENGTH.period).optional(),
  roles: z.array(RoleSchema).max(MAX_ROLES),
  settings: z.object({ rules: z.record(z.string(), RuleSettingSchema).default({}) }).default({ rules: {} }),
  view: z
    .object({
      positions: z.record(id, PositionSchema).default({}),
      collapsed: z.array(id).default([]),
      direction: z.enum(DIRECTIONS).default('TB'),
    })
    .default({ positions: {}, collapsed: [], direction: 'TB' }),
});

/** Everything in a document is read-only: commands return new values (src/model/commands.ts). */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

type Out<S extends z.ZodType> = DeepReadonly<z.output<S>>;
export type OrgDocument = Out<typeof DocumentSchema>;
export type Role = OrgDocument['roles'][number];
export type Family = Role['family'];
export type RoleFunction = Role['function'];
export type Archetype = NonNullable<Role['archetype']>;
export type DottedLine = Out<typeof DottedLineSchema>;
export type Holder = Out<typeof HolderSchema>;
export type Salary = Out<typeof SalarySchema>;
export type Accounts = Out<typeof AccountsSchema>;
export type AccountTier = Accounts['tier'];
export type Budget = Out<typeof BudgetSchema>;
export type BudgetKind = Budget['kind'];
export type DecisionRight = Out<typeof DecisionRightSchema>;
export type Authority = DecisionRight['authority'];
export type Scope = NonNullable<DecisionRight['scope']>;
export type Limit = Out<typeof LimitSchema>;
export type Requirements = Out<typeof RequirementsSchema>;
export type RoleException = Out<typeof ExceptionSchema>;
export type RuleSetting = Out<typeof RuleSettingSchema>;
export type Severity = (typeof SEVERITIES)[number];
export type Position = Out<typeof PositionSchema>;
export type Direction = (typeof DIRECTIONS)[number];
export type Tier = (typeof DECISION_AREA_TIERS)[DecisionArea];
/**
 * A role as one fixed shape: every field present, in the order of the spec, optional
 * ones `undefined` when absent. Every role in memory has this shape (parse, commands,
 * generator), so the rules' and the layout's loops over 10,000 roles read fields
 * through monomorphic property accesses — measurably faster than a mix of shapes.
 */
export function normalizeRole(r: Role): Role {
  return {
    id: r.id,
    title: r.title,
    titles: r.titles,
    family: r.family,
    function: r.function,
    level: r.level,
    reportsTo: r.reportsTo,
    dottedLines: r.dottedLines,
    external: r.external,
    assistant: r.assistant,
    archetype: r.archetype,
    headcount: r.headcount,
    vacancies: r.vacancies,
    holder: r.holder,
    salary: r.salary,
    revenueTarget: r.revenueTarget,
    accounts: r.accounts,
    budgets: r.budgets,
    decisions: r.decisions,
    requirements: r.requirements,
    exceptions: r.exceptions,
  };
}

/** A role with the defaults of format.md filled in, without going through validation (trusted input, hot paths). */
export function roleWithDefaults(fields: Partial<Role> & Pick<Role, 'id' | 'title' | 'level'>): Role {
  return normalizeRole({
    titles: {},
    family: 'other',
    function: 'account-management',
    reportsTo: null,
    dottedLines: [],
    external: false,
    assistant: false,
    headcount: 1,
    vacancies: 0,
    accounts: [],
    budgets: [],
    decisions: [],
    exceptions: [],
    ...fields,
  });
}

/** A role as a caller may write it: defaults of format.md may be left out. */
export type RoleInput = z.input<typeof RoleSchema>;
