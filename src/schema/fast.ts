/**
 * A hand-written validator of format version 1 for what nearly every load is: a valid
 * document. It accepts only what `DocumentSchema` accepts and then builds the value zod
 * builds (defaults filled, unknown fields dropped, keys in schema order), with roles in
 * the shape of `normalizeRole`: on 10,000 roles in about 8 ms, where zod took about 80.
 *
 * It answers `undefined` on anything it does not accept, including a few valid corner
 * cases it leaves to zod (text over its bound in UTF-16 units, which zod may still
 * accept by counting code points); the caller then runs zod, whose issues and paths are
 * what a person reads. tests/property/parse-fast.property.test.ts checks that both
 * paths give the same result.
 *
 * The input is what `JSON.parse` returns (plain objects, arrays, strings, numbers
 * including ±Infinity, booleans, null), so every own key is enumerable and no read
 * runs code. The schema is flat, so the walk has a fixed depth whatever the input;
 * `params` values (any JSON) are kept as they are, as zod keeps them, and only measured
 * against the bounds of bounds.ts (which stop at the bound, however deep the value).
 * Input keys are written onto output objects only in records, and never `__proto__`.
 *
 * An input object whose keys are fields in schema order, whose values pass unchanged
 * and that needs no default filled in already is the object zod would build: it is
 * kept rather than copied. That halves what the walk allocates (10 to 5 MB on 10,000
 * roles): beyond JSON.parse, garbage collection costs loading more than the checks do.
 */
import {
  ACCOUNT_TIERS,
  ARCHETYPES,
  AUTHORITIES,
  BUDGET_KINDS,
  CURRENCY_PATTERN,
  CURRENT_VERSION,
  DECISION_AREAS,
  DEFAULTS as DEFAULT,
  DIRECTIONS,
  DOTTED_KINDS,
  FAMILIES,
  FIELDS as FIELD_NAMES,
  FORMAT_NAME,
  FUNCTIONS,
  ID_PATTERN,
  LOCALE_TAG_PATTERN,
  MAX_LENGTH,
  withinLength,
  MAX_LEVEL,
  MAX_PERCENT,
  MAX_ROLES,
  MIN_LEVEL,
  normalizeRole,
  SCOPES,
  SEVERITIES,
} from './constants.ts';
import { paramsBoundIssue } from './bounds.ts';
import type {
  Accounts,
  Budget,
  DecisionRight,
  DottedLine,
  Holder,
  Limit,
  OrgDocument,
  Position,
  Requirements,
  Role,
  RoleException,
  RuleSetting,
  Salary,
} from './v1.ts';

export interface FastParse {
  readonly doc: OrgDocument;
  /**
   * Whether validation dropped a field (an unknown one, a `__proto__` key, the other key
   * of a limit): only then does the caller walk the input to name them in notes.
   */
  readonly dropped: boolean;
}

type Obj = Record<string, unknown>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** State of one walk; a walk is synchronous, so it is never shared. */
interface Walk { dropped: boolean }
type Item<T> = (value: unknown, walk: Walk) => T | undefined;

/** A schema's field names with their positions. */
type Fields = ReadonlyMap<string, number>;

// Field names and scalar defaults come from constants.ts, from which v1.ts builds the schemas (a test holds them equal).
const fieldsOf = (names: readonly string[]): Fields => new Map(names.map((key, i) => [key, i]));
const FIELDS = Object.fromEntries(Object.entries(FIELD_NAMES).map(([name, keys]) => [name, fieldsOf(keys)])) as { readonly [K in keyof typeof FIELD_NAMES]: Fields };

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
/** Text within `max` characters, counted as zod counts them (constants.ts `withinLength`). */
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && withinLength(v, max);
const isNonEmptyText = (v: unknown, max: number): v is string => isText(v, max) && v.length > 0;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isAmount = (v: unknown): v is number => isNumber(v) && v >= 0;
const isPercent = (v: unknown): v is number => isAmount(v) && v <= MAX_PERCENT;
const isNote = (v: unknown): v is string => isText(v, MAX_LENGTH.note);
const isDescription = (v: unknown): v is string => isText(v, MAX_LENGTH.description);
const isPeriod = (v: unknown): v is string => isText(v, MAX_LENGTH.period);
/** `z.number().int()` is a safe integer. */
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isId = (v: unknown): v is string => typeof v === 'string' && ID_PATTERN.test(v);
const isLevel = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= MIN_LEVEL && (v as number) <= MAX_LEVEL;
const optional = <T>(v: unknown, ok: (v: unknown) => v is T): v is T | undefined => v === undefined || ok(v);
function oneOf<T>(values: readonly T[]): (v: unknown) => v is T {
  const set = new Set<unknown>(values);
  return (v: unknown): v is T => set.has(v);
}
const isFamily = oneOf(FAMILIES);
const isFunction = oneOf(FUNCTIONS);
const isArchetype = oneOf(ARCHETYPES);
const isDottedKind = oneOf(DOTTED_KINDS);
const isTier = oneOf(ACCOUNT_TIERS);
const isBudgetKind = oneOf(BUDGET_KINDS);
const isArea = oneOf(DECISION_AREAS);
const isAuthority = oneOf(AUTHORITIES);
const isScope = oneOf(SCOPES);
const isSeverity = oneOf(SEVERITIES);
const isDirection = oneOf(DIRECTIONS);

