/**
 * The findings panel: every finding grouped by severity, with its rule, message, the
 * roles it names (click: select and centre) and the rule's explanation and source.
 * Hooks (ui.md): role="region" named "Findings"; data-rule, data-severity, data-roles.
 */
import { memo, useMemo } from 'react';
import type { Finding } from '../rules/types.ts';
import type { Severity } from '../schema/v1.ts';
import { derive } from '../store/derived.ts';
import type { OrgState } from '../store/orgStore.ts';
import { useOrg, useOrgStore, useRules, useRuleTexts, useT } from './context.tsx';
import { titleById } from './labels.ts';

const selectDoc = (s: OrgState) => s.doc;
const GROUPS: readonly [Severity, 'errors' | 'warnings' | 'infos'][] = [
  ['error', 'errors'],
  ['warning', 'warnings'],
  ['info', 'infos'],
];
/** The panel lists this many findings per severity; the counts are always complete. */
const SHOWN_PER_GROUP = 200;
export function FindingsPanel() {
  const t = useT();
  const store = useOrgStore();
  const doc = useOrg(selectDoc);
  const language = useOrg((s) => s.language);
  const rules = useRules();
  const texts = useRuleTexts();
  const status = useOrg((s) => s.rules);
  const { findings, index } = derive(doc);
  // Findings keep their message id and data: a language switch words them again without a check.
  const env = useMemo(() => (rules && texts ? rules.messageEnv(texts, doc, (id) => index.indexOf.get(id)) : null), [rules, texts, doc, index]);
  const groups = useMemo(() => GROUPS.map(([severity, key]) => ({ severity, key, list: findings.filter((f) => f.severity === severity) })), [findings]);
  // A role's name on its chip, or null when the role is gone (the chip is disabled).
  const nameOf = (id: string): string | null => titleById(doc, id, language);
  return (
    <section className="findings" role="region" aria-label="Findings">
      <div className="panel-header">
        <h2>
          {t('findings')} <span className="count">({findings.length})</span>
        </h2>
        <button type="button" className="link" aria-label="Export findings CSV" disabled={findings.length === 0} onClick={() => void import('./exportCsv.ts').then((m) => m.exportFindingsCsv(store))}>
          {t('exportFindingsCsv')}
        </button>
      </div>
      {status === 'loading' && findings.length === 0 && <p className="hint">{t('rulesLoading')}</p>}
      {status === 'failed' && (
        <p className="hint" role="alert">
          {t('rulesFailed')}
        </p>
      )}
      {status === 'ready' && findings.length === 0 && <p className="all-clear">{t('noFindings')}</p>}
      {groups.map(({ severity, key, list }) =>
        list.length === 0 ? null : (
          <div key={severity} className={`finding-group group-${severity}`}>
            <h3>
              {t(key)} ({list.length})
            </h3>
            <ul>
              {keyed(list.slice(0, SHOWN_PER_GROUP)).map(([key, f]) => (
                <FindingItem key={key} finding={f} message={rules && env ? rules.findingMessage(f, env) : f.message} names={f.roles.map(nameOf)} />
              ))}
            </ul>
            {list.length > SHOWN_PER_GROUP && <p className="hint">… {list.length - SHOWN_PER_GROUP} more</p>}
          </div>
        ),
      )}
    </section>
  );
}

/** The findings counted by severity for the collapsed panel's bar: "2 errors · 3 warnings". */
export function FindingsSummary() {
  const t = useT();
  const doc = useOrg(selectDoc);
  if (useOrg((s) => s.rules) === 'loading') return <span className="findings-summary">{t('rulesLoading')}</span>;
  const findings = derive(doc).findings;
  const count = (severity: Severity) => findings.reduce((n, f) => (f.severity === severity ? n + 1 : n), 0);
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  const parts = [
    errors > 0 ? (errors === 1 ? t('countError') : t('countErrors', { count: errors })) : null,
    warnings > 0 ? (warnings === 1 ? t('countWarning') : t('countWarnings', { count: warnings })) : null,
    infos > 0 ? t('countInfos', { count: infos }) : null,
  ].filter((p) => p !== null);
  return (
    <span className="findings-summary" data-errors={errors} data-warnings={warnings} data-infos={infos}>
      {parts.length === 0 ? t('noFindingsShort') : parts.join(' · ')}
    </span>
  );
}

/**
 * Each finding with a key from what it is about (rule and roles, numbered when repeated), not
 * its place: a finding that appears or goes away does not make React rebuild the items after it.
 */
function keyed(list: readonly Finding[]): [string, Finding][] {
  const seen = new Map<string, number>();
  return list.map((f) => {
    const base = `${f.rule} ${f.roles.join(' ')}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return [n === 0 ? base : `${base} #${n}`, f];
  });
}

/** Findings are recomputed on every edit: an item re-renders only when what it shows changed. */
const sameItem = (a: ItemProps, b: ItemProps): boolean =>
  a.finding.rule === b.finding.rule &&
  a.finding.severity === b.finding.severity &&
  a.message === b.message &&
  sameList(a.finding.roles, b.finding.roles) &&
  sameList(a.names, b.names);

const sameList = <T,>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

interface ItemProps {
  readonly finding: Finding;
  /** The finding's message in the UI language. */
  readonly message: string;
  /** The names of the roles the finding names (null: no longer in the document). */
  readonly names: readonly (string | null)[];
}

const FindingItem = memo(function FindingItem({ finding, message, names }: ItemProps) {
  const t = useT();
  const store = useOrgStore();
  const rules = useRules();
  const texts = useRuleTexts() ?? undefined;
  const meta = rules ? (rules.ruleInfo(finding.rule, texts) ?? rules.settingsInfo(texts)) : null;
  return (
    <li className={`finding severity-${finding.severity}`} data-rule={finding.rule} data-severity={finding.severity} data-roles={finding.roles.join(' ')}>
      <div className="finding-head">
        <span className={`severity-dot dot-${finding.severity}`} aria-hidden="true" />
        <code className="rule-id">{finding.rule}</code>
        <span className="finding-message">{message}</span>
      </div>
      {finding.roles.length > 0 && (
        <div className="finding-roles">
          {finding.roles.map((id, k) => (
            <button key={id} type="button" className="role-chip" disabled={names[k] === null} onClick={() => store.getState().focus(id)}>
              {names[k] ?? id}
            </button>
          ))}
        </div>
      )}
      {meta && (
        <details className="rule-why">
          <summary>{t('whyRuleTitle', { title: meta.title })}</summary>
          <p>{meta.why}</p>
          {meta.quotes.map((quote) => (
            // Quotes stay in the source documents' English; the UI language's rendering follows.
            <blockquote key={quote.text}>
              <q lang="en">{quote.text}</q> <cite>— {quote.document}</cite>
              {quote.rendering && <p className="quote-rendering">{quote.rendering}</p>}
            </blockquote>
          ))}
          {meta.practice && <p className="rule-practice">{meta.practice}</p>}
        </details>
      )}
    </li>
  );
}, sameItem);
