/**
 * The compare view's panels, each before → after: the change list (per role, field by
 * field), the metrics with their deltas and the span histogram as two bars per bucket,
 * the findings (new, resolved, unchanged), and who decides and who owns each budget.
 */
import { useMemo } from 'react';
import type { ChangeKind, DocumentDiff, FieldChange } from '../../compare/diff.ts';
import { valueCell } from '../../compare/csv.ts';
import type { MessageEnv } from '../../rules/message.ts';
import { documentEnv, findingMessage, ruleTexts } from '../../rules/texts.ts';
import type { Finding } from '../../rules/types.ts';
import type { OrgMetrics } from '../../metrics/metrics.ts';
import type { OrgDocument } from '../../schema/v1.ts';
import { useT } from '../context.tsx';
import { formatMoney, formatPercent, localTitle, titleById } from '../labels.ts';
import type { Language, StringKey } from '../strings.ts';

/** The label of a role field, in the UI language (the inspector's words). */
const FIELD_LABELS: Readonly<Record<FieldChange['field'], StringKey>> = {
  title: 'title',
  titles: 'titleZh',
  family: 'family',
  function: 'function',
  level: 'level',
  reportsTo: 'reportsTo',
  dottedLines: 'dottedLines',
  external: 'external',
  assistant: 'assistant',
  archetype: 'archetype',
  headcount: 'headcount',
  vacancies: 'vacancies',
  holder: 'holder',
  salary: 'salary',
  revenueTarget: 'revenueTarget',
  accounts: 'accounts',
  budgets: 'budgets',
  decisions: 'decisions',
  requirements: 'requirements',
  exceptions: 'exceptions',
};

/** A field's value as a person reads it: names for people and managers, money for pay, compact JSON for the rest. */
function fieldValue(change: FieldChange, side: 'before' | 'after', doc: OrgDocument, currency: string, language: Language): string {
  if (change.field === 'reportsTo') {
    const id = change[side];
    return id === null || id === undefined ? '—' : `${titleById(doc, id, language) ?? id} (${id})`;
  }
  if (change.field === 'holder') return change[side]?.name || '—';
  if (change.field === 'salary') {
    const s = change[side];
    return s ? `${formatMoney(s.min, currency, language)}–${formatMoney(s.max, currency, language)}${s.bonusPct !== undefined ? ` + ${s.bonusPct}%` : ''}` : '—';
  }
  const value = valueCell(change[side]);
  return value === '' || value === null ? '—' : String(value);
}

