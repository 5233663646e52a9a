/**
 * The rule engine: runs every enabled rule of the catalogue over a document and applies
 * the document's rule settings and the roles' accepted exceptions.
 *
 * Order of findings: catalogue order (RULE_IDS), then the order each rule produces them
 * (document order of the main subject, as a rule), then one SETTINGS info finding per
 * unknown rule id in `settings.rules`, in the settings' key order.
 */
import { buildTreeIndex, type TreeIndex } from '../model/tree.ts';
import { SEVERITIES } from '../schema/constants.ts';
import type { OrgDocument, Severity } from '../schema/v1.ts';
import type { Finding } from './types.ts';
import { RuleContext, type RuleImpl } from './context.ts';
import { isRuleId } from './ids.ts';
import { SETTINGS_RULE_ID, type RuleId } from './ids.ts';
import { resolveParams, type RuleParams } from './params.ts';
import { STRUCTURE_RULES } from './structure.ts';
import { SPAN_RULES } from './span.ts';
import { DECISION_RULES } from './decision.ts';
import { BUDGET_RULES } from './budget.ts';
import { QUALIFICATION_RULES } from './qualification.ts';

// The catalogue's texts (titles, explanations, source sentences) are imported from
// catalogue.ts and sources.ts by who shows them: checking needs none of them, and the app
// loads them after its first paint.
export { isRuleId } from './ids.ts';
export { DEFAULT_PARAMS, type RuleParams } from './params.ts';
export { RULE_IDS, SETTINGS_RULE_ID, type RuleId } from './ids.ts';

/** Every rule's check, in catalogue order. */
export const RULE_CHECKS: readonly RuleImpl[] = [...STRUCTURE_RULES, ...SPAN_RULES, ...DECISION_RULES, ...BUDGET_RULES, ...QUALIFICATION_RULES];

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

function paramsOf(settings: Settings): RuleParams {
  const overrides = new Map<string, unknown>();
  for (const [id, s] of settings.known) if (s.params !== undefined) overrides.set(id, s.params);
  return resolveParams(overrides);
}

/** The parameters in force for a document: its `settings.rules[ID].params` merged over the defaults. */
export function effectiveParams(doc: OrgDocument): RuleParams {
  return paramsOf(readSettings(doc));
}

/** Checks a document against every enabled rule; never throws on a document that loads. */
export function checkDocument(doc: OrgDocument, index?: TreeIndex): Finding[] {
  const tree = index && index.doc === doc ? index : buildTreeIndex(doc);
  const settings = readSettings(doc);
  const ctx = new RuleContext(doc, tree, paramsOf(settings));
  const findings: Finding[] = [];
  const found: Finding[] = [];
  for (const rule of RULE_CHECKS) {
    const setting = settings.known.get(rule.id);
    if (setting?.enabled === false) continue;
    found.length = 0;
    try {
      rule.check(ctx, found);
    } catch (cause) {
      // A rule bug must not take the whole check down; say so instead of hiding it.
      found.push({ rule: rule.id, severity: 'warning', roles: [], message: `This rule could not finish checking the document (internal error: ${cause instanceof Error ? cause.message : String(cause)}).` });
    }
    for (const f of found) findings.push(adjust(doc, tree, f, setting?.severity));
  }
  for (const id of settings.unknown) {
    findings.push({
      rule: SETTINGS_RULE_ID,
      severity: 'info',
      roles: [],
      message: `The rule settings mention "${id}", which is not a rule this version knows. The setting is kept in the file but has no effect; check the rule id.`,
    });
  }
  return findings;
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
    out = { ...out, severity: 'info', message: `${f.message} Accepted exception: ${e.reason}` };
    break;
  }
  return out;
}
