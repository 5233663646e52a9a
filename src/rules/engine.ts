/**
 * The rule engine: runs every enabled rule of the catalogue (all.ts) over a document and
 * applies the document's rule settings and the roles' accepted exceptions.
 *
 * Order of findings: catalogue order (RULE_IDS), then the order each rule produces them
 * (document order of the main subject, as a rule), then one SETTINGS info finding per
 * unknown rule id in `settings.rules`, in the settings' key order.
 *
 * Each finding carries its message id and data, and its message in English (rules.md's
 * finding shape); texts.ts words it in another language without checking again.
 */
import { buildTreeIndex, type TreeIndex } from '../model/tree.ts';
import { SEVERITIES } from '../schema/constants.ts';
import type { OrgDocument, Severity } from '../schema/v1.ts';
import type { Finding } from './types.ts';
import { RuleContext, type ParamValues } from './context.ts';
import { isRuleId, RULES, SETTINGS_RULE_ID, type RuleId, type RuleParams } from './all.ts';
import type { AnyRule, Report } from './define.ts';
import { formatMessage, type MessageData } from './message.ts';
import { mergeParams } from './param.ts';
import { englishEnv, ENGINE_RULE, ENGINE_MESSAGES, type EngineMessage } from './texts.ts';

export { isRuleId, DEFAULT_PARAMS, RULE_IDS, SETTINGS_RULE_ID, type RuleId, type RuleParams } from './all.ts';

interface Setting {
  readonly enabled?: boolean;
  readonly severity?: Severity;
  readonly params?: unknown;
}

interface Settings {
  readonly known: ReadonlyMap<RuleId, Setting>;
  readonly unknown: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSeverity = (v: unknown): v is Severity => typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);

/** The document's rule settings, read defensively: a malformed entry counts as no setting. */
function readSettings(doc: OrgDocument): Settings {
  const known = new Map<RuleId, Setting>();
  const unknown: string[] = [];
  const rules: unknown = isRecord(doc.settings) ? doc.settings.rules : undefined;
  if (!isRecord(rules)) return { known, unknown };
  for (const id of Object.keys(rules)) {
    if (!isRuleId(id)) {
      unknown.push(id);
      continue;
    }
    const raw = rules[id];
    if (!isRecord(raw)) continue;
    known.set(id, {
      enabled: typeof raw.enabled === 'boolean' ? raw.enabled : undefined,
      severity: isSeverity(raw.severity) ? raw.severity : undefined,
      params: Object.hasOwn(raw, 'params') ? raw.params : undefined,
    });
  }
  return { known, unknown };
}

function paramsOf(settings: Settings): ParamValues {
  const out: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const rule of RULES as readonly AnyRule[]) {
    if (!rule.params) continue;
    out[rule.id] = mergeParams(rule.params, rule.defaults, settings.known.get(rule.id as RuleId)?.params);
  }
  return out;
}

/** One rule's parameters: `over` (a document's `settings.rules[id].params`) merged over its defaults. Never throws. */
export function mergeRuleParams<K extends keyof RuleParams>(id: K, over: unknown): RuleParams[K] {
  const rule = (RULES as readonly AnyRule[]).find((r) => r.id === id)!;
  return mergeParams(rule.params ?? {}, rule.defaults, over) as RuleParams[K];
}

/** The parameters in force for a document: its `settings.rules[ID].params` merged over the defaults. */
export function effectiveParams(doc: OrgDocument): RuleParams {
  return paramsOf(readSettings(doc)) as unknown as RuleParams;
}

/** Checks a document against every enabled rule; never throws on a document that loads. */
export function checkDocument(doc: OrgDocument, index?: TreeIndex): Finding[] {
  const tree = index && index.doc === doc ? index : buildTreeIndex(doc);
  const settings = readSettings(doc);
  const values = paramsOf(settings);
  const ctx = new RuleContext(doc, tree, values);
  const env = englishEnv(doc, tree);
  const findings: Finding[] = [];
  const found: Finding[] = [];
  for (const rule of RULES as readonly AnyRule[]) {
    const setting = settings.known.get(rule.id as RuleId);
    if (setting?.enabled === false) continue;
    found.length = 0;
    const report: Report<string> = (key, severity, roles, data) => {
      found.push({ rule: rule.id, severity, roles, message: formatMessage(rule.id, key, data, env), messageId: `${rule.id}/${key}`, data });
    };
    try {
      ctx.as(rule, () => rule.check(ctx, report, values[rule.id] ?? rule.defaults));
    } catch (cause) {
      // A rule bug must not take the whole check down; say so instead of hiding it.
      found.push(engineFinding(rule.id, 'warning', 'internalError', { cause: cause instanceof Error ? cause.message : String(cause) }, env));
    }
    for (const f of found) findings.push(adjust(doc, tree, f, setting?.severity));
  }
  for (const id of settings.unknown) findings.push(engineFinding(SETTINGS_RULE_ID, 'info', 'unknownRule', { id }, env));
  return findings;
}

function engineFinding(rule: string, severity: Severity, key: EngineMessage, data: MessageData, env: ReturnType<typeof englishEnv>): Finding {
  return { rule, severity, roles: [], message: formatMessage(ENGINE_RULE, key, data, env), messageId: `${ENGINE_RULE}/${key}`, data };
}

/** Applies a severity override, then the main subject's accepted exception (which makes it info). */
function adjust(doc: OrgDocument, tree: TreeIndex, f: Finding, severity: Severity | undefined): Finding {
  let out = severity && severity !== f.severity ? { ...f, severity } : f;
  const main = f.roles[0];
  if (main === undefined) return out;
  const r = tree.roleIndex(main);
  const exceptions = r === undefined ? undefined : doc.roles[r]?.exceptions;
  if (!exceptions || exceptions.length === 0) return out;
  for (const e of exceptions) {
    if (e.rule !== f.rule) continue;
    out = { ...out, severity: 'info', message: `${f.message} ${ENGINE_MESSAGES.accepted.replace('{reason}', () => e.reason)}`, accepted: e.reason };
    break;
  }
  return out;
}
