/**
 * The findings panel: every finding with its rule, message, the roles it names (click:
 * select and centre) and the rule's explanation and source, grouped by severity (the
 * default), by role or by rule. What to fix first comes first: errors, then findings
 * about the department's top role, then the rest, each in the engine's order.
 * A finding with an obvious fix offers it as a button (rules/remedies.ts), run as one
 * undo step; a warning can be accepted with a reason the person writes.
 * Hooks (ui.md): role="region" named "Findings"; data-rule, data-severity, data-roles.
 */
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { CommandResult } from '../model/commands.ts';
import type { RemedyLabel } from '../rules/remedies.ts';
import type { Finding } from '../rules/types.ts';
import type { OrgDocument, Severity } from '../schema/v1.ts';
import { derive } from '../store/derived.ts';
import type { OrgState } from '../store/orgStore.ts';
import { useOrg, useOrgStore, useRules, useRuleTexts, useT } from './context.tsx';
import { titleById } from './labels.ts';
import type { StringKey } from './strings.ts';

const selectDoc = (s: OrgState) => s.doc;
const SEVERITY_GROUPS: readonly [Severity, 'errors' | 'warnings' | 'infos'][] = [
  ['error', 'errors'],
  ['warning', 'warnings'],
  ['info', 'infos'],
];
const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
/** The panel lists this many findings per group (and, grouped by role or rule, this many groups' worth in all); the counts are always complete. */
const SHOWN_PER_GROUP = 200;
const SHOWN_IN_ALL = 600;

export type Grouping = 'severity' | 'role' | 'rule';
const GROUPINGS: readonly [Grouping, StringKey][] = [
  ['severity', 'findingsBySeverity'],
  ['role', 'findingsByRole'],
  ['rule', 'findingsByRule'],
];
const GROUPING_KEY = 'org-designer:findings-group';

/** The grouping chosen last in this browser (severity when none, or when storage is blocked). */
function savedGrouping(): Grouping {
  try {
    const saved = localStorage.getItem(GROUPING_KEY);
    return saved === 'role' || saved === 'rule' ? saved : 'severity';
  } catch {
    return 'severity';
  }
}

/** What a remedy's button says, by kind (rules/remedies.ts). */
const REMEDY_LABELS: Readonly<Record<RemedyLabel, StringKey>> = {
  giveDecision: 'remedyGiveDecision',
  giveDecisionMany: 'remedyGiveDecisionMany',
  removeLine: 'remedyRemoveLine',
  removeRepeat: 'remedyRemoveRepeat',
  partnerLines: 'remedyPartnerLines',
  raiseBudget: 'remedyRaiseBudget',
  setTarget: 'remedySetTarget',
  reportTo: 'remedyReportTo',
  markExternal: 'remedyMarkExternal',
  addPartner: 'remedyAddPartner',
};

/**
 * The findings with what to fix first first: errors, then (within a severity) findings
 * whose main subject is root, then the rest; the engine's order otherwise (stable).
 */
function prioritize(findings: readonly Finding[], rootId: string | undefined): readonly Finding[] {
  const rank = (f: Finding) => RANK[f.severity] * 2 + (rootId !== undefined && f.roles[0] === rootId ? 0 : 1);
  return findings
    .map((f, i) => [rank(f), i, f] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([, , f]) => f);
}

interface Group {
  readonly key: string;
  readonly severity?: Severity;
  readonly heading: string;
  readonly list: readonly Finding[];
}

/** A remedy as the panel shows it: its words, the edit, and what it is about (to tell an unchanged one). */
interface ShownRemedy {
  readonly label: string;
  readonly apply: (doc: OrgDocument) => CommandResult;
  readonly about: string;
}

/** What the panel says after a fix, while the document is still the one the fix made. */
interface Done {
  readonly text: string;
  readonly doc: OrgDocument;
}

