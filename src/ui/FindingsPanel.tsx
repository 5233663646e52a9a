/**
 * The findings panel: every finding grouped by severity, with its rule, message, the
 * roles it names (click: select and centre) and the rule's explanation and source.
 * Hooks (ui.md): role="region" named "Findings"; data-rule, data-severity, data-roles.
 */
import { memo, useMemo } from 'react';
import { RULES } from '../rules/engine.ts';
import type { Finding } from '../rules/types.ts';
import type { OrgDocument, Severity } from '../schema/v1.ts';
import { derive } from '../store/derived.ts';
import type { OrgState } from '../store/orgStore.ts';
import { useOrg, useOrgStore, useT } from './context.tsx';
import { localTitle } from './labels.ts';

const selectDoc = (s: OrgState) => s.doc;
const GROUPS: readonly [Severity, 'errors' | 'warnings' | 'infos'][] = [
  ['error', 'errors'],
  ['warning', 'warnings'],
  ['info', 'infos'],
];
/** The panel lists this many findings per severity; the counts are always complete. */
const SHOWN_PER_GROUP = 200;
const META: ReadonlyMap<string, (typeof RULES)[number]> = new Map(RULES.map((r) => [r.id, r] as const));

export function FindingsPanel() {
  const t = useT();
  const doc = useOrg(selectDoc);
  const findings = derive(doc).findings;
  const groups = useMemo(() => GROUPS.map(([severity, key]) => ({ severity, key, list: findings.filter((f) => f.severity === severity) })), [findings]);
  return (
    <section className="findings" role="region" aria-label="Findings">
      <h2>
        {t('findings')} <span className="count">({findings.length})</span>
      </h2>
      {findings.length === 0 && <p className="all-clear">{t('noFindings')}</p>}
      {groups.map(({ severity, key, list }) =>
        list.length === 0 ? null : (
          <div key={severity} className={`finding-group group-${severity}`}>
            <h3>
              {t(key)} ({list.length})
            </h3>
            <ul>
              {list.slice(0, SHOWN_PER_GROUP).map((f, i) => (
                <FindingItem key={`${f.rule}-${i}-${f.roles.join(' ')}`} finding={f} doc={doc} />
              ))}
            </ul>
            {list.length > SHOWN_PER_GROUP && <p className="hint">… {list.length - SHOWN_PER_GROUP} more</p>}
          </div>
        ),
      )}
    </section>
  );
}

const FindingItem = memo(function FindingItem({ finding, doc }: { finding: Finding; doc: OrgDocument }) {
  const t = useT();
  const store = useOrgStore();
  const language = useOrg((s) => s.language);
  const meta = META.get(finding.rule);
  const byId = derive(doc).index.indexOf;
  return (
    <li className={`finding severity-${finding.severity}`} data-rule={finding.rule} data-severity={finding.severity} data-roles={finding.roles.join(' ')}>
      <div className="finding-head">
        <span className={`severity-dot dot-${finding.severity}`} aria-hidden="true" />
        <code className="rule-id">{finding.rule}</code>
        <span className="finding-message">{finding.message}</span>
      </div>
      {finding.roles.length > 0 && (
        <div className="finding-roles">
          {finding.roles.map((id) => {
            const at = byId.get(id);
            const role = at === undefined ? undefined : doc.roles[at];
            return (
              <button key={id} type="button" className="role-chip" disabled={!role} onClick={() => store.getState().focus(id)}>
                {role ? localTitle(role, language) : id}
              </button>
            );
          })}
        </div>
      )}
      {meta && (
        <details className="rule-why">
          <summary>
            {t('whyRule')}: {meta.title}
          </summary>
          <p>{meta.why}</p>
          <blockquote>
            <q>{meta.source}</q>
            {meta.sourceDocument && <cite> — {meta.sourceDocument}</cite>}
          </blockquote>
        </details>
      )}
    </li>
  );
});