/**
 * Whether the keys of `v` are fields in schema order (so `v` may be kept as it is). A key
 * that is no field is dropped by zod: the walk is marked, and `v` must be copied.
 */
function fieldsInOrder(v: Obj, fields: Fields, walk: Walk): boolean {
  let ordered = true;
  let next = 0;
  for (const key in v) {
    const at = fields.get(key);
    if (at === undefined) {
      walk.dropped = true;
      return false;
    }
    if (at < next) ordered = false;
    next = at + 1;
  }
  return ordered;
}

/** Each element through `item`: `v` itself when every element comes back as it was, else a copy; undefined at the first refusal. */
function arrayOf<T>(v: unknown, walk: Walk, item: Item<T>): T[] | undefined {
  if (!Array.isArray(v)) return undefined;
  let out: T[] | undefined;
  for (let i = 0; i < v.length; i++) {
    const x = item(v[i], walk);
    if (x === undefined) return undefined;
    if (out !== undefined) out.push(x);
    else if (x !== v[i]) {
      out = v.slice(0, i) as T[];
      out.push(x);
    }
  }
  return out ?? (v as T[]);
}

/**
 * A record as zod builds it: keys in input order, each matching `keyPattern` (null: any),
 * `__proto__` skipped. `v` itself when that changes nothing, else a copy.
 */
function recordOf<T>(v: unknown, walk: Walk, keyPattern: RegExp | null, item: Item<T>): Record<string, T> | undefined {
  if (!isObject(v)) return undefined;
  let out: Record<string, T> | undefined;
  for (const key in v) {
    // zod skips it, since assigning it would replace the prototype; it is then a dropped field.
    if (key === '__proto__') {
      walk.dropped = true;
      out ??= entriesBefore(v, key);
      continue;
    }
    if (keyPattern !== null && !keyPattern.test(key)) return undefined;
    const value = v[key];
    const x = item(value, walk);
    if (x === undefined) return undefined;
    if (out === undefined && x !== value) out = entriesBefore(v, key);
    if (out !== undefined) out[key] = x;
  }
  return out ?? (v as Record<string, T>);
}

/** A new record of the entries of `v` before the key `stop`, which `recordOf` kept as they were. */
function entriesBefore<T>(v: Obj, stop: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key in v) {
    if (key === stop) break;
    if (key !== '__proto__') out[key] = v[key] as T;
  }
  return out;
}

const asText = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const asId = (v: unknown): string | undefined => (isId(v) ? v : undefined);
const asLocalTitle = (v: unknown): string | undefined => (isText(v, MAX_LENGTH.title) ? v : undefined);
/** `z.unknown()`: any JSON value, kept as it is. */
const asIs = (v: unknown): unknown => v;
const texts: Item<string[]> = (v, walk) => arrayOf(v, walk, asText);
const ruleParams: Item<Record<string, unknown>> = (v, walk) => recordOf(v, walk, null, asIs);

/** An optional field: absent stays absent, present must pass `item` (`null` means refused). */
function optionalField<T>(v: unknown, walk: Walk, item: Item<T>): T | undefined | null {
  return v === undefined ? undefined : (item(v, walk) ?? null);
}

/** An array field that defaults to `[]` (a new one each time, as zod's default is a copy). */
function listOf<T>(v: unknown, walk: Walk, item: Item<T>): T[] | undefined {
  return v === undefined ? [] : arrayOf(v, walk, item);
}

// Each validator below answers the value zod builds from `v`, or undefined when it does not accept `v`.

function dottedLine(v: unknown, walk: Walk): DottedLine | undefined {
  if (!isObject(v)) return undefined;
  const same = fieldsInOrder(v, FIELDS.dottedLine, walk);
  const { to, kind, note } = v;
  if (!isId(to) || !isDottedKind(kind) || !optional(note, isNote)) return undefined;
  if (same) return v as DottedLine;
  const out: Mutable<DottedLine> = { to, kind };
  if (note !== undefined) out.note = note;
  return out;
}

