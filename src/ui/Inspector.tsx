/**
 * The inspector: every field of the selected role, or the document's fields and rule
 * settings when nothing is selected. Edits go through the pure commands; a value the
 * format refuses is shown at the field, said for a person (validation.ts), and never
 * reaches the document. The role's fields sit in sections that fold (their open state
 * lasts while the inspector does); every value of the format's lists is shown by its
 * name in the UI language, the id in its tooltip.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { moveRole, refuse, removeRoles, type CommandResult } from '../model/commands.ts';
import { addDottedLine, setRuleSetting, updateDocument, updateRole, type RolePatch } from '../model/field-commands.ts';
import { ACCOUNT_TIERS, ARCHETYPES, AUTHORITIES, BUDGET_KINDS, DECISION_AREAS, DOTTED_KINDS, FAMILIES, FUNCTIONS, SCOPES, SEVERITIES } from '../schema/constants.ts';
import type { DecisionRight, DottedLine, OrgDocument, Role, Scope } from '../schema/v1.ts';
import { catalogue, type RuleInfo } from '../rules/catalogue.ts';
import { effectiveParams } from '../rules/engine.ts';
import { EN_WORDS, type Terms } from '../rules/message.ts';
import type { Finding } from '../rules/types.ts';
import { familyArchetype } from '../model/facts.ts';
import { derive } from '../store/derived.ts';
import { speculative } from '../store/speculate.ts';
import type { OrgState } from '../store/orgStore.ts';
import { useOrg, useOrgStore, useRuleTexts, useT } from './context.tsx';
import { CheckField, DraftField, NumberField, SelectField, TextField, type Option } from './fields.tsx';
import { familyLabel, localTitle, titleById } from './labels.ts';
import { hasRoleProfile, RoleProfile } from './RoleProfile.tsx';
import type { Language, StringKey } from './strings.ts';
import { BOUNDS, boundMessage, checkBound, type Bound } from './validation.ts';
import './inspector.css';

type Patch = RolePatch;
type T = ReturnType<typeof useT>;

const selectDoc = (s: OrgState) => s.doc;
const selectFirst = (s: OrgState) => s.selection[0];
const selectLanguage = (s: OrgState) => s.language;

/** The folding sections of a role, in order. */
type SectionId = 'role' | 'holder' | 'money' | 'accounts' | 'decisions' | 'budgets' | 'lines' | 'exceptions' | 'profile';

/** Open at first: what a role is and who holds it; the lists show their counts folded. */
const FIRST_OPEN: Readonly<Record<SectionId, boolean>> = { role: true, holder: true, money: true, accounts: false, decisions: false, budgets: false, lines: false, exceptions: false, profile: false };

interface Sections {
  readonly open: Readonly<Record<SectionId, boolean>>;
  readonly set: (id: SectionId, open: boolean) => void;
}

export function Inspector() {
  const t = useT();
  const doc = useOrg(selectDoc);
  const selected = useOrg(selectFirst);
  const role = selected === undefined ? undefined : doc.roles.find((r) => r.id === selected);
  // Which sections are open, kept while the inspector lives (from one selected role to the next).
  const [open, setOpen] = useState(FIRST_OPEN);
  const set = useCallback((id: SectionId, value: boolean) => setOpen((o) => (o[id] === value ? o : { ...o, [id]: value })), []);
  const sections = useMemo(() => ({ open, set }), [open, set]);
  return (
    <aside className="inspector" aria-label={t('inspector')}>
      {role ? <RoleInspector key={role.id} role={role} doc={doc} sections={sections} /> : <DocumentInspector doc={doc} />}
    </aside>
  );
}

/** The labels of the format's lists in the UI language, each [id, label, id] for a select (the id is the tooltip). */
function useWords() {
  const t = useT();
  const language = useOrg(selectLanguage);
  // The rules' words (rules/message.ts, locales/zh-CN.ts) once the rules are in, else English.
  const texts = useRuleTexts();
  return useMemo(() => {
    const terms: Terms = texts?.words.terms ?? EN_WORDS.terms;
    // The English terms are the in-sentence forms ("account plans"): a list shows them capitalised.
    const english = (texts?.language ?? 'en') === 'en';
    const cap = (s: string) => (english ? s.charAt(0).toUpperCase() + s.slice(1) : s);
    const term = <K extends Exclude<keyof Terms, 'family'>>(kind: K, id: keyof Terms[K] & string): string => {
      const words = terms[kind] as Readonly<Record<string, string>>;
      return cap(Object.hasOwn(words, id) ? words[id]! : id);
    };
    const list = <I extends string>(ids: readonly I[], label: (id: I) => string): Option<I>[] => ids.map((id) => [id, label(id), id] as const);
    const scope = (s: Scope) => t(`scope_${s}`);
    const dotted = (k: DottedLine['kind']) => t(k === 'partner' ? 'dotted_partner' : 'dotted_indirectManager');
    return {
      term,
      scope,
      family: list(FAMILIES, (f) => familyLabel(f, language)),
      function: list(FUNCTIONS, (f) => term('function', f)),
      archetype: list(ARCHETYPES, (a) => term('archetype', a)),
      tier: list(ACCOUNT_TIERS, (x) => term('tier', x)),
      budgetKind: list(BUDGET_KINDS, (x) => term('budgetKind', x)),
      area: list(DECISION_AREAS, (x) => term('area', x)),
      authority: list(AUTHORITIES, (x) => term('authority', x)),
      scopes: list(SCOPES, scope),
      dotted: list(DOTTED_KINDS, dotted),
    };
  }, [t, texts, language]);
}
type Words = ReturnType<typeof useWords>;

