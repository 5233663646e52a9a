/**
 * The inspector: every field of the selected role, or the document's fields and rule
 * settings when nothing is selected. Edits go through the pure commands; a value the
 * format refuses is shown at the field and never reaches the document.
 */
import { useId, useMemo } from 'react';
import { moveRole, removeRoles } from '../model/commands.ts';
import { setRuleSetting, updateDocument, updateRole, type RolePatch } from '../model/field-commands.ts';
import { ACCOUNT_TIERS, ARCHETYPES, AUTHORITIES, BUDGET_KINDS, DECISION_AREAS, DOTTED_KINDS, FAMILIES, FUNCTIONS, SCOPES, SEVERITIES } from '../schema/constants.ts';
import type { OrgDocument, Role } from '../schema/v1.ts';
import { catalogue } from '../rules/catalogue.ts';
import { effectiveParams } from '../rules/engine.ts';
import { familyArchetype } from '../model/facts.ts';
import { derive } from '../store/derived.ts';
import { speculative } from '../store/speculate.ts';
import type { OrgState } from '../store/orgStore.ts';
import { useOrg, useOrgStore, useRuleTexts, useT } from './context.tsx';
import { CheckField, NumberField, SelectField, TextField } from './fields.tsx';
import { localTitle, titleById } from './labels.ts';
import { RoleProfile } from './RoleProfile.tsx';
import type { Language } from './strings.ts';

type Patch = RolePatch;

const selectDoc = (s: OrgState) => s.doc;
const selectFirst = (s: OrgState) => s.selection[0];

export function Inspector() {
  const t = useT();
  const doc = useOrg(selectDoc);
  const selected = useOrg(selectFirst);
  const role = selected === undefined ? undefined : doc.roles.find((r) => r.id === selected);
  return (
    <aside className="inspector" aria-label={t('inspector')}>
      {role ? <RoleInspector key={role.id} role={role} doc={doc} /> : <DocumentInspector doc={doc} />}
    </aside>
  );
}

