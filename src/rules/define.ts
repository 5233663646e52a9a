/**
 * `defineRule`: a rule in one module, as ESLint defines one: what it is (id, family,
 * title, why it exists and the source sentences behind it, the severities it gives), its
 * parameters (shape and default together), its messages by id, and its check. The
 * catalogue, the id list, the parameter types and defaults, and the rule settings of the
 * UI are derived from the list of rules (all.ts). Chinese texts live beside the English
 * ones in `<family>/zh-CN.ts`, keyed by the same ids (a test fails on a missing one).
 */
import type { Severity } from '../schema/v1.ts';
import type { RuleContext } from './context.ts';
import type { MessageData } from './message.ts';
import type { ParamHandle, ParamSpec } from './param.ts';
import type { Quote } from './sources.ts';

export type RuleFamily = 'structure' | 'span' | 'decision' | 'budget' | 'qualification';

/**
 * How a check reports a finding: one of the rule's message ids, the severity, the roles
 * the finding is about (main subject first) and the data its message's placeholders need.
 */
export type Report<M extends string> = (message: M, severity: Severity, roles: readonly string[], data: MessageData) => void;

type Params = Readonly<Record<string, unknown>>;

export interface RuleSpec<Id extends string, P extends Params, M extends string> {
  readonly id: Id;
  readonly family: RuleFamily;
  /** A short title ("Span within the archetype's range"). */
  readonly title: string;
  /** Why the rule exists, in one or two plain sentences for an account-management leader. */
  readonly why: string;
  /** The sentences of the source documents the rule is grounded in, verbatim (sources.ts). */
  readonly quotes?: readonly Quote[];
  /** The named org-design practice behind the rule, when there is one. */
  readonly practice?: string;
  /** The severities the rule can give (before a document's override). */
  readonly severities: readonly Severity[];
  /** The rule's parameters: shape and default of each (param.ts). */
  readonly params?: { readonly [K in keyof P]: ParamSpec<P[K]> };
  /**
   * Parameters of other rules this rule reads (`OTHER.param.key`), through `ctx.param`:
   * SPAN-003 reads SPAN-001's minSpan. Reading one not listed here is an error.
   */
  readonly reads?: readonly ParamHandle<unknown>[];
  /** English templates by message id (message.ts: `{name}`, `{n|# thing|# things}`). */
  readonly messages: Readonly<Record<M, string>>;
  /** Reports the rule's findings on a document, in document order of the main subject. Pure and total. */
  readonly check: (ctx: RuleContext, report: Report<M>, params: P) => void;
}

export interface Rule<Id extends string = string, P extends Params = Params, M extends string = string> extends RuleSpec<Id, P, M> {
  /** The default value of each parameter. */
  readonly defaults: P;
  /** A handle per parameter, by which another rule or the rule context reads it. */
  readonly param: { readonly [K in keyof P]: ParamHandle<P[K]> };
}

/** Any rule, whatever its parameters and messages. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the check's parameter types vary by rule; the engine only passes each rule its own.
export type AnyRule = Rule<string, any, string>;

/** Defines a rule (see docs/rules.md, "Adding a rule"). */
export function defineRule<const Id extends string, M extends string, P extends Params = Record<never, never>>(spec: RuleSpec<Id, P, M>): Rule<Id, P, M> {
  const defaults: Record<string, unknown> = {};
  const handles: Record<string, ParamHandle<unknown>> = {};
  const specs: Readonly<Record<string, ParamSpec<unknown>>> = spec.params ?? {};
  for (const key of Object.keys(specs)) {
    defaults[key] = specs[key]!.value;
    handles[key] = Object.freeze({ rule: spec.id, key, value: specs[key]!.value });
  }
  return Object.freeze({ ...spec, defaults: Object.freeze(defaults) as P, param: Object.freeze(handles) as Rule<Id, P, M>['param'] });
}

/** A rule's texts in another language: the same message ids, the same placeholders (a test compares them). */
export interface RuleTranslation<R extends AnyRule> {
  readonly title: string;
  readonly why: string;
  /** The named practice, translated, when the rule has one. */
  readonly practice?: string;
  readonly messages: { readonly [K in keyof R['messages']]: string };
}

/** A family's texts in another language: one RuleTranslation per rule of its list, keyed by rule id. */
export type FamilyTranslation<L extends readonly AnyRule[]> = { readonly [R in L[number] as R['id']]: RuleTranslation<R> };
