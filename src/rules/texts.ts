/**
 * The rules' words in a language: titles, explanations and finding messages. English is
 * written in the rule modules; Chinese in each family's zh-CN.ts, gathered by
 * locales/zh-CN.ts and loaded on demand (the app loads it with its Chinese strings).
 * Quotes from the source documents stay in English; a language may render them beside.
 */
import type { TreeIndex } from '../model/tree.ts';
import { localTitle } from '../model/labels.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { RULES } from './all.ts';
import type { AnyRule, RuleFamily } from './define.ts';
import { EN_WORDS, fill, formatMessage, type LanguageWords, type MessageEnv, type RuleLanguage } from './message.ts';
import { QUOTES } from './sources.ts';
import type { Finding } from './types.ts';

/** The id under which the engine's own messages are kept ("ENGINE/unknownRule"). */
export const ENGINE_RULE = 'ENGINE';

/** The engine's own messages, in English. */
export const ENGINE_MESSAGES = {
  internalError: 'This rule could not finish checking the document (internal error: {cause}).',
  unknownRule: 'The rule settings mention "{id}", which is not a rule this version knows. The setting is kept in the file but has no effect; check the rule id.',
  accepted: 'Accepted exception: {reason}',
} as const;
export type EngineMessage = keyof typeof ENGINE_MESSAGES;

/** The catalogue entry of the engine's settings findings (SETTINGS), which is not a rule. */
export const SETTINGS_TEXT = {
  title: 'Rule settings',
  why: 'A rule setting names a rule this version does not know; it is kept in the file but has no effect.',
  source: 'format.md: unknown rule ids in settings are kept and reported as an info finding',
} as const;

/** A rule's own words in a language. */
export interface RuleWords {
  readonly title: string;
  readonly why: string;
  readonly practice?: string;
}

/** Everything a language says about the rules. */
export interface RuleTexts {
  readonly language: RuleLanguage;
  readonly words: LanguageWords;
  /** Message templates by id ("SPAN-002/over", "ENGINE/accepted"). */
  readonly templates: ReadonlyMap<string, string>;
  /** Title, explanation and practice by rule id (SETTINGS included). */
  readonly rules: ReadonlyMap<string, RuleWords>;
  /** A rendering of each source quote in this language, by the quote's English text (none in English). */
  readonly quotes: ReadonlyMap<string, string>;
  /** The name of each rule family. */
  readonly families: Readonly<Record<RuleFamily | 'settings', string>>;
}

/** The shape of a language file (locales/zh-CN.ts). */
export interface RuleLocale {
  readonly words: LanguageWords;
  readonly rules: Readonly<Record<string, RuleWords & { readonly messages: Readonly<Record<string, string>> }>>;
  readonly engine: Readonly<Record<EngineMessage, string>>;
  readonly settings: RuleWords;
  readonly quotes: Readonly<Record<keyof typeof QUOTES, string>>;
  readonly families: Readonly<Record<RuleFamily | 'settings', string>>;
}

function englishTexts(rules: readonly AnyRule[]): RuleTexts {
  const templates = new Map<string, string>();
  const words = new Map<string, RuleWords>();
  for (const rule of rules) {
    for (const [key, template] of Object.entries<string>(rule.messages)) templates.set(`${rule.id}/${key}`, template);
    words.set(rule.id, { title: rule.title, why: rule.why, ...(rule.practice ? { practice: rule.practice } : {}) });
  }
  for (const [key, template] of Object.entries(ENGINE_MESSAGES)) templates.set(`${ENGINE_RULE}/${key}`, template);
  words.set('SETTINGS', { title: SETTINGS_TEXT.title, why: SETTINGS_TEXT.why, practice: SETTINGS_TEXT.source });
  return {
    language: 'en',
    words: EN_WORDS,
    templates,
    rules: words,
    quotes: new Map(),
    families: { structure: 'Structure', span: 'Span of control', decision: 'Decision rights', budget: 'Budget ownership', qualification: 'Holder qualifications', settings: 'Settings' },
  };
}

