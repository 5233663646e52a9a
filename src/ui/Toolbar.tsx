/**
 * The toolbar. Visible labels follow the UI language; the accessible names of the
 * actions that tests drive (ui.md hooks: "New", "Presets", "Import", "Undo", …) stay
 * the same in every language, so scripts and assistive tools find them either way.
 */
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { blankDocument } from '../model/blank.ts';
import { clearPositions, renameDocument, setDirection } from '../model/commands.ts';
import { loadForImport } from '../io/accept.ts';
import { loadRules } from '../store/rules.ts';
import { MAX_FILE_BYTES, tooLarge, type ParseResult } from '../schema/load.ts';
import { decodeText } from '../io/decode.ts';
import { MAX_LENGTH } from '../schema/constants.ts';
import type { OrgDocument } from '../schema/v1.ts';
import type { OrgState } from '../store/orgStore.ts';
import { useOrg, useOrgStore, useT, useWorkspace } from './context.tsx';
import { useHeldDraft } from './fields.tsx';
import { exportJson } from './exportJson.ts';
import { LANGUAGES, loadLanguage, type Language } from './strings.ts';
import { SearchBox } from './SearchBox.tsx';
import { OverflowMenu } from './OverflowMenu.tsx';
import { useOpenCompare } from './compare/context.ts';

// Picture export (SVG rendering, rasterizing) is rarely used: loaded when first opened.
const ExportDialog = lazy(() => import('./ExportDialog.tsx'));
// Spreadsheet import (the importer, papaparse; the Excel reader loads only for .xlsx).
const ImportDialog = lazy(() => import('./ImportDialog.tsx'));

/** Files Import reads as spreadsheets; anything else is read as an org document (JSON). */
const SPREADSHEET = /\.(csv|tsv|txt|xlsx)$/i;
const DocumentsDialog = lazy(() => import('./DocumentsDialog.tsx'));
const VersionsDialog = lazy(() => import('./VersionsDialog.tsx'));
// The presets gallery (its thumbnails lay each preset out): loaded when first opened.
const PresetsGallery = lazy(() => import('./PresetsGallery.tsx'));

/** The toolbar actions that may move into the "More" menu, in the row's order. */
const MOVABLE = ['versions', 'exportJson', 'exportCsv', 'exportPng', 'exportSvg', 'redo', 'autoLayout', 'direction'] as const;
type Movable = (typeof MOVABLE)[number];
const EXPORTS: readonly Movable[] = ['exportJson', 'exportCsv', 'exportPng', 'exportSvg'];
/** Which actions leave the row first when it is too narrow: the least used first. */
const OVERFLOW_ORDER: readonly Movable[] = ['direction', 'exportSvg', 'exportCsv', 'autoLayout', 'versions', 'exportPng', 'redo', 'exportJson'];
/** The "More" button's width before it was first drawn (then measured). */
const MORE_WIDTH_GUESS = 72;
const NONE: ReadonlySet<Movable> = new Set();

interface Action {
  /** The accessible name (English in every language). */
  readonly name: string;
  /** The visible label in the menu, and in the row unless `short` is set. */
  readonly label: string;
  readonly short?: string;
  readonly popup?: 'dialog';
  readonly disabled?: boolean;
  readonly title?: string;
  readonly run: () => void;
}

/**
 * The actions to move into the menu so the row fits `available` pixels, from the widths of the
 * row's items as last drawn (every movable one drawn at least once since the language changed).
 */
function overflowing(widths: ReadonlyMap<string, number>, fixed: readonly string[], gap: number, available: number): ReadonlySet<Movable> {
  const w = (key: string) => (widths.get(key) ?? 0) + gap;
  let total = fixed.reduce((sum, key) => sum + w(key), 0) + MOVABLE.reduce((sum, key) => sum + w(key), 0) + w('export-label') - gap;
  const hidden = new Set<Movable>();
  for (const key of OVERFLOW_ORDER) {
    if (total <= available) break;
    if (hidden.size === 0) total += (widths.get('more') ?? MORE_WIDTH_GUESS) + gap;
    hidden.add(key);
    total -= w(key);
    if (EXPORTS.every((k) => hidden.has(k))) total -= w('export-label');
  }
  return hidden;
}

const selectName = (s: OrgState) => s.doc.name;
const selectDirection = (s: OrgState) => s.doc.view.direction;
const selectCanUndo = (s: OrgState) => s.past.length > 0 || s.undoOpen !== null;
const selectCanRedo = (s: OrgState) => s.future.length > 0;

/** A file whose bytes are not text in an encoding Import reads. */
const unreadableFile = (message: string): ParseResult => ({ ok: false, error: { code: 'not-json', message, issues: [] } });

