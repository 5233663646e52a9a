/**
 * `org diff BASE PROPOSED [--json | --csv | --svg] [--lang zh-CN]` (issue 18): the comparison of
 * two loaded documents as readable text, as the JSON object of the issue, as the change-list
 * CSV, or as the marked chart (SVG). src/cli/main.ts loads both files through the same pipeline as `check` and prints what
 * this returns; the exit code is 0 when the two are equal, 1 when they differ.
 */
import { visible, visibleJson } from '../cli/visible.ts';
import { localTitle } from '../model/labels.ts';
import type { OrgMetrics } from '../metrics/index.ts';
import type { MessageEnv } from '../rules/message.ts';
import { documentEnv, findingMessage, ruleTexts } from '../rules/texts.ts';
import type { Finding } from '../rules/types.ts';
import type { OrgDocument, Role } from '../schema/v1.ts';
import { changesCsv, valueCell, type CsvLanguage } from './csv.ts';
import { diffDocuments, diffJson, type Decider, type DocumentDiff } from './diff.ts';
import { renderCompareSvg } from './svg.ts';

export interface DiffCommandOptions {
  readonly format: 'text' | 'json' | 'csv' | 'svg';
  readonly language: CsvLanguage;
}

export interface DiffCommandResult {
  /** What to print: text and JSON with document text made visible (cli/visible.ts); CSV as changesCsv writes it; SVG as renderCompareSvg draws it (escaped XML). */
  readonly text: string;
  /** 0: equal (DocumentDiff.equal), 1: they differ. */
  readonly code: 0 | 1;
}

export function diffCommand(base: OrgDocument, proposed: OrgDocument, options: DiffCommandOptions): DiffCommandResult {
  const diff = diffDocuments(base, proposed);
  const code = diff.equal ? 0 : 1;
  if (options.format === 'json') return { text: `${visibleJson(diffJson(diff))}\n`, code };
  if (options.format === 'csv') return { text: changesCsv(diff, options.language), code };
  if (options.format === 'svg') return { text: renderCompareSvg(base, proposed, diff, { language: options.language }).svg, code };
  return { text: formatDiff(base, proposed, diff, options.language), code };
}

const WORDS = {
  en: {
    equal: 'no difference in roles, metrics or findings',
    added: 'Added',
    removed: 'Removed',
    moved: 'Moved',
    changed: 'Changed',
    reportsTo: 'reports to',
    top: '(top)',
    metrics: 'Metrics',
    noMetricChange: 'Metrics: no change',
    findings: (n: number, r: number, u: number) => `Findings: ${n} new, ${r} resolved, ${u} unchanged`,
    new: 'new',
    resolved: 'resolved',
    decisions: 'Who decides',
    department: 'the department',
    nobody: 'nobody',
    budgets: 'Budgets',
    absent: '(none)',
    document: 'Document',
    count: (n: number, word: 'added' | 'removed' | 'moved' | 'changed') => `${n} ${word}`,
  },
  'zh-CN': {
    equal: '角色、指标和检查结果均无差异',
    added: '新增',
    removed: '删除',
    moved: '调动',
    changed: '变更',
    reportsTo: '汇报给',
    top: '（顶层）',
    metrics: '指标',
    noMetricChange: '指标：无变化',
    findings: (n: number, r: number, u: number) => `检查结果：新增 ${n}，已解决 ${r}，未变 ${u}`,
    new: '新增',
    resolved: '已解决',
    decisions: '决策人',
    department: '整个部门',
    nobody: '无人',
    budgets: '预算',
    absent: '（无）',
    document: '文档',
    count: (n: number, word: 'added' | 'removed' | 'moved' | 'changed') => `${({ added: '新增', removed: '删除', moved: '调动', changed: '变更' } as const)[word]} ${n}`,
  },
} as const;