function holder(v: unknown, walk: Walk): Holder | undefined {
  if (!isObject(v)) return undefined;
  const same = fieldsInOrder(v, FIELDS.holder, walk);
  const { name, yearsExperience, yearsManagement } = v;
  const languages = optionalField(v.languages, walk, texts);
  if (!isText(name, MAX_LENGTH.holderName) || !optional(yearsExperience, isAmount) || !optional(yearsManagement, isAmount) || languages === null) {
    return undefined;
  }
  if (same && languages === v.languages) return v as Holder;
  const out: Mutable<Holder> = { name };
  if (yearsExperience !== undefined) out.yearsExperience = yearsExperience;
  if (yearsManagement !== undefined) out.yearsManagement = yearsManagement;
  if (languages !== undefined) out.languages = languages;
  return out;
}

function salary(v: unknown, walk: Walk): Salary | undefined {
  if (!isObject(v)) return undefined;
  const same = fieldsInOrder(v, FIELDS.salary, walk);
  const { min, max, bonusPct } = v;
  if (!isAmount(min) || !isAmount(max) || !optional(bonusPct, isPercent)) return undefined;
  if (same) return v as Salary;
  const out: Mutable<Salary> = { min, max };
  if (bonusPct !== undefined) out.bonusPct = bonusPct;
  return out;
}

function accounts(v: unknown, walk: Walk): Accounts | undefined {
  if (!isObject(v)) return undefined;
  const same = fieldsInOrder(v, FIELDS.accounts, walk);
  const { tier, count } = v;
  if (!isTier(tier) || !isCount(count)) return undefined;
  return same ? (v as Accounts) : { tier, count };
}

function budget(v: unknown, walk: Walk): Budget | undefined {
  if (!isObject(v)) return undefined;
  const same = fieldsInOrder(v, FIELDS.budget, walk);
  const { id, kind, amount, parent } = v;
  if (!isId(id) || !isBudgetKind(kind) || !isAmount(amount) || !optional(parent, isId)) return undefined;
  if (same) return v as Budget;
  const out: Mutable<Budget> = { id, kind, amount };
  if (parent !== undefined) out.parent = parent;
  return out;
}

/** A union: zod takes the first option that fits, and that option drops every other key. */
function limit(v: unknown, walk: Walk): Limit | undefined {
  if (!isObject(v)) return undefined;
  const { percent, amount } = v;
  if (isPercent(percent)) return fieldsInOrder(v, FIELDS.percentLimit, walk) ? (v as Limit) : { percent };
  if (isAmount(amount)) return fieldsInOrder(v, FIELDS.amountLimit, walk) ? (v as Limit) : { amount };
  return undefined;
}

function decision(v: unknown, walk: Walk): DecisionRight | undefined {
  if (!isObject(v)) return undefined;
  const same = fieldsInOrder(v, FIELDS.decision, walk);
  const { area, authority, scope } = v;
  const bound = optionalField(v.limit, walk, limit);
  if (!isArea(area) || !optional(authority, isAuthority) || !optional(scope, isScope) || bound === null) return undefined;
  if (same && authority !== undefined && bound === v.limit) return v as DecisionRight;
  const out: Mutable<DecisionRight> = { area, authority: authority ?? DEFAULT.authority };
  if (scope !== undefined) out.scope = scope;
  if (bound !== undefined) out.limit = bound;
  return out;
}

function requirements(v: unknown, walk: Walk): Requirements | undefined {
  if (!isObject(v)) return undefined;
  const same = fieldsInOrder(v, FIELDS.requirements, walk);
  const { minYearsManagement, minYearsExperience } = v;
  const languages = optionalField(v.languages, walk, texts);
  if (!optional(minYearsManagement, isAmount) || !optional(minYearsExperience, isAmount) || languages === null) return undefined;
  if (same && languages === v.languages) return v as Requirements;
  const out: Mutable<Requirements> = {};
  if (minYearsManagement !== undefined) out.minYearsManagement = minYearsManagement;
  if (minYearsExperience !== undefined) out.minYearsExperience = minYearsExperience;
  if (languages !== undefined) out.languages = languages;
  return out;
}

function exception(v: unknown, walk: Walk): RoleException | undefined {
  if (!isObject(v)) return undefined;
  const same = fieldsInOrder(v, FIELDS.exception, walk);
  const { rule, reason } = v;
  if (!isId(rule) || !isNonEmptyText(reason, MAX_LENGTH.reason)) return undefined;
  return same ? (v as RoleException) : { rule, reason };
}


