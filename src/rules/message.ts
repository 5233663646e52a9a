/**
 * Finding messages: a template by message id, with placeholders filled from the finding's
 * data in a language. A finding keeps its message id and data (types.ts), so the same
 * finding is worded in English or Chinese without checking again.
 *
 * Templates write `{name}` for a value, and `{name|one|other}` for a number with a
 * counted word in English ("{span|# direct report|# direct reports}"; `#` is the number).
 * Numbers and money are formatted for the language by Intl; role titles come from
 * `titles["zh-CN"]` in Chinese when the document has them.
 */
import type { AccountTier, Archetype, Authority, BudgetKind, DecisionArea, Family, Limit, RoleFunction } from '../schema/v1.ts';
import { FAMILY_NAMES } from '../model/labels.ts';

export type RuleLanguage = 'en' | 'zh-CN';
export const RULE_LANGUAGES: readonly RuleLanguage[] = ['en', 'zh-CN'];

/** The words of the model's enums as a sentence uses them. */
export interface Terms {
  readonly area: Readonly<Record<DecisionArea, string>>;
  readonly archetype: Readonly<Record<Archetype, string>>;
  readonly family: Readonly<Record<Family, string>>;
  readonly tier: Readonly<Record<AccountTier, string>>;
  readonly budgetKind: Readonly<Record<BudgetKind, string>>;
  readonly function: Readonly<Record<RoleFunction, string>>;
  readonly authority: Readonly<Record<Authority, string>>;
}
export type TermKind = keyof Terms;

/** One value of a finding's data. */
export type Arg =
  | string
  | number
  /** A role's title, by role id. */
  | { readonly role: string }
  /** Role titles as a list ("A, B and 3 more"). */
  | { readonly roles: readonly string[]; readonly max?: number }
  /** An amount in the document's currency. */
  | { readonly money: number }
  /** A ratio as a percentage (1.2 → 120%). */
  | { readonly percent: number }
  /** A word of the model: `{ term: 'archetype', value: 'coach' }`. */
  | { readonly term: TermKind; readonly value: string }
  /** A list of values ("A, B and C"). */
  | { readonly list: readonly Arg[]; readonly max?: number }
  /** Another message of the same rule, with its own data (a part of a longer message). */
  | { readonly message: string; readonly data: MessageData }
  /** A decision limit: "up to 20%", "up to 500,000 CNY" or "no limit". */
  | { readonly limit: Limit | null };

export type MessageData = Readonly<Record<string, Arg>>;

/** The words a language needs besides the rules' own messages. */
export interface LanguageWords {
  readonly terms: Terms;
  /** "{list} and {count} more" when a list is cut, its items joined by `separator`. */
  readonly more: string;
  readonly separator: string;
  readonly noLimit: string;
  readonly upToPercent: string;
  readonly upToAmount: string;
}

/** What formatting needs from the document: titles by role id and the currency. */
export interface MessageEnv {
  readonly language: RuleLanguage;
  readonly words: LanguageWords;
  /** The template of a message id ("SPAN-002/over") in the language. */
  readonly template: (id: string) => string | undefined;
  /** A role's title in the language, by id (its id when no role has it). */
  readonly title: (id: string) => string;
  readonly currency: string;
}

const PLACEHOLDER = /\{([A-Za-z0-9_$]+)(?:\|([^|}]*)\|([^}]*))?\}/g;

/** Fills a template: `{name}` and `{name|one|other}`. A placeholder without data is left as written. */
export function fill(template: string, data: MessageData, env: MessageEnv, rule: string): string {
  return template.replace(PLACEHOLDER, (whole: string, name: string, one: string | undefined, other: string | undefined) => {
    if (!Object.hasOwn(data, name)) return whole;
    const value = data[name]!;
    if (one !== undefined && other !== undefined && typeof value === 'number') {
      const form = plurals(env.language).select(value) === 'one' ? one : other;
      return form.replace('#', number(value, env.language));
    }
    return arg(value, env, rule);
  });
}

/** One message of a rule (`rule` is the rule id, `key` the message's id within it), in the env's language. */
export function formatMessage(rule: string, key: string, data: MessageData, env: MessageEnv): string {
  const template = env.template(`${rule}/${key}`);
  return template === undefined ? `${rule}/${key}` : fill(template, data, env, rule);
}

