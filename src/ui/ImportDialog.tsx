/**
 * Import of a spreadsheet (CSV, TSV, Excel): the mapping the importer guessed, as a
 * table of columns with sample values and a field for each (every one a dropdown), the
 * inferences, and a preview (roles, top roles, rows with problems) that follows every
 * change; Import then opens the result as a new library document, in one step. The
 * mapping used is remembered for the next file with the same headers.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { FIELDS, guessMapping, planImport, readTable, type FieldId, type ImportPlan, type Mapping, type Table } from '../import/index.ts';
import { CURRENCY_PATTERN, MAX_LENGTH } from '../schema/constants.ts';
import { useOrg, useT, useWorkspace } from './context.tsx';
import { Modal } from './Modal.tsx';
import type { StringKey } from './strings.ts';

const MAPPING_PREFIX = 'org-designer:import-mapping:';
const SAMPLES = 3;
const MAX_PROBLEMS_SHOWN = 50;
/** Offered when the file does not say its currency (any ISO 4217 code is accepted). */
const AMOUNTS: readonly FieldId[] = ['salary', 'salaryMin', 'salaryMax', 'revenueTarget'];
const COMMON_CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'SGD', 'JPY', 'GBP', 'AUD', 'KRW', 'INR'];

/** The key a mapping is remembered under: the file's headers. */
const mappingKey = (table: Table) => MAPPING_PREFIX + JSON.stringify(table.headers);

function rememberedMapping(table: Table): Mapping | null {
  try {
    const saved = JSON.parse(localStorage.getItem(mappingKey(table)) ?? 'null') as Mapping | null;
    if (saved && Array.isArray(saved.columns) && saved.columns.length === table.headers.length && saved.columns.every((c) => c === null || FIELDS.includes(c))) return saved;
  } catch {
    /* nothing remembered, or storage refused */
  }
  return null;
}

function rememberMapping(table: Table, mapping: Mapping) {
  try {
    localStorage.setItem(mappingKey(table), JSON.stringify(mapping));
  } catch {
    /* a preference: not keeping it loses nothing */
  }
}

/** The first top roles as "Title (holder)". */
function topNames(plan: ImportPlan): string {
  const shown = plan.topRoles.slice(0, 5).map((id) => {
    const role = plan.doc.roles.find((r) => r.id === id);
    return role ? (role.holder ? `${role.title} (${role.holder.name})` : role.title) : id;
  });
  return shown.join(', ') + (plan.topRoles.length > 5 ? ' …' : '');
}

const baseName = (fileName: string) => fileName.replace(/\.[^.]+$/, '').trim() || 'Imported organization';