export function FindingsPanel() {
  const t = useT();
  const store = useOrgStore();
  const doc = useOrg(selectDoc);
  const language = useOrg((s) => s.language);
  const rules = useRules();
  const texts = useRuleTexts();
  const status = useOrg((s) => s.rules);
  const { findings, index } = derive(doc);
  const [grouping, setGrouping] = useState<Grouping>(savedGrouping);
  const [done, setDone] = useState<Done | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const groupName = useId();
  // Findings keep their message id and data: a language switch words them again without a check.
  const env = useMemo(() => (rules && texts ? rules.messageEnv(texts, doc, (id) => index.indexOf.get(id)) : null), [rules, texts, doc, index]);
  // A role's name on its chip, or null when the role is gone (the chip is disabled).
  const nameOf = (id: string): string | null => titleById(doc, id, language);
  const rootId = index.root >= 0 ? doc.roles[index.root]?.id : undefined;
  const ordered = useMemo(() => prioritize(findings, rootId), [findings, rootId]);
  const groups = useMemo((): readonly Group[] => {
    if (grouping === 'severity') return SEVERITY_GROUPS.map(([severity, key]) => ({ key: severity, severity, heading: t(key), list: ordered.filter((f) => f.severity === severity) }));
    const byKey = new Map<string, Finding[]>();
    for (const f of ordered) {
      const key = grouping === 'role' ? (f.roles[0] ?? '') : f.rule;
      const list = byKey.get(key);
      if (list) list.push(f);
      else byKey.set(key, [f]);
    }
    const heading = (key: string): string => {
      if (grouping === 'role') return key === '' ? t('findingsDocumentGroup') : (titleById(doc, key, language) ?? key);
      const title = rules ? (rules.ruleInfo(key, texts ?? undefined) ?? rules.settingsInfo(texts ?? undefined)).title : '';
      return title ? `${key} · ${title}` : key;
    };
    // In the order of each group's first finding: the group holding what to fix first leads.
    const out = [...byKey].map(([key, list]) => ({ key, severity: list[0]!.severity, heading: heading(key), list }));
    // Roles of one title (six "Account Manager"s) are told apart by their ids.
    const seen = new Map<string, number>();
    for (const g of out) seen.set(g.heading, (seen.get(g.heading) ?? 0) + 1);
    return grouping === 'role' ? out.map((g) => (g.key !== '' && seen.get(g.heading)! > 1 ? { ...g, heading: `${g.heading} · ${g.key}` } : g)) : out;
  }, [ordered, grouping, t, doc, language, rules, texts]);

  const choose = (next: Grouping) => {
    setGrouping(next);
    try {
      localStorage.setItem(GROUPING_KEY, next);
    } catch {
      // Storage blocked: the choice lasts for the tab.
    }
  };

  /** Runs a fix as one undo step; the panel then says what was done, and the focus goes there (the fixed finding is gone). */
  const fix = useCallback(
    (command: (doc: OrgDocument) => CommandResult, text: string): boolean => {
      const result = store.getState().run(command);
      if (!result.ok) return false;
      setDone({ text, doc: result.doc });
      requestAnimationFrame(() => doneRef.current?.focus());
      return true;
    },
    [store],
  );
  const showDone = done !== null && done.doc === doc;

  // Grouped by role or rule, the groups share one bound (a large document has thousands of roles with findings).
  const shownGroups = useMemo(() => {
    let room = grouping === 'severity' ? Infinity : SHOWN_IN_ALL;
    const out: (Group & { readonly shown: readonly Finding[] })[] = [];
    for (const group of groups) {
      if (group.list.length === 0 || room <= 0) continue;
      const shown = group.list.slice(0, Math.min(SHOWN_PER_GROUP, room));
      room -= shown.length;
      out.push({ ...group, shown });
    }
    return out;
  }, [groups, grouping]);
  return (
    <section className="findings" role="region" aria-label="Findings">
      <div className="panel-header">
        <h2>
          {t('findings')} <span className="count">({findings.length})</span>
        </h2>
        {/* Named by its visible text, with what it exports for a screen reader: "Export as CSV (Findings)". */}
        <button type="button" className="link" disabled={findings.length === 0} onClick={() => void import('./exportCsv.ts').then((m) => m.exportFindingsCsv(store))}>
          {t('exportFindingsCsv')}
          <span className="visually-hidden"> ({t('findings')})</span>
        </button>
      </div>
      {findings.length > 0 && (
        <fieldset className="findings-grouping">
          <legend>{t('findingsGroupBy')}</legend>
          {GROUPINGS.map(([value, key]) => (
            <label key={value} className={grouping === value ? 'is-chosen' : undefined}>
              <input type="radio" name={groupName} value={value} checked={grouping === value} onChange={() => choose(value)} />
              {t(key)}
            </label>
          ))}
        </fieldset>
      )}
      {status === 'loading' && findings.length === 0 && <p className="hint">{t('rulesLoading')}</p>}
      {status === 'failed' && (
        <p className="hint" role="alert">
          {t('rulesFailed')}
        </p>
      )}
      <p className="remedy-done" role="status" tabIndex={-1} ref={doneRef}>
        {showDone && (
          <>
            {done.text}{' '}
            <button type="button" className="link" onClick={() => store.getState().undo()}>
              {t('remedyUndo')}
            </button>
          </>
        )}
      </p>
      {status === 'ready' && findings.length === 0 && <p className="all-clear">{t('noFindings')}</p>}
      {shownGroups.map(({ key, severity, heading, list, shown }) => {
        return (
          <div key={`${grouping} ${key}`} className={`finding-group group-${grouping === 'severity' ? severity : 'mixed'}`}>
            <h3>
              {grouping !== 'severity' && <span className={`severity-dot dot-${severity}`} aria-hidden="true" />}
              {heading} ({list.length})
            </h3>
            <ul>
              {keyed(shown).map(([itemKey, f]) => (
                <FindingItem
                  key={itemKey}
                  finding={f}
                  message={rules && env ? rules.findingMessage(f, env) : f.message}
                  names={f.roles.map(nameOf)}
                  remedies={rules && env ? rules.remediesFor(f, doc, index).map((r) => ({ label: rules.fill(t(REMEDY_LABELS[r.label]), r.data, env, f.rule), apply: r.apply, about: `${r.label} ${JSON.stringify(r.data)}` })) : NO_REMEDIES}
                  accept={rules?.canAccept(f) ? findings.reduce((n, g) => (g.rule === f.rule && g.roles[0] === f.roles[0] && g.severity !== 'info' ? n + 1 : n), 0) : 0}
                  fix={fix}
                />
              ))}
            </ul>
            {list.length > shown.length && <p className="hint">{t('findingsMore', { count: list.length - shown.length })}</p>}
          </div>
        );
      })}
    </section>
  );
}