/**
 * A role is always built anew, in the one shape of `normalizeRole`. Its keys are read in
 * one pass: reading 21 fields by name from roles of many different shapes cost a quarter
 * of the walk; kept for the parse figure of docs/performance.md (parse + validate 39.1 ms
 * at 10,000 roles, target ≤ 60 ms). The cases are the fields of `RoleSchema`;
 * any other key is dropped. Fields are checked in schema order (the order of zod's
 * issues); a refusal is the first refused field's name ('' for a role that is no object).
 */
function readRole(v: unknown, walk: Walk): Role | string {
  if (!isObject(v)) return '';
  let id: unknown, title: unknown, level: unknown, archetype: unknown, revenueTarget: unknown;
  let family: unknown = DEFAULT.family, fn: unknown = DEFAULT.function, reportsTo: unknown = DEFAULT.reportsTo;
  let external: unknown = DEFAULT.external, assistant: unknown = DEFAULT.assistant;
  let headcount: unknown = DEFAULT.headcount, vacancies: unknown = DEFAULT.vacancies;
  // Fields that hold objects or arrays, validated below.
  let titlesIn: unknown, dottedLinesIn: unknown, holderIn: unknown, salaryIn: unknown, accountsIn: unknown;
  let budgetsIn: unknown, decisionsIn: unknown, requirementsIn: unknown, exceptionsIn: unknown;
  for (const key in v) {
    const x = v[key];
    switch (key) {
      case 'id': id = x; break;
      case 'title': title = x; break;
      case 'titles': titlesIn = x; break;
      case 'family': family = x; break;
      case 'function': fn = x; break;
      case 'level': level = x; break;
      case 'reportsTo': reportsTo = x; break;
      case 'dottedLines': dottedLinesIn = x; break;
      case 'external': external = x; break;
      case 'assistant': assistant = x; break;
      case 'archetype': archetype = x; break;
      case 'headcount': headcount = x; break;
      case 'vacancies': vacancies = x; break;
      case 'holder': holderIn = x; break;
      case 'salary': salaryIn = x; break;
      case 'revenueTarget': revenueTarget = x; break;
      case 'accounts': accountsIn = x; break;
      case 'budgets': budgetsIn = x; break;
      case 'decisions': decisionsIn = x; break;
      case 'requirements': requirementsIn = x; break;
      case 'exceptions': exceptionsIn = x; break;
      default: walk.dropped = true;
    }
  }
  if (!isId(id)) return 'id';
  if (!isNonEmptyText(title, MAX_LENGTH.title)) return 'title';
  const titles = titlesIn === undefined ? {} : recordOf(titlesIn, walk, LOCALE_TAG_PATTERN, asLocalTitle);
  if (titles === undefined) return 'titles';
  if (!isFamily(family)) return 'family';
  if (!isFunction(fn)) return 'function';
  if (!isLevel(level)) return 'level';
  if (!(reportsTo === null || isId(reportsTo))) return 'reportsTo';
  const dottedLines = listOf(dottedLinesIn, walk, dottedLine);
  if (dottedLines === undefined) return 'dottedLines';
  if (!isBoolean(external)) return 'external';
  if (!isBoolean(assistant)) return 'assistant';
  if (!optional(archetype, isArchetype)) return 'archetype';
  if (!(isCount(headcount) && headcount >= 1)) return 'headcount';
  if (!isCount(vacancies)) return 'vacancies';
  const holderOut = optionalField(holderIn, walk, holder);
  if (holderOut === null) return 'holder';
  const salaryOut = optionalField(salaryIn, walk, salary);
  if (salaryOut === null) return 'salary';
  if (!optional(revenueTarget, isAmount)) return 'revenueTarget';
  const accountList = listOf(accountsIn, walk, accounts);
  if (accountList === undefined) return 'accounts';
  const budgets = listOf(budgetsIn, walk, budget);
  if (budgets === undefined) return 'budgets';
  const decisions = listOf(decisionsIn, walk, decision);
  if (decisions === undefined) return 'decisions';
  const requirementsOut = optionalField(requirementsIn, walk, requirements);
  if (requirementsOut === null) return 'requirements';
  const exceptions = listOf(exceptionsIn, walk, exception);
  if (exceptions === undefined) return 'exceptions';
  return normalizeRole({
    id,
    title,
    titles,
    family,
    function: fn,
    level,
    reportsTo,
    dottedLines,
    external,
    assistant,
    archetype,
    headcount,
    vacancies,
    holder: holderOut,
    salary: salaryOut,
    revenueTarget,
    accounts: accountList,
    budgets,
    decisions,
    requirements: requirementsOut,
    exceptions,
  });
}