export function Toolbar() {
  const t = useT();
  const store = useOrgStore();
  const workspace = useWorkspace();
  // The catalogue first, so the screen switches once, wholly translated.
  const switchLanguage = (next: Language) => void loadLanguage(next).then(() => store.getState().setLanguage(next));
  const name = useOrg(selectName);
  const direction = useOrg(selectDirection);
  const canUndo = useOrg(selectCanUndo);
  const canRedo = useOrg(selectCanRedo);
  const language = useOrg((s) => s.language);
  const [presetsOpen, setPresetsOpen] = useState(false);
  const [exporting, setExporting] = useState<'png' | 'svg' | null>(null);
  const [sheet, setSheet] = useState<{ file: string; bytes: Uint8Array } | null>(null);
  const [dialog, setDialog] = useState<'documents' | 'versions' | null>(null);
  // The compare view's opener (issue 18), given to Documents: without one it shows no Compare action.
  const openCompare = useOpenCompare();
  const [nameDraft, setNameDraft] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // New, a preset and Import each open a new library document; the one open stays in Documents.
  const load = (doc: OrgDocument) => {
    void workspace.createDocument(doc);
    setPresetsOpen(false);
  };
  const importFile = async (file: File) => {
    if (SPREADSHEET.test(file.name)) {
      const refused = file.size > MAX_FILE_BYTES ? tooLarge() : null;
      if (refused && !refused.ok) store.getState().showAlert(`${file.name}: ${refused.error.message}`);
      else setSheet({ file: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      return;
    }
    // The notes name rule parameters no rule has: the rules tell the loader theirs (they load after the first paint).
    await loadRules().catch(() => undefined);
    // UTF-16 takes up to twice the bytes of the text the size cap measures (as the CLI reads it).
    const decoded = file.size > 2 * MAX_FILE_BYTES + 2 ? null : decodeText(new Uint8Array(await file.arrayBuffer()));
    const result = decoded === null ? tooLarge() : decoded.ok ? await loadForImport(decoded.text) : unreadableFile(decoded.message);
    if (!result.ok) {
      const { issues } = result.error;
      store.getState().showAlert(`${file.name}: ${result.error.message}`, issues.length > 1 ? issues.map((i) => `${i.path || t('wholeDocument')}: ${i.message}`) : undefined);
      return;
    }
    await workspace.createDocument(result.doc);
    if (result.notes.length > 0) store.getState().showNotice(t('importNotes', { notes: result.notes.map((n) => n.message).join(' ') }));
  };
  const commitName = () => {
    if (nameDraft !== null && nameDraft !== name) store.getState().run((d) => renameDocument(d, nameDraft));
    setNameDraft(null);
  };
  useHeldDraft(nameDraft !== null, commitName);

  // The row never wraps: what does not fit moves into "More". Widths are measured as drawn
  // and kept (a hidden action keeps its last width); a language switch redraws every action
  // once to measure it again, before the screen is painted.
  const row = useRef<HTMLElement>(null);
  const widths = useRef(new Map<string, number>());
  const [hidden, setHidden] = useState<ReadonlySet<Movable>>(NONE);
  const fit = useCallback(() => {
    const bar = row.current;
    if (!bar) return;
    const fixed: string[] = [];
    for (const el of bar.querySelectorAll<HTMLElement>(':scope > [data-item]')) {
      const key = el.dataset.item!;
      widths.current.set(key, el.getBoundingClientRect().width);
      if (!(MOVABLE as readonly string[]).includes(key) && key !== 'export-label' && key !== 'more') fixed.push(key);
    }
    if (MOVABLE.some((k) => !widths.current.has(k))) {
      setHidden(NONE);
      return;
    }
    const style = getComputedStyle(bar);
    const available = bar.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const next = overflowing(widths.current, fixed, parseFloat(style.columnGap) || 0, available);
    setHidden((prev) => (prev.size === next.size && [...next].every((k) => prev.has(k)) ? prev : next));
  }, []);
  useLayoutEffect(() => {
    widths.current.clear();
    setHidden(NONE);
  }, [language]);
  useLayoutEffect(fit, [fit, hidden, language]);
  useEffect(() => {
    const observer = new ResizeObserver(fit);
    if (row.current) observer.observe(row.current);
    return () => observer.disconnect();
  }, [fit]);

  // Accessible names: the visible label, and in another language the English hook of ui.md
  // after it ("新建 New"), so the name contains what is seen and the English hooks still
  // find the control (docs/spec/ui.md, "Stable hooks").
  const named = (english: string, visible: string): string => (language === 'en' ? english : `${visible} ${english}`);
  // The actions that may move into the "More" menu when the row is too narrow, in the row's order.
  const actions: Record<Movable, Action> = {
    versions: { name: named('Versions', t('versions')), label: t('versions'), popup: 'dialog', run: () => setDialog('versions') },
    exportJson: { name: named('Export JSON', t('exportJson')), label: t('exportJson'), short: 'JSON', run: () => exportJson(store) },
    exportCsv: { name: named('Export CSV', t('exportCsv')), label: t('exportCsv'), short: 'CSV', run: () => void import('./exportCsv.ts').then((m) => m.exportCsv(store)) },
    exportPng: { name: named('Export PNG', t('exportPng')), label: t('exportPng'), short: 'PNG', popup: 'dialog', run: () => setExporting('png') },
    exportSvg: { name: named('Export SVG', t('exportSvg')), label: t('exportSvg'), short: 'SVG', popup: 'dialog', run: () => setExporting('svg') },
    redo: { name: named('Redo', t('redo')), label: t('redo'), disabled: !canRedo, title: 'Ctrl+Shift+Z', run: () => store.getState().redo() },
    autoLayout: { name: named('Auto layout', t('autoLayout')), label: t('autoLayout'), run: () => store.getState().run(clearPositions) },
    direction: {
      name: `${t('direction')}: ${direction === 'TB' ? t('directionTB') : t('directionLR')}`,
      label: `${t('direction')}: ${direction === 'TB' ? t('directionTB') : t('directionLR')}`,
      short: direction === 'TB' ? '↓' : '→',
      run: () => store.getState().run((d) => setDirection(d, d.view.direction === 'TB' ? 'LR' : 'TB')),
    },
  };
  const shown = (key: Movable) => !hidden.has(key);
  const button = (key: Movable) => {
    const a = actions[key];
    return shown(key) ? (
      <button key={key} type="button" data-item={key} aria-label={a.name} aria-haspopup={a.popup} disabled={a.disabled} title={a.title ?? (a.short ? a.label : undefined)} onClick={a.run}>
        {a.short ?? a.label}
      </button>
    ) : null;
  };

  return (
    <header className="toolbar" ref={row}>
      <h1 className="app-name" data-item="app-name">
        {t('appName')}
      </h1>
      <input
        className="doc-name"
        data-item="doc-name"
        aria-label="Document name"
        title={t('documentName')}
        value={nameDraft ?? name}
        onChange={(e) => setNameDraft(e.target.value)}
        onBlur={commitName}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commitName();
          if (e.key === 'Escape') setNameDraft(null);
        }}
        aria-invalid={nameDraft !== null && (nameDraft.length < 1 || nameDraft.length > MAX_LENGTH.name) ? true : undefined}
      />
      <button type="button" data-item="documents" aria-label={named('Documents', t('documents'))} aria-haspopup="dialog" onClick={() => setDialog('documents')}>
        {t('documents')}
      </button>
      {button('versions')}
      <button type="button" data-item="new" aria-label={named('New', t('new'))} onClick={() => load(blankDocument(t('newDocumentName')))}>
        {t('new')}
      </button>
      <button type="button" data-item="presets" aria-label={named('Presets', t('presets'))} aria-haspopup="dialog" onClick={() => setPresetsOpen((o) => !o)}>
        {t('presets')}
      </button>
      <label className="button-like" data-item="import">
        <span aria-hidden="true">{t('import')}</span>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.csv,.tsv,.txt,.xlsx,application/json,text/csv"
          aria-label={named('Import', t('import'))}
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      {EXPORTS.some(shown) && (
        <span className="toolbar-label" data-item="export-label" aria-hidden="true">
          {t('export')}
        </span>
      )}
      {EXPORTS.map(button)}
      <button type="button" data-item="undo" aria-label={named('Undo', t('undo'))} disabled={!canUndo} onClick={() => store.getState().undo()} title="Ctrl+Z">
        {t('undo')}
      </button>
      {button('redo')}
      {button('autoLayout')}
      {button('direction')}
      <div className="toolbar-search" data-item="search">
        <SearchBox />
      </div>
      {hidden.size > 0 && <OverflowMenu item="more" label={t('more')} actions={MOVABLE.filter((k) => hidden.has(k)).map((k) => ({ key: k, ...actions[k] }))} />}
      <select data-item="language" aria-label="Language" title={t('language')} value={language} onChange={(e) => switchLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {l === 'en' ? 'English' : '简体中文'}
          </option>
        ))}
      </select>
      {sheet && (
        <Suspense fallback={null}>
          <ImportDialog file={sheet.file} bytes={sheet.bytes} onClose={() => setSheet(null)} />
        </Suspense>
      )}
      {exporting && (
        <Suspense fallback={null}>
          <ExportDialog format={exporting} onClose={() => setExporting(null)} />
        </Suspense>
      )}
      {dialog && (
        <Suspense fallback={null}>
          {dialog === 'documents' ? <DocumentsDialog onClose={() => setDialog(null)} onCompare={openCompare ?? undefined} /> : <VersionsDialog onClose={() => setDialog(null)} />}
        </Suspense>
      )}
      {presetsOpen && (
        <Suspense fallback={null}>
          <PresetsGallery onLoad={load} onClose={() => setPresetsOpen(false)} />
        </Suspense>
      )}
    </header>
  );
}