/** The readable summary and change list; every line goes through `visible`, since ids, titles and messages come from the documents. */
function formatDiff(base: OrgDocument, proposed: OrgDocument, diff: DocumentDiff, language: CsvLanguage): string {
  const w = WORDS[language];
  const title = (role: Role | null, id: string) => (role ? localTitle(role, language) : id);
  const counts = (['added', 'removed', 'moved', 'changed'] as const).map((kind) => w.count(diff[kind].length, kind)).join(', ');
  const lines = [`${base.name} → ${proposed.name}: ${diff.equal ? w.equal : counts}`];

  /** A heading with its count (of roles, decisions, budgets…) and its lines. */
  const section = (heading: string, entries: string[], count = entries.length) => {
    if (entries.length > 0) lines.push('', `${heading} (${count})`, ...entries);
  };
  const byKind = (kind: 'added' | 'removed' | 'moved' | 'changed') => diff.roles.filter((r) => r.kinds.includes(kind));
  section(w.added, byKind('added').map((r) => `  + ${r.id}  ${title(r.after, r.id)}  (${w.reportsTo} ${r.after?.reportsTo ?? w.top})`));
  section(w.removed, byKind('removed').map((r) => `  - ${r.id}  ${title(r.before, r.id)}`));
  section(w.moved, byKind('moved').map((r) => `  > ${r.id}  ${title(r.after, r.id)}: ${r.before?.reportsTo ?? w.top} → ${r.after?.reportsTo ?? w.top}`));
  const changed = byKind('changed');
  section(
    w.changed,
    changed.flatMap((r) => [
      `  * ${r.id}  ${title(r.after, r.id)}`,
      ...r.fields.filter((f) => f.field !== 'reportsTo').map((f) => `      ${f.field}: ${valueText(f.before, w.absent)} → ${valueText(f.after, w.absent)}`),
    ]),
    changed.length,
  );

  const metricLines = metricChanges(diff.metrics.before, diff.metrics.after);
  if (metricLines.length === 0) lines.push('', w.noMetricChange);
  else lines.push('', w.metrics, ...metricLines.map((l) => `  ${l}`));

  const { findings } = diff;
  lines.push('', w.findings(findings.new.length, findings.resolved.length, findings.unchanged.length));
  // New findings are about the proposal, resolved ones about the base: each worded with its own document's titles.
  const texts = ruleTexts(language);
  const proposedEnv = documentEnv(texts, proposed);
  const baseEnv = documentEnv(texts, base);
  for (const f of findings.new) lines.push(`  ${w.new.padEnd(8)} ${findingLine(f, proposedEnv)}`);
  for (const f of findings.resolved) lines.push(`  ${w.resolved.padEnd(8)} ${findingLine(f, baseEnv)}`);

  const decider = (d: Decider | null) => (d ? `${d.holder} (${d.scope}${d.limit ? `, ${'percent' in d.limit ? `${d.limit.percent}%` : formatNumber(d.limit.amount)}` : ''})` : w.nobody);
  section(
    w.decisions,
    diff.decisions.filter((d) => d.changed).map((d) => `  ${d.area}, ${d.role ?? w.department}: ${decider(d.before)} → ${decider(d.after)}`),
  );
  const budget = (b: DocumentDiff['budgets'][number]['before']) => (b ? `${b.owner} ${formatNumber(b.amount)} (${b.kind})` : w.absent);
  section(w.budgets, diff.budgets.filter((b) => b.changed).map((b) => `  ${b.id}: ${budget(b.before)} → ${budget(b.after)}`));
  section(w.document, diff.document.map((f) => `  ${f.field}: ${valueText(f.before, w.absent)} → ${valueText(f.after, w.absent)}`));
  return `${lines.map(visible).join('\n')}\n`;
}

const valueText = (value: unknown, absent: string): string => {
  const cell = valueCell(value);
  return cell === null ? absent : typeof cell === 'number' ? formatNumber(cell) : cell;
};

const formatNumber = (n: number): string => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(2));

const findingLine = (f: Finding, env: MessageEnv): string => `${f.rule.padEnd(8)} ${f.severity.padEnd(7)} ${findingMessage(f, env)}${f.roles.length ? `  [${f.roles.join(', ')}]` : ''}`;

/** "key: before → after (±delta)" for each figure of `org stats` that differs, and each span bucket. */
function metricChanges(before: OrgMetrics, after: OrgMetrics): string[] {
  const out: string[] = [];
  const scalar = (key: string, a: unknown, b: unknown) => {
    if (a === b) return;
    const delta = typeof a === 'number' && typeof b === 'number' ? ` (${b - a >= 0 ? '+' : '−'}${formatNumber(Math.abs(b - a))})` : '';
    out.push(`${key}: ${shown(a)} → ${shown(b)}${delta}`);
  };
  for (const key of Object.keys(after) as (keyof OrgMetrics)[]) {
    const a = before[key];
    const b = after[key];
    if (typeof b !== 'object' || b === null || typeof a !== 'object' || a === null) scalar(key, a, b);
  }
  for (let k = 0; k < after.spanHistogram.length; k++) {
    const bucket = after.spanHistogram[k]!;
    scalar(`span ${bucket.bucket}`, before.spanHistogram[k]?.count ?? 0, bucket.count);
  }
  return out;
}

const shown = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'number' ? formatNumber(v) : String(v));
