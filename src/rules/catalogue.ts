/**
 * The rule catalogue for the UI and the CLI, derived from the rule modules (all.ts) and
 * worded in a language (texts.ts): each rule's id, family, title, why it exists and where
 * it comes from (the source sentences, verbatim, and the named practice).
 */
import type { Severity } from '../schema/v1.ts';
import type { RuleFamily } from './types.ts';
import { RULES, SETTINGS_RULE_ID, type RuleId } from './all.ts';
import type { AnyRule } from './define.ts';
import type { Quote, SourceDocument } from './sources.ts';
import { EN_TEXTS, SETTINGS_TEXT, type RuleTexts } from './texts.ts';

export interface RuleInfo {
  readonly id: string;
  readonly family: RuleFamily;
  readonly title: string;
  /** Why the rule exists, in one or two plain sentences. */
  readonly why: string;
  /** The quoted source sentence(s), joined by " … ", where there is one; else the named practice. */
  readonly source: string;
  /** The document of the (first) quote, when the source is a quote. */
  readonly sourceDocument?: SourceDocument;
  /** Every quote behind the rule, verbatim (English), with a rendering in the texts' language beside when it has one. */
  readonly quotes: readonly (Quote & { readonly rendering?: string })[];
  /** The named org-design practice behind the rule, when the table names one. */
  readonly practice?: string;
  /** The severities the rule can give (before a document's override). */
  readonly severities: readonly Severity[];
}

function infoOf(rule: AnyRule, texts: RuleTexts): RuleInfo {
  const words = texts.rules.get(rule.id) ?? EN_TEXTS.rules.get(rule.id)!;
  const quotes = (rule.quotes ?? []).map((q) => {
    const rendering = texts.quotes.get(q.text);
    return rendering === undefined ? q : { ...q, rendering };
  });
  const first = quotes[0];
  return Object.freeze({
    id: rule.id,
    family: rule.family,
    title: words.title,
    why: words.why,
    source: first ? quotes.map((q) => q.text).join(' … ') : (words.practice ?? ''),
    ...(first ? { sourceDocument: first.document } : {}),
    quotes,
    ...(words.practice ? { practice: words.practice } : {}),
    severities: rule.severities,
  });
}

const catalogues = new WeakMap<RuleTexts, readonly RuleInfo[]>();

/** Every rule in catalogue order, worded in the texts' language (English by default). */
export function catalogue(texts: RuleTexts = EN_TEXTS): readonly RuleInfo[] {
  let list = catalogues.get(texts);
  if (!list) catalogues.set(texts, (list = Object.freeze(RULES.map((r) => infoOf(r, texts)))));
  return list;
}

/** Every rule of rules.md in catalogue order, in English. */
export const RULES_INFO: readonly RuleInfo[] = catalogue();

/** The catalogue entry of a rule id, or undefined (SETTINGS is not a rule: see settingsInfo). */
export function ruleInfo(id: string, texts: RuleTexts = EN_TEXTS): RuleInfo | undefined {
  return catalogue(texts).find((r) => r.id === id);
}

/** The engine's own entry for findings about settings (an unknown rule id); not a rule of rules.md. */
export function settingsInfo(texts: RuleTexts = EN_TEXTS): RuleInfo {
  const words = texts.rules.get(SETTINGS_RULE_ID) ?? { title: SETTINGS_TEXT.title, why: SETTINGS_TEXT.why, practice: SETTINGS_TEXT.source };
  return { id: SETTINGS_RULE_ID, family: 'settings', title: words.title, why: words.why, source: words.practice ?? '', quotes: [], severities: ['info'] };
}

export const SETTINGS_RULE: RuleInfo = settingsInfo();

export type { RuleId };