function RoleInspector({ role, doc }: { role: Role; doc: OrgDocument }) {
  const t = useT();
  const rules = catalogue(useRuleTexts() ?? undefined);
  const store = useOrgStore();
  const language = useOrg((s) => s.language);
  // A dry run of the command gives the message a field shows, without touching the document.
  const check = (patch: Patch): string | null => {
    const result = updateRole(store.getState().doc, role.id, patch);
    return result.ok ? null : result.reason.replace(/^[\w.[\]]+: /, '');
  };
  const commit = (patch: Patch) => store.getState().run((d) => updateRole(d, role.id, patch));
  const field = <K extends keyof Patch>(key: K) => ({
    validate: (value: Patch[K]) => check({ [key]: value } as Patch),
    commit: (value: Patch[K]) => commit({ [key]: value } as Patch),
  });
  // The re-parent the field shows as valid is the document Enter commits, prepared meanwhile.
  const moveTo = useMemo(() => speculative((d: OrgDocument, to: string | null) => moveRole(d, role.id, to)), [role.id]);
  const titleOf = (id: string) => titleById(doc, id, language) ?? `${id} (${t('missing')})`;
  const suggestRoles = (draft: string) => matchingRoles(doc, draft, role.id, language);
  // "By family" names the archetype this document's SPAN-002 settings give the family, as the rules read it.
  const archetypeDefault = familyArchetype(role.family, effectiveParams(doc)['SPAN-002'].defaultArchetype);
  const findings = derive(doc).findings.filter((f) => f.roles.includes(role.id));
  const holder = role.holder;

  return (
    <div className="inspector-body">
      <h2>
        {t('role')} <code>{role.id}</code>
      </h2>
      <TextField label={t('title')} inputId="inspector-title" value={role.title} {...field('title')} />
      <TextField
        label={t('titleZh')}
        optional
        value={Object.hasOwn(role.titles, 'zh-CN') ? role.titles['zh-CN'] : undefined}
        validate={(v) => check({ titles: withTitle(role, v) })}
        commit={(v) => commit({ titles: withTitle(role, v) })}
      />
      <SelectField label={t('family')} value={role.family} options={FAMILIES.map((f) => [f, f] as const)} commit={(family) => commit({ family })} />
      <SelectField label={t('function')} value={role.function} options={FUNCTIONS.map((f) => [f, f] as const)} commit={(fn) => commit({ function: fn })} />
      <NumberField label={t('level')} value={role.level} {...field('level')} />
      <TextField
        label={t('reportsTo')}
        optional
        value={role.reportsTo ?? undefined}
        suggest={suggestRoles}
        hint={role.reportsTo === null ? t('noManager') : titleOf(role.reportsTo)}
        validate={(to) => reason(moveTo(store.getState().doc, to ?? null))}
        commit={(to) => store.getState().run((d) => moveTo(d, to ?? null))}
      />
      <SelectField
        label={t('archetype')}
        value={role.archetype ?? ''}
        options={[['', t('byFamily', { value: archetypeDefault })] as const, ...ARCHETYPES.map((a) => [a, a] as const)]}
        commit={(a) => commit({ archetype: a === '' ? undefined : a })}
      />
      <CheckField label={t('external')} value={role.external} commit={(external) => commit({ external })} />
      <CheckField label={t('assistant')} value={role.assistant} commit={(assistant) => commit({ assistant })} />
      <div className="field-row">
        <NumberField label={t('headcount')} value={role.headcount} {...field('headcount')} />
        <NumberField label={t('vacancies')} value={role.vacancies} {...field('vacancies')} />
      </div>

      <fieldset>
        <legend>{t('holder')}</legend>
        <TextField
          label={t('holderName')}
          optional
          value={holder?.name}
          validate={(name) => (name === undefined ? null : check({ holder: { ...holder, name } }))}
          commit={(name) => commit({ holder: name === undefined ? undefined : { ...holder, name } })}
        />
        {holder && (
          <>
            <NumberField label={t('yearsExperience')} optional value={holder.yearsExperience} validate={(v) => check({ holder: { ...holder, yearsExperience: v } })} commit={(v) => commit({ holder: { ...holder, yearsExperience: v } })} />
            <NumberField label={t('yearsManagement')} optional value={holder.yearsManagement} validate={(v) => check({ holder: { ...holder, yearsManagement: v } })} commit={(v) => commit({ holder: { ...holder, yearsManagement: v } })} />
            <TextField label={t('languages')} optional value={holder.languages?.join(', ')} commit={(v) => commit({ holder: { ...holder, languages: splitList(v) } })} />
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('salaryMin')} / {t('salaryMax')}</legend>
        <div className="field-row">
          <NumberField label={`${t('salaryMin')} (${doc.currency})`} optional value={role.salary?.min} validate={(v) => check({ salary: salaryWith(role, { min: v }) })} commit={(v) => commit({ salary: salaryWith(role, { min: v }) })} />
          <NumberField label={`${t('salaryMax')} (${doc.currency})`} optional value={role.salary?.max} validate={(v) => check({ salary: salaryWith(role, { max: v }) })} commit={(v) => commit({ salary: salaryWith(role, { max: v }) })} />
        </div>
        <NumberField label={t('bonusPct')} optional value={role.salary?.bonusPct} validate={(v) => check({ salary: salaryWith(role, { bonusPct: v }) })} commit={(v) => commit({ salary: salaryWith(role, { bonusPct: v }) })} />
      </fieldset>
      <NumberField label={`${t('revenueTarget')} (${doc.currency})`} optional value={role.revenueTarget} {...field('revenueTarget')} />

      <ListEditor
        legend={t('accounts')}
        items={role.accounts}
        make={() => ({ tier: 'enterprise' as const, count: 1 })}
        commit={(accounts) => commit({ accounts })}
        row={(a, set) => (
          <>
            <SelectField label={t('tier')} value={a.tier} options={ACCOUNT_TIERS.map((x) => [x, x] as const)} commit={(tier) => set({ ...a, tier })} />
            <NumberField label={t('count')} value={a.count} validate={(count) => check({ accounts: [{ ...a, count: count ?? 0 }] })} commit={(count) => set({ ...a, count: count ?? 0 })} />
          </>
        )}
      />
      <ListEditor
        legend={t('budgets')}
        items={role.budgets}
        make={() => ({ id: `${role.id}-budget-${role.budgets.length + 1}`.slice(0, 64), kind: 'operating' as const, amount: 0 })}
        commit={(budgets) => commit({ budgets })}
        row={(b, set) => (
          <>
            <TextField label={t('budgetId')} value={b.id} validate={(id) => check({ budgets: [{ ...b, id: id ?? '' }] })} commit={(id) => set({ ...b, id: id ?? '' })} />
            <SelectField label={t('kind')} value={b.kind} options={BUDGET_KINDS.map((x) => [x, x] as const)} commit={(kind) => set({ ...b, kind })} />
            <NumberField label={`${t('amount')} (${doc.currency})`} value={b.amount} validate={(amount) => check({ budgets: [{ ...b, amount: amount ?? 0 }] })} commit={(amount) => set({ ...b, amount: amount ?? 0 })} />
            <TextField label={t('parentBudget')} optional value={b.parent} validate={(parent) => check({ budgets: [{ ...b, parent }] })} commit={(parent) => set({ ...b, parent })} />
          </>
        )}
      />
      <ListEditor
        legend={t('decisions')}
        items={role.decisions}
        make={() => ({ area: 'account-plan' as const, authority: 'decide' as const })}
        commit={(decisions) => commit({ decisions })}
        row={(d, set) => (
          <>
            <SelectField label={t('area')} value={d.area} options={DECISION_AREAS.map((x) => [x, x] as const)} commit={(area) => set({ ...d, area })} />
            <SelectField label={t('authority')} value={d.authority} options={AUTHORITIES.map((x) => [x, x] as const)} commit={(authority) => set({ ...d, authority })} />
            <SelectField label={t('scope')} value={d.scope ?? ''} options={[['', t('defaultScope')] as const, ...SCOPES.map((x) => [x, x] as const)]} commit={(scope) => set({ ...d, scope: scope === '' ? undefined : scope })} />
            <NumberField
              label={d.limit && 'amount' in d.limit ? `${t('limitAmount')} (${doc.currency})` : t('limitPercent')}
              optional
              value={d.limit ? ('percent' in d.limit ? d.limit.percent : d.limit.amount) : undefined}
              validate={(v) => check({ decisions: [{ ...d, limit: limitWith(d, v) }] })}
              commit={(v) => set({ ...d, limit: limitWith(d, v) })}
            />
          </>
        )}
      />
      <ListEditor
        legend={t('dottedLines')}
        items={role.dottedLines}
        make={() => ({ to: role.reportsTo ?? doc.roles.find((r) => r.id !== role.id)?.id ?? role.id, kind: 'partner' as const })}
        commit={(dottedLines) => commit({ dottedLines })}
        row={(d, set) => (
          <>
            <TextField
              label={t('lineTo')}
              value={d.to}
              suggest={suggestRoles}
              hint={titleOf(d.to)}
              validate={(to) => (to === undefined || to === '' ? t('required') : titleById(doc, to, language) !== null ? null : t('noSuchRole'))}
              commit={(to) => to && set({ ...d, to })}
            />
            <SelectField label={t('kind')} value={d.kind} options={DOTTED_KINDS.map((x) => [x, x] as const)} commit={(kind) => set({ ...d, kind })} />
          </>
        )}
      />
      <fieldset>
        <legend>{t('requirements')}</legend>
        <NumberField label={t('yearsManagement')} optional value={role.requirements?.minYearsManagement} commit={(v) => commit({ requirements: compact({ ...role.requirements, minYearsManagement: v }) })} validate={(v) => check({ requirements: { ...role.requirements, minYearsManagement: v } })} />
        <NumberField label={t('yearsExperience')} optional value={role.requirements?.minYearsExperience} commit={(v) => commit({ requirements: compact({ ...role.requirements, minYearsExperience: v }) })} validate={(v) => check({ requirements: { ...role.requirements, minYearsExperience: v } })} />
        <TextField label={t('languages')} optional value={role.requirements?.languages?.join(', ')} commit={(v) => commit({ requirements: compact({ ...role.requirements, languages: splitList(v) }) })} />
      </fieldset>
      <ListEditor
        legend={t('exceptions')}
        items={role.exceptions}
        make={() => ({ rule: findings[0]?.rule ?? 'SPAN-003', reason: 'Accepted on purpose' })}
        commit={(exceptions) => commit({ exceptions })}
        row={(e, set) => (
          <>
            <SelectField label={t('rule')} value={e.rule} options={[...rules.map((r) => [r.id, `${r.id} ${r.title}`] as const), ...(rules.some((r) => r.id === e.rule) ? [] : [[e.rule, e.rule] as const])]} commit={(rule) => set({ ...e, rule })} />
            <TextField label={t('reason')} value={e.reason} validate={(reason) => check({ exceptions: [{ ...e, reason: reason ?? '' }] })} commit={(reason) => set({ ...e, reason: reason ?? '' })} />
          </>
        )}
      />
      <RoleProfile family={role.family} language={language} />
      <button type="button" className="danger" onClick={() => store.getState().run((d) => removeRoles(d, [role.id]))}>
        {t('deleteRole')}
      </button>
    </div>
  );
}

/** A list of small objects edited row by row; each change commits the whole list. */
function ListEditor<T>({ legend, items, make, commit, row }: { legend: string; items: readonly T[]; make: () => T; commit: (items: T[]) => void; row: (item: T, set: (item: T) => void) => React.ReactNode }) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className="list-editor" aria-labelledby={id}>
      <legend id={id}>
        {legend} <span className="count">({items.length})</span>
      </legend>
      {items.map((item, i) => (
        <div className="list-row" key={i}>
          {row(item, (next) => commit(items.map((x, k) => (k === i ? next : x))))}
          <button type="button" className="link" aria-label={`${t('remove')} ${legend} ${i + 1}`} onClick={() => commit(items.filter((_, k) => k !== i))}>
            {t('remove')}
          </button>
        </div>
      ))}
      <button type="button" className="link" aria-label={`${t('add')} ${legend}`} onClick={() => commit([...items, make()])}>
        + {t('add')}
      </button>
    </fieldset>
  );
}