/**
 * A field's validation: the bound for a person first ("Level is 1 to 8"), then `then`
 * (a dry run of the command). `undefined` is an empty field: fine when optional.
 */
function bounded<V extends string | number | undefined>(bound: Bound, name: string, language: Language, optional: boolean, then?: (value: V) => string | null) {
  return (value: V): string | null => {
    const problem = value === undefined ? (optional ? null : boundMessage(bound, name, language)) : checkBound(bound, name, language, value);
    return problem ?? (then ? then(value) : null);
  };
}

function RoleInspector({ role, doc, sections }: { role: Role; doc: OrgDocument; sections: Sections }) {
  const t = useT();
  const texts = useRuleTexts();
  const rules = catalogue(texts ?? undefined);
  const words = useWords();
  const store = useOrgStore();
  const language = useOrg(selectLanguage);
  // A dry run of the command: whether the document takes the value. The bounds have said
  // what a field accepts already, so a refusal here is rare (said plainly all the same).
  const dryRun = (name: string, patch: Patch): string | null => (updateRole(store.getState().doc, role.id, patch).ok ? null : t('valRefused', { field: name }));
  const commit = (patch: Patch) => store.getState().run((d) => updateRole(d, role.id, patch));
  const check = <V extends string | number | undefined>(bound: Bound, name: string, optional: boolean, patch: (value: V) => Patch) =>
    bounded<V>(bound, name, language, optional, (value) => dryRun(name, patch(value)));
  const field = <K extends keyof Patch & string>(key: K, bound: Bound, name: string, optional = false) => ({
    validate: check<Patch[K] & (string | number | undefined)>(bound, name, optional, (value) => ({ [key]: value }) as Patch),
    commit: (value: Patch[K]) => commit({ [key]: value } as Patch),
  });
  // The re-parent the field shows as valid is the document Enter commits, prepared meanwhile.
  const moveTo = useMemo(() => speculative((d: OrgDocument, to: string | null) => moveRole(d, role.id, to)), [role.id]);
  const titleOf = (id: string) => titleById(doc, id, language) ?? `${id} (${t('missing')})`;
  // "By family" names the archetype this document's SPAN-002 settings give the family, as the rules read it.
  const archetypeDefault = familyArchetype(role.family, effectiveParams(doc)['SPAN-002'].defaultArchetype);
  const derived = derive(doc);
  const findings = derived.findings.filter((f) => f.roles.includes(role.id));
  const at = derived.index.roleIndex(role.id);
  const defaultScope: Scope = role.external ? 'department' : at !== undefined && derived.index.kids(at).length > 0 ? 'team' : 'own';
  const holder = role.holder;
  const profile = hasRoleProfile(role.family);
  const profileRef = useRef<HTMLDetailsElement>(null);
  const profileId = useId();
  const jumpToProfile = (e: React.MouseEvent) => {
    e.preventDefault();
    const details = profileRef.current;
    if (!details) return;
    details.open = true;
    sections.set('profile', true);
    const summary = details.querySelector('summary');
    details.scrollIntoView({ block: 'start' });
    summary?.focus({ preventScroll: true });
  };
  const count = (c: number) => (c > 0 ? c : undefined);

  return (
    <div className="inspector-body">
      <h2>
        {t('role')} <code>{role.id}</code>
      </h2>
      {profile && (
        <a className="profile-jump" href={`#${profileId}`} onClick={jumpToProfile}>
          {t('profileJump')}
        </a>
      )}
      <TextField label={t('title')} inputId="inspector-title" wrap value={role.title} {...field('title', BOUNDS.title, t('title'))} />

      <Section id="role" title={t('role')} sections={sections}>
        <TextField
          label={t('titleZh')}
          optional
          wrap
          value={Object.hasOwn(role.titles, 'zh-CN') ? role.titles['zh-CN'] : undefined}
          validate={check<string | undefined>(BOUNDS.titleZh, t('titleZh'), true, (v) => ({ titles: withTitle(role, v) }))}
          commit={(v) => commit({ titles: withTitle(role, v) })}
        />
        <SelectField label={t('family')} value={role.family} options={words.family} commit={(family) => commit({ family })} />
        <SelectField label={t('function')} value={role.function} options={words.function} commit={(fn) => commit({ function: fn })} />
        <NumberField label={t('level')} value={role.level} {...field('level', BOUNDS.level, t('level'))} />
        <TextField
          label={t('reportsTo')}
          optional
          value={role.reportsTo ?? undefined}
          suggest={(draft) => matchingRoles(doc, draft, (id) => id === role.id, language)}
          hint={role.reportsTo === null ? t('noManager') : titleOf(role.reportsTo)}
          validate={(to) => reason(moveTo(store.getState().doc, to ?? null))}
          commit={(to) => store.getState().run((d) => moveTo(d, to ?? null))}
        />
        <SelectField
          label={t('archetype')}
          value={role.archetype ?? ''}
          options={[['', t('byFamily', { value: words.term('archetype', archetypeDefault) })] as const, ...words.archetype]}
          commit={(a) => commit({ archetype: a === '' ? undefined : a })}
        />
        <CheckField label={t('external')} value={role.external} commit={(external) => commit({ external })} />
        <CheckField label={t('assistant')} value={role.assistant} commit={(assistant) => commit({ assistant })} />
        <div className="field-row">
          <NumberField label={t('headcount')} value={role.headcount} {...field('headcount', BOUNDS.headcount, t('headcount'))} />
          <NumberField label={t('vacancies')} value={role.vacancies} {...field('vacancies', BOUNDS.vacancies, t('vacancies'))} />
        </div>
      </Section>

      <Section id="holder" title={t('holder')} sections={sections}>
        <TextField
          label={t('holderName')}
          optional
          wrap
          value={holder?.name}
          validate={check<string | undefined>(BOUNDS.holderName, t('holderName'), true, (name) => ({ holder: name === undefined ? undefined : { ...holder, name } }))}
          commit={(name) => commit({ holder: name === undefined ? undefined : { ...holder, name } })}
        />
        {holder && (
          <>
            <NumberField
              label={t('yearsExperience')}
              optional
              value={holder.yearsExperience}
              validate={check<number | undefined>(BOUNDS.years, t('yearsExperience'), true, (v) => ({ holder: { ...holder, yearsExperience: v } }))}
              commit={(v) => commit({ holder: { ...holder, yearsExperience: v } })}
            />
            <NumberField
              label={t('yearsManagement')}
              optional
              value={holder.yearsManagement}
              validate={check<number | undefined>(BOUNDS.years, t('yearsManagement'), true, (v) => ({ holder: { ...holder, yearsManagement: v } }))}
              commit={(v) => commit({ holder: { ...holder, yearsManagement: v } })}
            />
            <TextField label={t('languages')} optional wrap value={holder.languages?.join(', ')} commit={(v) => commit({ holder: { ...holder, languages: splitList(v) } })} />
          </>
        )}
        <fieldset>
          <legend>{t('requirements')}</legend>
          <NumberField
            label={t('yearsManagement')}
            optional
            value={role.requirements?.minYearsManagement}
            validate={check<number | undefined>(BOUNDS.years, t('yearsManagement'), true, (v) => ({ requirements: { ...role.requirements, minYearsManagement: v } }))}
            commit={(v) => commit({ requirements: compact({ ...role.requirements, minYearsManagement: v }) })}
          />
          <NumberField
            label={t('yearsExperience')}
            optional
            value={role.requirements?.minYearsExperience}
            validate={check<number | undefined>(BOUNDS.years, t('yearsExperience'), true, (v) => ({ requirements: { ...role.requirements, minYearsExperience: v } }))}
            commit={(v) => commit({ requirements: compact({ ...role.requirements, minYearsExperience: v }) })}
          />
          <TextField label={t('languages')} optional wrap value={role.requirements?.languages?.join(', ')} commit={(v) => commit({ requirements: compact({ ...role.requirements, languages: splitList(v) }) })} />
        </fieldset>
      </Section>

      <Section id="money" title={t('sectionMoney')} sections={sections}>
        <div className="field-row">
          <NumberField
            label={`${t('salaryMin')} (${doc.currency})`}
            optional
            value={role.salary?.min}
            validate={check<number | undefined>(BOUNDS.salary, t('salaryMin'), true, (v) => ({ salary: salaryWith(role, { min: v }) }))}
            commit={(v) => commit({ salary: salaryWith(role, { min: v }) })}
          />
          <NumberField
            label={`${t('salaryMax')} (${doc.currency})`}
            optional
            value={role.salary?.max}
            validate={check<number | undefined>(BOUNDS.salary, t('salaryMax'), true, (v) => ({ salary: salaryWith(role, { max: v }) }))}
            commit={(v) => commit({ salary: salaryWith(role, { max: v }) })}
          />
        </div>
        <NumberField
          label={t('bonusPct')}
          optional
          value={role.salary?.bonusPct}
          validate={check<number | undefined>(BOUNDS.bonusPct, t('bonusPct'), true, (v) => ({ salary: salaryWith(role, { bonusPct: v }) }))}
          commit={(v) => commit({ salary: salaryWith(role, { bonusPct: v }) })}
        />
        <NumberField label={`${t('revenueTarget')} (${doc.currency})`} optional value={role.revenueTarget} {...field('revenueTarget', BOUNDS.revenueTarget, t('revenueTarget'), true)} />
      </Section>

      <Section id="accounts" title={t('accounts')} count={count(role.accounts.length)} sections={sections}>
        <ListEditor
          legend={t('accounts')}
          items={role.accounts}
          commit={(accounts) => commit({ accounts })}
          onAdd={() => commit({ accounts: [...role.accounts, { tier: firstMissing(ACCOUNT_TIERS, role.accounts.map((a) => a.tier)) ?? ACCOUNT_TIERS[0], count: 1 }] })}
          row={(a, set) => (
            <div className="row-pair">
              <SelectField label={t('tier')} value={a.tier} options={words.tier} commit={(tier) => set({ ...a, tier })} />
              <NumberField label={t('count')} value={a.count} validate={bounded(BOUNDS.accountCount, t('count'), language, false)} commit={(c) => set({ ...a, count: c ?? 0 })} />
            </div>
          )}
        />
      </Section>

      <Section id="decisions" title={t('decisions')} count={count(role.decisions.length)} sections={sections}>
        <ListEditor
          legend={t('decisions')}
          items={role.decisions}
          commit={(decisions) => commit({ decisions })}
          onAdd={() => store.getState().run((d) => newDecision(d, role.id))}
          addNote={DECISION_AREAS.every((a) => role.decisions.some((d) => d.area === a)) ? t('allAreasListed') : undefined}
          row={(d, set) => (
            <>
              <SelectField label={t('area')} value={d.area} options={words.area} commit={(area) => set({ ...d, area })} />
              <div className="row-pair">
                <SelectField label={t('authority')} value={d.authority} options={words.authority} commit={(authority) => set({ ...d, authority })} />
                <NumberField
                  label={d.limit && 'amount' in d.limit ? `${t('limitAmount')} (${doc.currency})` : t('limitPercent')}
                  optional
                  value={d.limit ? ('percent' in d.limit ? d.limit.percent : d.limit.amount) : undefined}
                  validate={bounded(d.limit && 'amount' in d.limit ? BOUNDS.limitAmount : BOUNDS.limitPercent, d.limit && 'amount' in d.limit ? t('limitAmount') : t('limitPercent'), language, true)}
                  commit={(v) => set({ ...d, limit: limitWith(d, v) })}
                />
              </div>
              <SelectField
                label={t('scope')}
                value={d.scope ?? ''}
                options={[['', t('scopeDefault', { scope: words.scope(defaultScope) })] as const, ...words.scopes]}
                hint={t(`scopeHint_${d.scope ?? defaultScope}`)}
                commit={(scope) => set({ ...d, scope: scope === '' ? undefined : scope })}
              />
            </>
          )}
        />
      </Section>

      <Section id="budgets" title={t('budgets')} count={count(role.budgets.length)} sections={sections}>
        <ListEditor
          legend={t('budgets')}
          items={role.budgets}
          commit={(budgets) => commit({ budgets })}
          onAdd={() => commit({ budgets: [...role.budgets, { id: freshBudgetId(doc, role), kind: firstMissing(BUDGET_KINDS, role.budgets.map((b) => b.kind)) ?? 'operating', amount: 0 }] })}
          row={(b, set) => (
            <>
              <TextField label={t('budgetId')} value={b.id} validate={bounded(BOUNDS.budgetId, t('budgetId'), language, false)} commit={(id) => set({ ...b, id: id ?? '' })} />
              <SelectField label={t('kind')} value={b.kind} options={words.budgetKind} commit={(kind) => set({ ...b, kind })} />
              <NumberField label={`${t('amount')} (${doc.currency})`} value={b.amount} validate={bounded(BOUNDS.budgetAmount, t('amount'), language, false)} commit={(amount) => set({ ...b, amount: amount ?? 0 })} />
              <TextField label={t('parentBudget')} optional value={b.parent} validate={bounded(BOUNDS.budgetId, t('parentBudget'), language, true)} commit={(parent) => set({ ...b, parent })} />
            </>
          )}
        />
      </Section>

      <Section id="lines" title={t('dottedLines')} count={count(role.dottedLines.length)} sections={sections}>
        <ListEditor
          legend={t('dottedLines')}
          items={role.dottedLines}
          commit={(dottedLines) => commit({ dottedLines })}
          form={(close) => <NewLineForm role={role} doc={doc} words={words} close={close} />}
          row={(d, set) => (
            <>
              <TextField
                label={t('lineTo')}
                value={d.to}
                suggest={(draft) => matchingRoles(doc, draft, (id) => !lineTargetAllowed(role, id, d.to), language)}
                hint={titleOf(d.to)}
                validate={(to) => lineTargetProblem(doc, role, to ?? '', t, d.to) ?? null}
                commit={(to) => to && set({ ...d, to })}
              />
              <SelectField label={t('kind')} value={d.kind} options={words.dotted} commit={(kind) => set({ ...d, kind })} />
            </>
          )}
        />
      </Section>

      <Section id="exceptions" title={t('exceptions')} count={count(role.exceptions.length)} sections={sections}>
        <ListEditor
          legend={t('exceptions')}
          items={role.exceptions}
          commit={(exceptions) => commit({ exceptions })}
          form={(close) => <NewExceptionForm role={role} rules={rules} findings={findings} close={close} />}
          row={(e, set) => (
            <>
              <p className="exception-rule">
                <code>{e.rule}</code> {rules.find((r) => r.id === e.rule)?.title}
              </p>
              <TextField label={t('reason')} wrap value={e.reason} validate={bounded(BOUNDS.reason, t('reason'), language, false)} commit={(r) => set({ ...e, reason: r ?? '' })} />
            </>
          )}
        />
      </Section>

      {profile && (
        <Section id="profile" title={t('roleProfile')} sections={sections} detailsRef={profileRef} domId={profileId}>
          <RoleProfile family={role.family} language={language} />
        </Section>
      )}
      <button type="button" className="danger" onClick={() => store.getState().run((d) => removeRoles(d, [role.id]))}>
        {t('deleteRole')}
      </button>
    </div>
  );
}