function role(v: unknown, walk: Walk): Role | undefined {
  const out = readRole(v, walk);
  return typeof out === 'string' ? undefined : out;
}

/**
 * One role as `RoleSchema` builds it, for a command that adds a role without loading
 * zod: `{ ok: false, field }` names the first top-level field it refused. `input` is
 * read as JSON.parse output, so a field set to `undefined` must be left out (zod reads
 * it as absent; here it is a value). Like `parseFast`, it refuses text over its bound in
 * UTF-16 units that zod would accept by counting code points.
 */
export function checkRole(input: unknown): { readonly ok: true; readonly role: Role } | { readonly ok: false; readonly field: string } {
  const out = readRole(input, { dropped: false });
  return typeof out === 'string' ? { ok: false, field: out } : { ok: true, role: out };
}

function ruleSetting(v: unknown, walk: Walk): RuleSetting | undefined {
  if (!isObject(v)) return undefined;
  const same = fieldsInOrder(v, FIELDS.ruleSetting, walk);
  const { enabled, severity } = v;
  const params = optionalField(v.params, walk, ruleParams);
  if (!optional(enabled, isBoolean) || !optional(severity, isSeverity) || params === null) return undefined;
  if (same && params === v.params) return v as RuleSetting;
  const out: Mutable<RuleSetting> = {};
  if (enabled !== undefined) out.enabled = enabled;
  if (severity !== undefined) out.severity = severity;
  if (params !== undefined) out.params = params;
  return out;
}

type Settings = OrgDocument['settings'];
function settings(v: unknown, walk: Walk): Settings | undefined {
  if (v === undefined) return { rules: {} };
  if (!isObject(v)) return undefined;
  const same = fieldsInOrder(v, FIELDS.settings, walk);
  const rules = v.rules === undefined ? {} : recordOf(v.rules, walk, null, ruleSetting);
  // Beyond the bounds of bounds.ts, zod refuses and names the path.
  if (rules === undefined || paramsBoundIssue(rules) !== undefined) return undefined;
  return same && rules === v.rules ? (v as Settings) : { rules };
}

function position(v: unknown, walk: Walk): Position | undefined {
  if (!isObject(v)) return undefined;
  const same = fieldsInOrder(v, FIELDS.position, walk);
  const { x, y } = v;
  if (!isNumber(x) || !isNumber(y)) return undefined;
  return same ? (v as Position) : { x, y };
}

type View = OrgDocument['view'];
function view(v: unknown, walk: Walk): View | undefined {
  if (v === undefined) return { positions: {}, collapsed: [], direction: DEFAULT.direction };
  if (!isObject(v)) return undefined;
  const same = fieldsInOrder(v, FIELDS.view, walk);
  const { direction = DEFAULT.direction } = v;
  const positions = v.positions === undefined ? {} : recordOf(v.positions, walk, ID_PATTERN, position);
  const collapsed = listOf(v.collapsed, walk, asId);
  if (!isDirection(direction) || positions === undefined || collapsed === undefined) return undefined;
  if (same && positions === v.positions && collapsed === v.collapsed && direction === v.direction) return v as View;
  return { positions, collapsed, direction };
}

/**
 * The document `DocumentSchema.parse(input)` gives, with roles normalized, or undefined
 * when this validator does not accept `input` (a `JSON.parse` result).
 */
export function parseFast(input: unknown): FastParse | undefined {
  if (!isObject(input)) return undefined;
  const walk: Walk = { dropped: false };
  fieldsInOrder(input, FIELDS.document, walk); // for the dropped fields only
  const { format, version, name, description, currency, period } = input;
  if (
    format !== FORMAT_NAME ||
    version !== CURRENT_VERSION ||
    !isNonEmptyText(name, MAX_LENGTH.name) ||
    !optional(description, isDescription) ||
    typeof currency !== 'string' ||
    !CURRENCY_PATTERN.test(currency) ||
    !optional(period, isPeriod) ||
    !Array.isArray(input.roles) ||
    input.roles.length > MAX_ROLES
  ) {
    return undefined;
  }
  const roles = arrayOf(input.roles, walk, role);
  const settingsOut = settings(input.settings, walk);
  const viewOut = view(input.view, walk);
  if (roles === undefined || settingsOut === undefined || viewOut === undefined) return undefined;
  const doc: OrgDocument = {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    name,
    ...(description !== undefined && { description }),
    currency,
    ...(period !== undefined && { period }),
    roles,
    settings: settingsOut,
    view: viewOut,
  };
  return { doc, dropped: walk.dropped };
}
