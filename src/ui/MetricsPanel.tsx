/** The metrics: headcount, layers, spans with the bucket histogram, cost against budget, target coverage. */
import { derive } from '../store/derived.ts';
import type { OrgState } from '../store/orgStore.ts';
import { useOrg, useT } from './context.tsx';
import { formatMoney, formatPercent } from './labels.ts';

const selectDoc = (s: OrgState) => s.doc;

export function MetricsPanel() {
  const t = useT();
  const doc = useOrg(selectDoc);
  const language = useOrg((s) => s.language);
  const m = derive(doc).metrics;
  const most = Math.max(1, ...m.spanHistogram.map((b) => b.count));
  const covered = m.targetCoverage.filter((c) => c.ratio !== null);
  const meanCoverage = covered.length > 0 ? covered.reduce((a, c) => a + c.ratio!, 0) / covered.length : null;
  return (
    <section className="metrics" aria-label={t('metrics')}>
      <h2>{t('metrics')}</h2>
      <dl className="metric-grid">
        <div><dt>{t('headcount')}</dt><dd data-metric="headcount">{m.headcount}</dd></div>
        <div><dt>{t('vacancies')}</dt><dd data-metric="vacancies">{m.vacancies}</dd></div>
        <div><dt>{t('layers')}</dt><dd data-metric="layers">{m.layers}</dd></div>
        <div><dt>{t('managers')}</dt><dd data-metric="managers">{m.managers}</dd></div>
        <div><dt>{t('averageSpan')}</dt><dd data-metric="average-span">{m.averageSpan === null ? '—' : m.averageSpan.toFixed(1)}</dd></div>
        <div><dt>{t('loadedCost')}</dt><dd data-metric="loaded-cost">{formatMoney(m.loadedCost, doc.currency, language)}</dd></div>
        <div><dt>{t('personnelBudget')}</dt><dd data-metric="personnel-budget">{formatMoney(m.personnelBudget, doc.currency, language)}</dd></div>
        <div><dt>{t('costCoverage')}</dt><dd data-metric="cost-ratio">{m.costBudgetRatio === null ? '—' : formatPercent(m.costBudgetRatio, language)}</dd></div>
        <div><dt>{t('revenueTarget')}</dt><dd data-metric="revenue-target">{m.revenueTarget === null ? '—' : formatMoney(m.revenueTarget, doc.currency, language)}</dd></div>
        <div><dt>{t('targetCoverage')}</dt><dd data-metric="target-coverage">{meanCoverage === null ? '—' : formatPercent(meanCoverage, language)}</dd></div>
      </dl>
      <h3>{t('spanBuckets')}</h3>
      <ol className="histogram" aria-label={t('spanBuckets')}>
        {m.spanHistogram.map((b) => (
          <li key={b.bucket} data-bucket={b.bucket}>
            <span className="bucket-label">{b.bucket}</span>
            <span className="bar" style={{ width: `${(b.count / most) * 100}%` }} />
            <span className="bucket-count">{b.count}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