const NO_REMEDIES: readonly ShownRemedy[] = [];

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
  a.accept === b.accept &&
  a.fix === b.fix &&
  sameList(a.finding.roles, b.finding.roles) &&
  sameList(a.names, b.names) &&
  a.remedies.length === b.remedies.length &&
  a.remedies.every((r, i) => r.label === b.remedies[i]!.label && r.about === b.remedies[i]!.about);

const sameList = <T,>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

interface ItemProps {
  readonly finding: Finding;
  /** The finding's message in the UI language. */
  readonly message: string;
  /** The names of the roles the finding names (null: no longer in the document). */
  readonly names: readonly (string | null)[];
  /** Its one-click fixes, worded in the UI language. */
  readonly remedies: readonly ShownRemedy[];
  /** 0 when it cannot be accepted with a reason; else how many findings accepting it accepts (its rule's, about its main role). */
  readonly accept: number;
  /** Runs a fix as one undo step, saying so; false when the edit was refused (the alert says why). */
  readonly fix: (command: (doc: OrgDocument) => CommandResult, text: string) => boolean;
}

const FindingItem = memo(function FindingItem({ finding, message, names, remedies, accept, fix }: ItemProps) {
  const t = useT();
  const store = useOrgStore();
  const rules = useRules();
  const texts = useRuleTexts() ?? undefined;
  const meta = rules ? (rules.ruleInfo(finding.rule, texts) ?? rules.settingsInfo(texts)) : null;
  const [accepting, setAccepting] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
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
      {(remedies.length > 0 || accept > 0) && !accepting && (
        <div className="finding-actions">
          {remedies.map((remedy) => (
            <button key={remedy.about} type="button" className="remedy" onClick={() => fix(remedy.apply, t('remedyDone', { action: remedy.label }))}>
              {remedy.label}
            </button>
          ))}
          {accept > 0 && (
            <button type="button" ref={toggle} className="link accept-toggle" onClick={() => setAccepting(true)}>
              {t('acceptWithReason')}
            </button>
          )}
        </div>
      )}
      {accepting && rules && (
        <AcceptForm
          finding={finding}
          role={names[0] ?? finding.roles[0] ?? ''}
          count={accept}
          onAccept={(reason) => {
            const ok = fix(rules.acceptFinding(finding, reason), t('acceptDone', { rule: finding.rule, role: names[0] ?? finding.roles[0] ?? '' }));
            if (ok) setAccepting(false);
            return ok;
          }}
          onCancel={() => {
            setAccepting(false);
            requestAnimationFrame(() => toggle.current?.focus());
          }}
        />
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

interface AcceptProps {
  readonly finding: Finding;
  /** The main role's name. */
  readonly role: string;
  /** How many findings the exception accepts. */
  readonly count: number;
  /** Accepts with this reason; false when refused. */
  readonly onAccept: (reason: string) => boolean;
  readonly onCancel: () => void;
}

/** "Accept with a reason": the person writes the reason (there is no default one). */
function AcceptForm({ finding, role, count, onAccept, onCancel }: AcceptProps) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => input.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      input.current?.focus();
      return;
    }
    onAccept(reason);
  };
  return (
    <form className="accept-form" onSubmit={submit}>
      <label htmlFor={`${id}-reason`}>{t('acceptReasonLabel')}</label>
      <input
        id={`${id}-reason`}
        ref={input}
        type="text"
        value={reason}
        maxLength={500}
        autoComplete="off"
        aria-invalid={missing || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setReason(e.target.value);
          if (missing && e.target.value.trim() !== '') setMissing(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <p id={`${id}-hint`} className={missing ? 'hint accept-missing' : 'hint'}>
        {missing ? `${t('acceptReasonMissing')} ` : ''}
        {count > 1 ? t('acceptReasonHintMany', { count, rule: finding.rule, role }) : t('acceptReasonHint')}
      </p>
      <div className="accept-buttons">
        <button type="submit" className="primary">
          {t('acceptConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('acceptCancel')}
        </button>
      </div>
    </form>
  );
}
