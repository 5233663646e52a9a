/**
 * The run-time constants of format version 1 (docs: spec/format.md), without zod: what
 * the app's entry needs (the fast validator, commands, rules, the New document) reads
 * them here, so its bundle never holds zod. The zod schemas in v1.ts are built from
 * these; tests/unit/schema-constants.test.ts holds the field lists and defaults to them.
 */
import type { Role } from './v1.ts';

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

/**
 * Whether text has at most `max` characters, counted as zod's `max` counts them (code
 * points: an emoji is one). The UTF-16 length decides at once in the common case, as it is
 * never below the number of code points; only longer text is counted again.
 */
export function withinLength(text: string, max: number): boolean {
  if (text.length <= max) return true;
  let n = 0;
  for (let i = 0; i < text.length && n <= max; i++) {
    n++;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n <= max;
}

export const MIN_LEVEL = 1;
export const MAX_LEVEL = 8;
export const MAX_PERCENT = 100;

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

/** The field names of each object schema of v1.ts, in schema order (the order zod builds and export writes). */
export const FIELDS = {
  document: ['format', 'version', 'name', 'description', 'currency', 'period', 'roles', 'settings', 'view'],
  dottedLine: ['to', 'kind', 'note'],
  holder: ['name', 'yearsExperience', 'yearsManagement', 'languages'],
  salary: ['min', 'max', 'bonusPct'],
  accounts: ['tier', 'count'],
  budget: ['id', 'kind', 'amount', 'parent'],
  percentLimit: ['percent'],
  amountLimit: ['amount'],
  decision: ['area', 'authority', 'scope', 'limit'],
  requirements: ['minYearsManagement', 'minYearsExperience', 'languages'],
  exception: ['rule', 'reason'],
  settings: ['rules'],
  ruleSetting: ['enabled', 'severity', 'params'],
  view: ['positions', 'collapsed', 'direction'],
  position: ['x', 'y'],
} as const satisfies Record<string, readonly string[]>;

/** The scalar defaults of format.md. */
export const DEFAULTS = {
  family: 'other',
  function: 'account-management',
  reportsTo: null,
  external: false,
  assistant: false,
  headcount: 1,
  vacancies: 0,
  authority: 'decide',
  direction: 'TB',
} as const;

/**
 * A role as one fixed shape: every field present, in the order of the spec, optional
 * ones `undefined` when absent. Every role in memory has this shape (parse, commands,
 * generator), so the rules' and the layout's loops over 10,000 roles read fields of one
 * shape. Kept for the full rule check of docs/performance.md (5.3 ms at 10,000 roles,
 * target ≤ 10 ms): with a mix of shapes the check took ~23 ms against ~17 when this came.
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
    family: DEFAULTS.family,
    function: DEFAULTS.function,
    reportsTo: DEFAULTS.reportsTo,
    dottedLines: [],
    external: DEFAULTS.external,
    assistant: DEFAULTS.assistant,
    headcount: DEFAULTS.headcount,
    vacancies: DEFAULTS.vacancies,
    accounts: [],
    budgets: [],
    decisions: [],
    exceptions: [],
    ...fields,
  });
}