/** A section of the role that folds; its open state is the inspector's. */
function Section({ id, title, count, sections, detailsRef, domId, children }: { id: SectionId; title: string; count?: number; sections: Sections; detailsRef?: React.Ref<HTMLDetailsElement>; domId?: string; children: ReactNode }) {
  return (
    <details className="inspector-section" data-section={id} id={domId} ref={detailsRef} open={sections.open[id]} onToggle={(e) => sections.set(id, e.currentTarget.open)}>
      <summary>
        {title}
        {count !== undefined && <span className="count"> ({count})</span>}
      </summary>
      <div className="section-body">{children}</div>
    </details>
  );
}

/**
 * A list of small objects edited row by row; each change commits the whole list. A new
 * row comes from `onAdd`, or from `form`, which asks what the row needs before adding it.
 */
function ListEditor<I>({
  legend,
  items,
  commit,
  row,
  onAdd,
  addNote,
  form,
}: {
  legend: string;
  items: readonly I[];
  commit: (items: I[]) => void;
  row: (item: I, set: (item: I) => void) => ReactNode;
  onAdd?: () => void;
  addNote?: string;
  form?: (close: () => void) => ReactNode;
}) {
  const t = useT();
  // 'closed': a form was just closed, so the focus goes back to "Add".
  const [adding, setAdding] = useState<'no' | 'yes' | 'closed'>('no');
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (adding === 'closed') addButton.current?.focus();
  }, [adding]);
  const close = useCallback(() => setAdding('closed'), []);
  return (
    <div className="list-editor">
      {items.map((item, i) => (
        <div className="list-row" role="group" aria-label={`${legend} ${i + 1}`} key={i}>
          {row(item, (next) => commit(items.map((x, k) => (k === i ? next : x))))}
          <button type="button" className="link remove" aria-label={`${t('remove')} ${legend} ${i + 1}`} onClick={() => commit(items.filter((_, k) => k !== i))}>
            {t('remove')}
          </button>
        </div>
      ))}
      {adding === 'yes' && form ? (
        form(close)
      ) : (
        <>
          {addNote && <p className="hint">{addNote}</p>}
          {(onAdd || form) && !addNote && (
            <button type="button" ref={addButton} className="link add" aria-label={`${t('add')} ${legend}`} onClick={() => (form ? setAdding('yes') : onAdd?.())}>
              <span aria-hidden="true">+ </span>
              {t('add')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

/** Why a role cannot be the target of this role's dotted line (null when it can); `current` is the line's own target when editing it. */
function lineTargetProblem(doc: OrgDocument, role: Role, to: string, t: T, current?: string): string | null {
  if (to === '') return t('required');
  if (to === role.id) return t('lineToSelf');
  if (titleById(doc, to, 'en') === null) return t('noSuchRole');
  if (to === current) return null;
  if (to === role.reportsTo) return t('lineToManager');
  if (role.dottedLines.some((d) => d.to === to)) return t('lineExists');
  return null;
}

/** Whether a role may be suggested as the target of a dotted line: not the role, its manager, nor a role it has a line to. */
function lineTargetAllowed(role: Role, id: string, current?: string): boolean {
  return id !== role.id && id !== role.reportsTo && (id === current || !role.dottedLines.some((d) => d.to === id));
}

/** A new dotted line: nothing is added until its target is picked (as "Reports to" picks a role). */
function NewLineForm({ role, doc, words, close }: { role: Role; doc: OrgDocument; words: Words; close: () => void }) {
  const t = useT();
  const store = useOrgStore();
  const language = useOrg(selectLanguage);
  const [target, setTarget] = useState('');
  const [kind, setKind] = useState<DottedLine['kind']>('partner');
  const to = target.trim();
  const problem = lineTargetProblem(doc, role, to, t);
  const offered = to === '' ? [] : matchingRoles(doc, to, (id) => !lineTargetAllowed(role, id), language);
  // Text that is not a role yet but leads to some is still being typed: the hint, not an error.
  const typing = problem !== null && offered.length > 0 && titleById(doc, to, language) === null;
  const add = () => {
    if (problem) return;
    const result = store.getState().run((d) => addDottedLine(d, role.id, { to, kind }));
    if (result.ok) close();
  };
  return (
    <div className="new-row" role="group" aria-label={t('newLine')}>
      <DraftField
        label={t('lineTarget')}
        value={target}
        onChange={setTarget}
        onEnter={add}
        onEscape={close}
        autoFocus
        suggest={() => offered}
        error={to === '' || typing ? null : problem}
        hint={to !== '' && !problem ? titleById(doc, to, language) : t('lineTargetHint')}
      />
      <SelectField label={t('kind')} value={kind} options={words.dotted} commit={setKind} />
      <div className="new-row-actions">
        <button type="button" className="primary" disabled={problem !== null} onClick={add}>
          {t('addLine')}
        </button>
        <button type="button" onClick={close}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * A new accepted exception: the rule (those of the role's findings first) and a reason the
 * person writes; nothing is added until both are given.
 */
function NewExceptionForm({ role, rules, findings, close }: { role: Role; rules: readonly RuleInfo[]; findings: readonly Finding[]; close: () => void }) {
  const t = useT();
  const store = useOrgStore();
  const language = useOrg(selectLanguage);
  const name = useId();
  const excepted = new Set(role.exceptions.map((e) => e.rule));
  const onRole = [...new Set(findings.filter((f) => f.accepted === undefined && !excepted.has(f.rule)).map((f) => f.rule))]
    .map((id) => rules.find((r) => r.id === id))
    .filter((r): r is RuleInfo => r !== undefined);
  const others = rules.filter((r) => !onRole.includes(r) && !excepted.has(r.id));
  const [rule, setRule] = useState(onRole[0]?.id ?? '');
  const [text, setText] = useState('');
  const reasonText = text.trim();
  const reasonProblem = reasonText === '' ? null : checkBound(BOUNDS.reason, t('reason'), language, reasonText);
  const ready = rule !== '' && reasonText !== '' && reasonProblem === null;
  const add = () => {
    if (!ready) return;
    const result = store.getState().run((d) => updateRole(d, role.id, { exceptions: [...role.exceptions, { rule, reason: reasonText }] }));
    if (result.ok) close();
  };
  const choice = (r: RuleInfo) => (
    <label className="rule-choice" key={r.id}>
      <input type="radio" name={name} value={r.id} checked={rule === r.id} onChange={() => setRule(r.id)} />
      <span>
        <code>{r.id}</code> {r.title}
      </span>
    </label>
  );
  return (
    <div className="new-row" role="group" aria-label={t('newException')}>
      <fieldset className="rule-picker">
        <legend>{t('rule')}</legend>
        {onRole.length > 0 && (
          <div role="group" aria-label={t('exceptionRulesOfRole')}>
            <p className="group-name" aria-hidden="true">
              {t('exceptionRulesOfRole')}
            </p>
            {onRole.map(choice)}
          </div>
        )}
        <details className="other-rules" open={onRole.length === 0}>
          <summary>
            {t('exceptionOtherRules')} <span className="count">({others.length})</span>
          </summary>
          {others.map(choice)}
        </details>
      </fieldset>
      <DraftField
        label={t('reason')}
        value={text}
        onChange={setText}
        onEnter={add}
        onEscape={close}
        wrap
        autoFocus={onRole.length > 0}
        error={reasonProblem}
        hint={t('exceptionReasonHint')}
      />
      <div className="new-row-actions">
        <button type="button" className="primary" disabled={!ready} onClick={add}>
          {t('addException')}
        </button>
        <button type="button" onClick={close}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

/** A finding as the rules would give it again for the same subject (the message's numbers aside). */
const findingKey = (f: Finding) => `${f.rule} ${f.severity} ${f.messageId ?? ''} ${f.roles.join(' ')}`;

/** How long a new decision right may spend trying areas and authorities against the rules. */
const DECISION_SEARCH_MS = 150;

/**
 * A new decision right for the role: the first area it does not list yet, with the first
 * authority (decide, then recommend, then input) that gives no finding the document did not
 * have; scope and limit are left to their defaults. Without the rules loaded, or when
 * nothing is clean within the time allowed: the first area not listed, decided.
 */
function newDecision(doc: OrgDocument, roleId: string): CommandResult {
  const role = doc.roles.find((r) => r.id === roleId);
  const area = role && DECISION_AREAS.find((a) => !role.decisions.some((d) => d.area === a));
  if (!role || !area) return refuse('invalid', 'Every decision area is listed.');
  const withRight = (right: DecisionRight) => updateRole(doc, roleId, { decisions: [...role.decisions, right] });
  const before = derive(doc);
  if (before.checked) {
    const had = new Map<string, number>();
    for (const f of before.findings) had.set(findingKey(f), (had.get(findingKey(f)) ?? 0) + 1);
    const start = performance.now();
    for (const a of DECISION_AREAS) {
      if (role.decisions.some((d) => d.area === a)) continue;
      for (const authority of ['decide', 'recommend', 'input'] as const) {
        const result = withRight({ area: a, authority });
        if (!result.ok) continue;
        const seen = new Map<string, number>();
        const clean = derive(result.doc).findings.every((f) => {
          const key = findingKey(f);
          const n = (seen.get(key) ?? 0) + 1;
          seen.set(key, n);
          return n <= (had.get(key) ?? 0);
        });
        if (clean) return result;
        if (performance.now() - start > DECISION_SEARCH_MS) return withRight({ area, authority: 'decide' });
      }
    }
  }
  return withRight({ area, authority: 'decide' });
}

/** The first of `all` not in `taken`. */
function firstMissing<X extends string>(all: readonly X[], taken: readonly X[]): X | undefined {
  return all.find((x) => !taken.includes(x));
}

/** A budget id no budget of the document has yet: `<role>-budget-<n>`. */
function freshBudgetId(doc: OrgDocument, role: Role): string {
  const taken = new Set(doc.roles.flatMap((r) => r.budgets.map((b) => b.id)));
  for (let n = role.budgets.length + 1; ; n++) {
    const suffix = `-budget-${n}`;
    const id = `${role.id.slice(0, 64 - suffix.length)}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

function DocumentInspector({ doc }: { doc: OrgDocument }) {
  const t = useT();
  // The rule settings list every rule of the catalogue (rules/all.ts), titled in the UI language.
  const rules = catalogue(useRuleTexts() ?? undefined);
  const store = useOrgStore();
  const language = useOrg(selectLanguage);
  const check = (bound: Bound, name: string, optional: boolean, patch: (value: string | undefined) => Parameters<typeof updateDocument>[1]) =>
    bounded<string | undefined>(bound, name, language, optional, (value) => (updateDocument(store.getState().doc, patch(value)).ok ? null : t('valRefused', { field: name })));
  const commit = (patch: Parameters<typeof updateDocument>[1]) => store.getState().run((d) => updateDocument(d, patch));
  return (
    <div className="inspector-body">
      <h2>{t('document')}</h2>
      <p className="hint">{t('selectRole')}</p>
      <TextField label={t('documentName')} wrap value={doc.name} validate={check(BOUNDS.documentName, t('documentName'), false, (name) => ({ name: name ?? '' }))} commit={(name) => commit({ name: name ?? '' })} />
      <TextField label={t('currency')} value={doc.currency} validate={check(BOUNDS.currency, t('currency'), false, (currency) => ({ currency: currency ?? '' }))} commit={(currency) => commit({ currency: currency ?? '' })} />
      <TextField label={t('period')} optional value={doc.period} validate={check(BOUNDS.period, t('period'), true, (period) => ({ period }))} commit={(period) => commit({ period })} />
      <TextField label={t('description')} optional multiline value={doc.description} validate={check(BOUNDS.description, t('description'), true, (description) => ({ description }))} commit={(description) => commit({ description })} />
      <fieldset className="rule-settings">
        <legend>{t('ruleSettings')}</legend>
        <table>
          <thead>
            <tr>
              <th>{t('rule')}</th>
              <th>{t('enabled')}</th>
              <th>{t('severity')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => {
              const setting = Object.hasOwn(doc.settings.rules, rule.id) ? doc.settings.rules[rule.id] : undefined;
              const update = (patch: { enabled?: boolean; severity?: (typeof SEVERITIES)[number] | undefined }) => {
                const next = { ...setting, ...patch };
                if (next.enabled !== false) delete next.enabled;
                if (next.severity === undefined) delete next.severity;
                store.getState().run((d) => setRuleSetting(d, rule.id, Object.keys(next).length > 0 ? next : undefined));
              };
              return (
                <tr key={rule.id}>
                  <td title={rule.title}>
                    <code>{rule.id}</code> {rule.title}
                  </td>
                  <td>
                    <input type="checkbox" aria-label={`${t('enabled')} ${rule.id}`} checked={setting?.enabled !== false} onChange={(e) => update({ enabled: e.target.checked })} />
                  </td>
                  <td>
                    <select aria-label={`${t('severity')} ${rule.id}`} value={setting?.severity ?? ''} title={setting?.severity} onChange={(e) => update({ severity: e.target.value === '' ? undefined : (e.target.value as (typeof SEVERITIES)[number]) })}>
                      <option value="">{t('defaultSeverity')}</option>
                      {SEVERITIES.map((s) => (
                        <option key={s} value={s} title={s}>
                          {t(SEVERITY_WORDS[s])}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
    </div>
  );
}

const SEVERITY_WORDS = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' } as const satisfies Record<(typeof SEVERITIES)[number], StringKey>;

function withTitle(role: Role, zh: string | undefined): Record<string, string> {
  const titles: Record<string, string> = Object.fromEntries(Object.entries(role.titles).filter(([k]) => k !== 'zh-CN'));
  return zh === undefined ? titles : Object.fromEntries([...Object.entries(titles), ['zh-CN', zh]]);
}

function salaryWith(role: Role, patch: { min?: number; max?: number; bonusPct?: number }): Patch['salary'] {
  const merged = { min: role.salary?.min, max: role.salary?.max, bonusPct: role.salary?.bonusPct, ...patch };
  if (merged.min === undefined && merged.max === undefined) return undefined;
  return { min: merged.min ?? merged.max ?? 0, max: merged.max ?? merged.min ?? 0, ...(merged.bonusPct !== undefined ? { bonusPct: merged.bonusPct } : {}) };
}

function limitWith(d: { limit?: { percent: number } | { amount: number } }, value: number | undefined) {
  if (value === undefined) return undefined;
  return d.limit && 'amount' in d.limit ? { amount: value } : { percent: value };
}

function splitList(text: string | undefined): string[] | undefined {
  const list = (text ?? '').split(/[,\s]+/).filter(Boolean);
  return list.length > 0 ? list : undefined;
}

function compact<O extends object>(obj: O): O | undefined {
  const entries = Object.entries(obj).filter(([, v]) => v !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as O) : undefined;
}

const MAX_SUGGESTIONS = 30;

/**
 * Roles to suggest for a draft, other than those `skip` names: those whose id or title
 * starts with it first, then those that contain it (case-insensitive), at most MAX_SUGGESTIONS.
 */
function matchingRoles(doc: OrgDocument, draft: string, skip: (id: string) => boolean, language: Language): (readonly [string, string])[] {
  const needle = draft.trim().toLowerCase();
  const starts: (readonly [string, string])[] = [];
  const contains: (readonly [string, string])[] = [];
  for (const r of doc.roles) {
    if (starts.length === MAX_SUGGESTIONS) break;
    if (skip(r.id)) continue;
    const title = localTitle(r, language);
    const id = r.id.toLowerCase();
    const name = title.toLowerCase();
    if (id.startsWith(needle) || name.startsWith(needle)) starts.push([r.id, title]);
    else if (contains.length < MAX_SUGGESTIONS && (id.includes(needle) || name.includes(needle))) contains.push([r.id, title]);
  }
  return [...starts, ...contains].slice(0, MAX_SUGGESTIONS);
}

/** The refusal of a dry-run command as a field message, or null when it would succeed. */
function reason(result: ReturnType<typeof moveRole>): string | null {
  return result.ok ? null : result.reason;
}
