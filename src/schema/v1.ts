/**
 * The org document format, version 1 (docs: spec/format.md, copied in docs/format.md).
 *
 * Flat on purpose: roles are one list that reference each other by id, so no schema
 * here is recursive and no document can be too deep for the parser.
 * Defaults of format.md are filled in on parse, so the in-memory document is total;
 * export omits them again (src/io/serialize.ts).
 */
import { z } from 'zod';
// The constants live in constants.ts, zod-free for the app's entry. Not re-exported: importing a constant must never pull in zod.
import {
  ACCOUNT_TIERS,
  ARCHETYPES,
  AUTHORITIES,
  BUDGET_KINDS,
  CURRENCY_PATTERN,
  CURRENT_VERSION,
  DECISION_AREAS,
  DEFAULTS,
  DIRECTIONS,
  DOTTED_KINDS,
  FAMILIES,
  FORMAT_NAME,
  FUNCTIONS,
  ID_PATTERN,
  LOCALE_TAG_PATTERN,
  MAX_LENGTH,
  MAX_LEVEL,
  MAX_PERCENT,
  MAX_ROLES,
  MIN_LEVEL,
  SCOPES,
  SEVERITIES,
  type DecisionArea,
  type DECISION_AREA_TIERS,
} from './constants.ts';
import { paramsBoundIssue } from './bounds.ts';

export type { DecisionArea } from './constants.ts';

// Before the first schema below: zod decides when a schema is built whether it may compile a
// parser with `new Function`. The app's Content-Security-Policy forbids eval (vite.config.ts), and
// under it even zod's caught probe for eval is reported as a violation; jitless skips both.
// Every use of zod goes through this module (validate.ts and field-commands.ts import it).
z.config({ jitless: true });

const id = z.string().regex(ID_PATTERN, 'an id of letters, digits and _ . : - (1–64 characters, starting with a letter or digit)');
const nonNegative = z.number().min(0);
const nonNegativeInt = z.number().int().min(0);

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
  authority: z.enum(AUTHORITIES).default(DEFAULTS.authority),
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
  family: z.enum(FAMILIES).default(DEFAULTS.family),
  function: z.enum(FUNCTIONS).default(DEFAULTS.function),
  level: z.number().int().min(MIN_LEVEL).max(MAX_LEVEL),
  reportsTo: id.nullable().default(DEFAULTS.reportsTo),
  dottedLines: z.array(DottedLineSchema).default([]),
  external: z.boolean().default(DEFAULTS.external),
  assistant: z.boolean().default(DEFAULTS.assistant),
  archetype: z.enum(ARCHETYPES).optional(),
  headcount: z.number().int().min(1).default(DEFAULTS.headcount),
  vacancies: nonNegativeInt.default(DEFAULTS.vacancies),
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

/** Rule settings by rule id, their parameters within the bounds that keep every document writable (bounds.ts). */
const RuleSettingsSchema = z.record(z.string(), RuleSettingSchema).check((ctx) => {
  const issue = paramsBoundIssue(ctx.value);
  if (issue) ctx.issues.push({ code: 'custom', message: issue.message, path: [...issue.path], input: ctx.value });
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
  settings: z.object({ rules: RuleSettingsSchema.default({}) }).default({ rules: {} }),
  view: z
    .object({
      positions: z.record(id, PositionSchema).default({}),
      collapsed: z.array(id).default([]),
      direction: z.enum(DIRECTIONS).default(DEFAULTS.direction),
    })
    .default({ positions: {}, collapsed: [], direction: DEFAULTS.direction }),
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
/** A role as a caller may write it: defaults of format.md may be left out. */
export type RoleInput = z.input<typeof RoleSchema>;