function arg(value: Arg, env: MessageEnv, rule: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return number(value, env.language);
  if ('role' in value) return env.title(value.role);
  if ('roles' in value) return list(value.roles.map(env.title), env, value.max);
  if ('money' in value) return money(value.money, env);
  if ('percent' in value) return `${number(value.percent * 100, env.language)}%`;
  if ('term' in value) {
    const words: Readonly<Record<string, string>> = env.words.terms[value.term];
    return Object.hasOwn(words, value.value) ? words[value.value]! : value.value;
  }
  if ('list' in value) return list(value.list.map((v) => arg(v, env, rule)), env, value.max);
  if ('message' in value) return formatMessage(rule, value.message, value.data, env);
  const limit = value.limit;
  if (!limit) return env.words.noLimit;
  return 'percent' in limit ? fill(env.words.upToPercent, { value: limit.percent }, env, rule) : fill(env.words.upToAmount, { value: { money: limit.amount } }, env, rule);
}

// Making an Intl formatter costs a fraction of a millisecond; formatting with one, microseconds.
const numberFormats = new Map<RuleLanguage, Intl.NumberFormat>();
const pluralRules = new Map<RuleLanguage, Intl.PluralRules>();
const listFormats = new Map<RuleLanguage, Intl.ListFormat>();
const moneyFormats = new Map<string, Intl.NumberFormat | null>();

function plurals(language: RuleLanguage): Intl.PluralRules {
  let p = pluralRules.get(language);
  if (!p) pluralRules.set(language, (p = new Intl.PluralRules(language)));
  return p;
}

/** A number with grouping and at most 2 decimals; small integers (the common case) without Intl. */
export function number(x: number, language: RuleLanguage): string {
  if (Number.isInteger(x) && x > -1000 && x < 1000) return String(x);
  if (!Number.isFinite(x)) return String(x);
  let f = numberFormats.get(language);
  if (!f) numberFormats.set(language, (f = new Intl.NumberFormat(language, { maximumFractionDigits: 2 })));
  return f.format(x);
}

/** An amount with the currency's code ("CNY 500,000"); a currency Intl does not know is written after the number. */
function money(x: number, env: MessageEnv): string {
  const key = `${env.language} ${env.currency}`;
  let f = moneyFormats.get(key);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat(env.language, { style: 'currency', currency: env.currency, currencyDisplay: 'code', maximumFractionDigits: 2, minimumFractionDigits: 0 });
    } catch {
      f = null;
    }
    moneyFormats.set(key, f);
  }
  return f ? f.format(x) : `${number(x, env.language)} ${env.currency}`;
}

/** "A, B and C" in the language, cut after `max` items with "and N more". */
function list(items: readonly string[], env: MessageEnv, max = 5): string {
  if (items.length > max) return fill(env.words.more, { list: items.slice(0, max).join(env.words.separator), count: items.length - max }, env, '');
  let f = listFormats.get(env.language);
  if (!f) listFormats.set(env.language, (f = new Intl.ListFormat(env.language, { style: 'long', type: 'conjunction' })));
  return f.format(items);
}

/** The English words (the Chinese ones load with the Chinese texts: locales/zh-CN.ts). */
export const EN_WORDS: LanguageWords = {
  terms: {
    area: {
      'account-strategy': 'account strategy',
      'target-setting': 'target setting',
      'budget-allocation': 'budget allocation',
      'headcount-hiring': 'headcount and hiring',
      'performance-review': 'performance reviews',
      'account-assignment': 'account assignment',
      'pricing-discount': 'pricing and discounts',
      'contract-negotiation': 'contract negotiation',
      'client-escalation': 'client escalations',
      'account-plan': 'account plans',
      'spend-approval': 'spend approval',
      'cross-functional-priority': 'cross-functional priorities',
      'day-to-day-service': 'day-to-day service',
    },
    archetype: { 'player-coach': 'player-coach', coach: 'coach', supervisor: 'supervisor', facilitator: 'facilitator', coordinator: 'coordinator' },
    family: FAMILY_NAMES.en,
    tier: { strategic: 'strategic', enterprise: 'enterprise', 'mid-market': 'mid-market', smb: 'SMB' },
    budgetKind: { personnel: 'personnel', operating: 'operating', 'client-programs': 'client programs', training: 'training', tools: 'tools' },
    function: {
      'account-management': 'account management',
      sales: 'sales',
      product: 'product',
      marketing: 'marketing',
      operations: 'operations',
      finance: 'finance',
      hr: 'HR',
      legal: 'legal',
      executive: 'executive',
    },
    authority: { decide: 'decide', agree: 'agree', recommend: 'recommend', input: 'input', perform: 'perform' },
  },
  more: '{list} and {count} more',
  separator: ', ',
  noLimit: 'no limit',
  upToPercent: 'up to {value}%',
  upToAmount: 'up to {value}',
};