/** The English texts, from the rule modules. */
export const EN_TEXTS: RuleTexts = englishTexts(RULES);

/** A language's texts from its language file. */
export function textsFromLocale(language: RuleLanguage, locale: RuleLocale): RuleTexts {
  const templates = new Map<string, string>();
  const words = new Map<string, RuleWords>();
  for (const [id, rule] of Object.entries(locale.rules)) {
    for (const [key, template] of Object.entries(rule.messages)) templates.set(`${id}/${key}`, template);
    words.set(id, { title: rule.title, why: rule.why, ...(rule.practice ? { practice: rule.practice } : {}) });
  }
  for (const [key, template] of Object.entries(locale.engine)) templates.set(`${ENGINE_RULE}/${key}`, template);
  words.set('SETTINGS', locale.settings);
  const quotes = new Map<string, string>();
  for (const key of Object.keys(QUOTES) as (keyof typeof QUOTES)[]) quotes.set(QUOTES[key].text, locale.quotes[key]);
  return { language, words: locale.words, templates, rules: words, quotes, families: locale.families };
}

const loaded = new Map<RuleLanguage, RuleTexts>([['en', EN_TEXTS]]);

/** The texts of a language, loading them on first use (Chinese is a chunk of its own). */
export async function loadRuleTexts(language: RuleLanguage): Promise<RuleTexts> {
  const known = loaded.get(language);
  if (known) return known;
  const { ZH_CN } = await import('./locales/zh-CN.ts');
  const texts = textsFromLocale('zh-CN', ZH_CN);
  loaded.set(language, texts);
  return texts;
}

/** The texts of a language if loaded, else English. */
export function ruleTexts(language: RuleLanguage): RuleTexts {
  return loaded.get(language) ?? EN_TEXTS;
}

/** The environment to word messages for a document in a language. */
export function messageEnv(texts: RuleTexts, doc: OrgDocument, roleIndex: (id: string) => number | undefined): MessageEnv {
  return {
    language: texts.language,
    words: texts.words,
    template: (id) => texts.templates.get(id) ?? EN_TEXTS.templates.get(id),
    title: (id) => {
      const r = roleIndex(id);
      const role = r === undefined ? undefined : doc.roles[r];
      return role ? localTitle(role, texts.language) : id;
    },
    currency: doc.currency,
  };
}

/** messageEnv for a document without a tree index at hand (a role id's first place, in O(roles)). */
export function documentEnv(texts: RuleTexts, doc: OrgDocument): MessageEnv {
  const at = new Map<string, number>();
  doc.roles.forEach((role, i) => at.has(role.id) || at.set(role.id, i));
  return messageEnv(texts, doc, (id) => at.get(id));
}

/** The English environment of a check (the engine words every finding in English as it finds it). */
export function englishEnv(doc: OrgDocument, tree: TreeIndex): MessageEnv {
  return messageEnv(EN_TEXTS, doc, (id) => tree.roleIndex(id));
}

/**
 * A finding's message in a language: worded again from its message id and data, with the
 * accepted exception's reason after it. A finding without a message id keeps its message.
 */
export function findingMessage(f: Finding, env: MessageEnv): string {
  if (env.language === 'en' || f.messageId === undefined || f.data === undefined) return f.message;
  const slash = f.messageId.indexOf('/');
  const text = formatMessage(f.messageId.slice(0, slash), f.messageId.slice(slash + 1), f.data, env);
  if (f.accepted === undefined) return text;
  const accepted = env.template(`${ENGINE_RULE}/accepted`) ?? ENGINE_MESSAGES.accepted;
  return `${text}${env.language === 'zh-CN' ? '' : ' '}${fill(accepted, { reason: f.accepted }, env, ENGINE_RULE)}`;
}