export function ChangeList({ diff, shown, focus, onPick, language, currency, base, proposed }: { diff: DocumentDiff; shown: ReadonlySet<ChangeKind>; focus: string | null; onPick: (id: string) => void; language: Language; currency: string; base: OrgDocument; proposed: OrgDocument }) {
  const t = useT();
  const changes = diff.roles.filter((c) => c.kinds.some((k) => shown.has(k)));
  if (changes.length === 0) return <p className="hint">{t('compareNoChanges')}</p>;
  return (
    <ol className="compare-changes" aria-label={t('compareTab_changes')}>
      {changes.map((change) => {
        const role = change.after ?? change.before!;
        return (
          <li key={change.id} className={`compare-change${focus === change.id ? ' is-focus' : ''}`} data-id={change.id} data-kinds={change.kinds.join(' ')}>
            <button type="button" className="compare-change-role" onClick={() => onPick(change.id)} aria-current={focus === change.id ? 'true' : undefined}>
              {change.kinds.map((k) => (
                <span key={k} className={`kind-chip kind-${k}`}>
                  {t(`kind_${k}`)}
                </span>
              ))}
              <span className="compare-change-title">{localTitle(role, language)}</span> <code>{change.id}</code>
            </button>
            {change.fields.length > 0 && (
              <table className="compare-fields">
                <tbody>
                  {change.fields.map((f) => (
                    <tr key={f.field} data-field={f.field}>
                      <th scope="row">{t(FIELD_LABELS[f.field])}</th>
                      <td className="before">{fieldValue(f, 'before', base, currency, language)}</td>
                      <td aria-hidden="true">→</td>
                      <td className="after">{fieldValue(f, 'after', proposed, currency, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** A number's change, signed, or nothing when equal. */
function delta(before: number | null, after: number | null, format: (n: number) => string): string {
  if (before === null || after === null || before === after) return '';
  const d = after - before;
  return `${d > 0 ? '+' : '−'}${format(Math.abs(d))}`;
}

export function MetricsDelta({ diff, currency, language }: { diff: DocumentDiff; currency: string; language: Language }) {
  const t = useT();
  const { before, after } = diff.metrics;
  const money = (n: number) => formatMoney(n, currency, language);
  const plain = (n: number) => String(Math.round(n * 10) / 10);
  const percent = (n: number) => formatPercent(n, language);
  const coverage = (m: OrgMetrics) => {
    const covered = m.targetCoverage.filter((c) => c.ratio !== null);
    return covered.length > 0 ? covered.reduce((a, c) => a + c.ratio!, 0) / covered.length : null;
  };
  const rows: readonly [string, StringKey, number | null, number | null, (n: number) => string][] = [
    ['headcount', 'headcount', before.headcount, after.headcount, plain],
    ['positions', 'comparePositions', before.roleCount, after.roleCount, plain],
    ['vacancies', 'vacancies', before.vacancies, after.vacancies, plain],
    ['layers', 'layers', before.layers, after.layers, plain],
    ['managers', 'managers', before.managers, after.managers, plain],
    ['average-span', 'averageSpan', before.averageSpan, after.averageSpan, plain],
    ['loaded-cost', 'loadedCost', before.loadedCost, after.loadedCost, money],
    ['personnel-budget', 'personnelBudget', before.personnelBudget, after.personnelBudget, money],
    ['cost-ratio', 'costCoverage', before.costBudgetRatio, after.costBudgetRatio, percent],
    ['revenue-target', 'revenueTarget', before.revenueTarget, after.revenueTarget, money],
    ['target-coverage', 'targetCoverage', coverage(before), coverage(after), percent],
  ];
  const most = Math.max(1, ...before.spanHistogram.map((b) => b.count), ...after.spanHistogram.map((b) => b.count));
  return (
    <div className="compare-metrics">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('metrics')}</th>
            <th scope="col">{t('compareBeforeShort')}</th>
            <th scope="col">{t('compareAfterShort')}</th>
            <th scope="col">{t('compareDelta')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([hook, label, b, a, format]) => (
            <tr key={hook} data-metric={hook}>
              <th scope="row">{t(label)}</th>
              <td>{b === null ? '—' : format(b)}</td>
              <td>{a === null ? '—' : format(a)}</td>
              <td className="delta">{delta(b, a, format)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('spanBuckets')}</h3>
      <ol className="histogram compare-histogram" aria-label={t('spanBuckets')}>
        {before.spanHistogram.map((b, k) => {
          const a = after.spanHistogram[k]!;
          return (
            <li key={b.bucket} data-bucket={b.bucket} aria-label={`${b.bucket}: ${b.count} → ${a.count}`}>
              <span className="bucket-label">{b.bucket}</span>
              <span className="bars">
                <span className="bar before" style={{ width: `${(b.count / most) * 100}%` }} />
                <span className="bar after" style={{ width: `${(a.count / most) * 100}%` }} />
              </span>
              <span className="bucket-count">
                {b.count} → {a.count}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="legend-line">
        <span className="bar before legend-swatch" /> {t('compareBeforeShort')} <span className="bar after legend-swatch" /> {t('compareAfterShort')}
      </p>
    </div>
  );
}

function FindingItem({ finding, doc, language, env, onPick }: { finding: Finding; doc: OrgDocument; language: Language; env: MessageEnv; onPick: (id: string) => void }) {
  return (
    <li className={`finding severity-${finding.severity}`} data-rule={finding.rule} data-roles={finding.roles.join(' ')}>
      <code>{finding.rule}</code> {findingMessage(finding, env)}{' '}
      {finding.roles.map((id) => (
        <button key={id} type="button" className="chip" onClick={() => onPick(id)}>
          {titleById(doc, id, language) ?? id}
        </button>
      ))}
    </li>
  );
}

export function FindingsDelta({ diff, base, proposed, language, onPick }: { diff: DocumentDiff; base: OrgDocument; proposed: OrgDocument; language: Language; onPick: (id: string) => void }) {
  const t = useT();
  const groups: readonly [string, StringKey, readonly Finding[], OrgDocument][] = [
    ['new', 'compareFindingsNew', diff.findings.new, proposed],
    ['resolved', 'compareFindingsResolved', diff.findings.resolved, base],
    ['unchanged', 'compareFindingsUnchanged', diff.findings.unchanged, proposed],
  ];
  const texts = ruleTexts(language);
  // New and unchanged findings are about the proposal, resolved ones about the base.
  const envs = useMemo(() => new Map([base, proposed].map((doc) => [doc, documentEnv(texts, doc)] as const)), [texts, base, proposed]);
  return (
    <div className="compare-findings">
      {groups.map(([hook, label, findings, doc]) => (
        <section key={hook} data-group={hook} aria-label={t(label, { count: findings.length })}>
          <h3>{t(label, { count: findings.length })}</h3>
          {findings.length === 0 ? (
            <p className="hint">—</p>
          ) : (
            <ul>
              {findings.map((f, k) => (
                <FindingItem key={`${f.rule}-${f.roles.join()}-${k}`} finding={f} doc={doc} language={language} env={envs.get(doc)!} onPick={onPick} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

export function DecisionsPanel({ diff, base, proposed, language, currency }: { diff: DocumentDiff; base: OrgDocument; proposed: OrgDocument; language: Language; currency: string }) {
  const t = useT();
  const who = (doc: OrgDocument, id: string | null | undefined) => (id === null || id === undefined ? '—' : `${titleById(doc, id, language) ?? id}`);
  return (
    <div className="compare-decisions">
      <h3>{t('compareDeciders')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('area')}</th>
            <th scope="col">{t('compareWhose')}</th>
            <th scope="col">{t('compareBeforeShort')}</th>
            <th scope="col">{t('compareAfterShort')}</th>
          </tr>
        </thead>
        <tbody>
          {diff.decisions.map((d) => (
            <tr key={`${d.area}-${d.role ?? ''}`} data-area={d.area} className={d.changed ? 'is-changed' : undefined}>
              <th scope="row">{ruleTexts(language).words.terms.area[d.area]}</th>
              <td>{d.role === null ? t('compareDepartment') : who(proposed, d.role)}</td>
              <td>{d.before ? `${who(base, d.before.holder)} · ${d.before.scope}` : '—'}</td>
              <td>{d.after ? `${who(proposed, d.after.holder)} · ${d.after.scope}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('budgets')}</h3>
      {diff.budgets.length === 0 ? (
        <p className="hint">—</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('budgetId')}</th>
              <th scope="col">{t('compareBeforeShort')}</th>
              <th scope="col">{t('compareAfterShort')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.budgets.map((b) => (
              <tr key={b.id} data-budget={b.id} className={b.changed ? 'is-changed' : undefined}>
                <th scope="row">
                  <code>{b.id}</code>
                </th>
                <td>{b.before ? `${who(base, b.before.owner)} · ${formatMoney(b.before.amount, currency, language)}` : '—'}</td>
                <td>{b.after ? `${who(proposed, b.after.owner)} · ${formatMoney(b.after.amount, currency, language)}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