export default function ImportDialog({ file, bytes, onClose }: { file: string; bytes: Uint8Array; onClose: () => void }) {
  const t = useT();
  const workspace = useWorkspace();
  const language = useOrg((s) => s.language);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [read, setRead] = useState<Awaited<ReturnType<typeof readTable>> | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [name, setName] = useState(() => baseName(file));
  const [currency, setCurrency] = useState('CNY');
  const [outside, setOutside] = useState<'top' | 'external'>('top');
  /** The sheet the mapping was made for (null before the first read). */
  const mappedSheet = useRef<{ sheet: string | undefined } | null>(null);

  useEffect(() => {
    let live = true;
    void readTable(bytes, file, { sheet, language }).then((result) => {
      if (!live) return;
      setRead(result);
      if (!result.ok) return;
      // Read again for another language (the messages): the mapping the user set for this sheet stays.
      const same = mappedSheet.current !== null && mappedSheet.current.sheet === result.table.sheet;
      mappedSheet.current = { sheet: result.table.sheet };
      setMapping((m) => (same && m ? m : (rememberedMapping(result.table) ?? guessMapping(result.table))));
    });
    return () => {
      live = false;
    };
  }, [bytes, file, sheet, language]);

  const table = read?.ok ? read.table : null;
  const plan = useMemo(() => {
    if (!table || !mapping) return null;
    try {
      return planImport(table, mapping, { name: name.trim() || baseName(file), currency: CURRENCY_PATTERN.test(currency) ? currency : undefined, outsideManagers: outside, language });
    } catch (cause) {
      return cause instanceof Error ? cause.message : String(cause);
    }
  }, [table, mapping, name, currency, outside, file, language]);

  // Amounts without a currency column: the currency is asked once, for the whole file.
  const asksCurrency = mapping !== null && !mapping.columns.includes('currency') && mapping.columns.some((c) => c !== null && AMOUNTS.includes(c));
  const fieldLabel = (field: FieldId) => t(`field_${field}` as StringKey);
  const setColumn = (index: number, field: FieldId | null) =>
    setMapping((m) => (m ? { ...m, columns: m.columns.map((c, i) => (i === index ? field : c === field && field !== null ? null : c)) } : m));
  const doImport = () => {
    if (!table || !mapping || !plan || typeof plan === 'string') return;
    rememberMapping(table, mapping);
    void workspace.createDocument(plan.doc).then((id) => id && onClose());
  };

  return (
    <Modal label="Import spreadsheet" title={t('importSheetTitle', { file })} onClose={onClose} className="import-dialog">
      {read === null && <p aria-busy="true">{t('importReading')}</p>}
      {read && !read.ok && (
        <p className="import-error" role="alert">
          {read.message}
        </p>
      )}
      {table && mapping && (
        <>
          <p className="hint">
            {t('importFileFacts', { rows: table.rows.length.toLocaleString(language), columns: String(table.headers.length), encoding: table.encoding })}
            {table.delimiter ? ` · ${t('importDelimiter', { delimiter: table.delimiter === '\t' ? 'Tab' : table.delimiter })}` : ''}
          </p>
          {table.sheets && table.sheets.length > 1 && (
            <label className="import-option">
              {t('importSheet')}{' '}
              <select value={table.sheet} onChange={(e) => setSheet(e.target.value)}>
                {table.sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="import-scroll">
            <table className="import-mapping">
              <caption className="visually-hidden">{t('importMapping')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('importColumn')}</th>
                  <th scope="col">{t('importSample')}</th>
                  <th scope="col">{t('importField')}</th>
                </tr>
              </thead>
              <tbody>
                {table.headers.map((header, i) => (
                  <tr key={i} data-column={header}>
                    <th scope="row">{header}</th>
                    <td className="import-sample">
                      {table.rows
                        .slice(0, SAMPLES)
                        .map((r) => r[i] ?? '')
                        .filter((v) => v !== '')
                        .join(' · ')}
                    </td>
                    <td>
                      <select aria-label={`${t('importField')}: ${header}`} value={mapping.columns[i] ?? ''} onChange={(e) => setColumn(i, (e.target.value || null) as FieldId | null)}>
                        <option value="">{t('importNotImported')}</option>
                        {FIELDS.map((f) => (
                          <option key={f} value={f} title={f}>
                            {fieldLabel(f)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="import-options">
            <label className="import-option">
              {t('importManagerKind')}{' '}
              <select value={mapping.managerKind ?? ''} onChange={(e) => setMapping({ ...mapping, managerKind: (e.target.value || null) as Mapping['managerKind'] })}>
                <option value="">—</option>
                <option value="id">{t('importByID')}</option>
                <option value="email">{t('importByEmail')}</option>
                <option value="name">{t('importByName')}</option>
              </select>
            </label>
            <label className="import-option">
              {t('importOutside')}{' '}
              <select value={outside} onChange={(e) => setOutside(e.target.value as 'top' | 'external')}>
                <option value="top">{t('importOutsideTop')}</option>
                <option value="external">{t('importOutsideExternal')}</option>
              </select>
            </label>
            {asksCurrency && (
              <label className="import-option">
                {t('importCurrency')}{' '}
                <input
                  value={currency}
                  list="import-currencies"
                  size={4}
                  maxLength={3}
                  aria-invalid={CURRENCY_PATTERN.test(currency) ? undefined : true}
                  onChange={(e) => setCurrency(e.target.value.toUpperCase())}
                />
                <datalist id="import-currencies">
                  {COMMON_CURRENCIES.map((c) => (
                    <option key={c} value={c} />
                  ))}
                </datalist>
              </label>
            )}
            <label className="import-option">
              {t('documentName')}{' '}
              <input value={name} maxLength={MAX_LENGTH.name} onChange={(e) => setName(e.target.value)} />
            </label>
          </div>
          {typeof plan === 'string' && (
            <p className="import-error" role="alert">
              {plan}
            </p>
          )}
          {plan && typeof plan !== 'string' && (
            <section className="import-preview" aria-label={t('importPreview')}>
              <h3>{t('importPreview')}</h3>
              <p data-preview="roles">{t('importRoles', { count: plan.roles.toLocaleString(language), top: String(plan.topRoles.length) })}</p>
              {plan.topRoles.length > 0 && <p className="hint">{t('importTopRoles', { names: topNames(plan) })}</p>}
              {plan.inferences.length > 0 && (
                <>
                  <h4>{t('importInferred')}</h4>
                  {/* Scrolls when long: focusable, so the keyboard can scroll it too. */}
                  <ul className="import-list" tabIndex={0} aria-label={t('importInferred')}>
                    {plan.inferences.map((inf, i) => (
                      <li key={i}>{inf.message}</li>
                    ))}
                  </ul>
                </>
              )}
              <h4 data-preview="problems">{t('importProblems', { count: String(plan.problems.length) })}</h4>
              {plan.problems.length > 0 && (
                <ul className="import-list import-problems" tabIndex={0} aria-label={t('importProblems', { count: String(plan.problems.length) })}>
                  {plan.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p, i) => (
                    <li key={i} data-problem={p.kind} data-row={p.row}>
                      {p.message}
                    </li>
                  ))}
                  {plan.problems.length > MAX_PROBLEMS_SHOWN && <li>{t('importMoreProblems', { count: String(plan.problems.length - MAX_PROBLEMS_SHOWN) })}</li>}
                </ul>
              )}
            </section>
          )}
        </>
      )}
      <div className="modal-footer">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" disabled={!plan || typeof plan === 'string'} onClick={doImport}>
          {t('importAction')}
        </button>
      </div>
    </Modal>
  );
}