function DocumentInspector({ doc }: { doc: OrgDocument }) {
  const t = useT();
  // The rule settings list every rule of the catalogue (rules/all.ts), titled in the UI language.
  const rules = catalogue(useRuleTexts() ?? undefined);
  const store = useOrgStore();
  const check = (patch: Parameters<typeof updateDocument>[1]) => {
    const result = updateDocument(store.getState().doc, patch);
    return result.ok ? null : result.reason.replace(/^\w+: /, '');
  };
  const commit = (patch: Parameters<typeof updateDocument>[1]) => store.getState().run((d) => updateDocument(d, patch));
  return (
    <div className="inspector-body">
      <h2>{t('document')}</h2>
      <p className="hint">{t('selectRole')}</p>
      <TextField label={t('documentName')} value={doc.name} validate={(name) => check({ name: name ?? '' })} commit={(name) => commit({ name: name ?? '' })} />
      <TextField label={t('currency')} value={doc.currency} validate={(currency) => check({ currency: currency ?? '' })} commit={(currency) => commit({ currency: currency ?? '' })} />
      <TextField label={t('period')} optional value={doc.period} validate={(period) => check({ period })} commit={(period) => commit({ period })} />
      <TextField label={t('description')} optional multiline value={doc.description} validate={(description) => check({ description })} commit={(description) => commit({ description })} />
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
                    <select aria-label={`${t('severity')} ${rule.id}`} value={setting?.severity ?? ''} onChange={(e) => update({ severity: e.target.value === '' ? undefined : (e.target.value as (typeof SEVERITIES)[number]) })}>
                      <option value="">{t('defaultSeverity')}</option>
                      {SEVERITIES.map((s) => (
                        <option key={s} value={s}>
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

const SEVERITY_WORDS = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' } as const;

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

function compact<T extends object>(obj: T): T | undefined {
  const entries = Object.entries(obj).filter(([, v]) => v !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
}

const MAX_SUGGESTIONS = 30;

/**
 * Roles to suggest for a draft, other than `except`: those whose id or title starts with
 * it first, then those that contain it (case-insensitive), at most MAX_SUGGESTIONS.
 */
function matchingRoles(doc: OrgDocument, draft: string, except: string, language: Language): (readonly [string, string])[] {
  const needle = draft.trim().toLowerCase();
  const starts: (readonly [string, string])[] = [];
  const contains: (readonly [string, string])[] = [];
  for (const r of doc.roles) {
    if (starts.length === MAX_SUGGESTIONS) break;
    if (r.id === except) continue;
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
