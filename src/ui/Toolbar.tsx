/**
 * The toolbar. Visible labels follow the UI language; the accessible names of the
 * actions that tests drive (ui.md hooks: "New", "Presets", "Import", "Undo", …) stay
 * the same in every language, so scripts and assistive tools find them either way.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { blankDocument } from '../model/blank.ts';
import { clearPositions, renameDocument, setDirection } from '../model/commands.ts';
import { loadForImport } from '../io/accept.ts';
import { MAX_FILE_BYTES, tooLarge, type ParseResult } from '../schema/load.ts';
import { decodeText } from '../io/decode.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { bundledPresets, type BundledPreset } from '../store/presets.ts';
import type { OrgState } from '../store/orgStore.ts';
import { useOrg, useOrgStore, useT, useWorkspace } from './context.tsx';
import { useHeldDraft } from './fields.tsx';
import { exportJson } from './exportJson.ts';
import { exportCsv } from './exportCsv.ts';
import { LANGUAGES, loadLanguage, type Language } from './strings.ts';
import { SearchBox } from './SearchBox.tsx';

// Picture export (SVG rendering, rasterizing) is rarely used: loaded when first opened.
const ExportDialog = lazy(() => import('./ExportDialog.tsx'));
// Spreadsheet import (the importer, papaparse; the Excel reader loads only for .xlsx).
const ImportDialog = lazy(() => import('./ImportDialog.tsx'));

/** Files Import reads as spreadsheets; anything else is read as an org document (JSON). */
const SPREADSHEET = /\.(csv|tsv|txt|xlsx)$/i;
const DocumentsDialog = lazy(() => import('./DocumentsDialog.tsx'));
const VersionsDialog = lazy(() => import('./VersionsDialog.tsx'));

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
    // UTF-16 takes up to twice the bytes of the text the size cap measures (as the CLI reads it).
    const decoded = file.size > 2 * MAX_FILE_BYTES + 2 ? null : decodeText(new Uint8Array(await file.arrayBuffer()));
    const result = decoded === null ? tooLarge() : decoded.ok ? await loadForImport(decoded.text) : unreadableFile(decoded.message);
    if (!result.ok) {
      store.getState().showAlert(`${file.name}: ${result.error.message}`);
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

  return (
    <header className="toolbar">
      <span className="app-name">{t('appName')}</span>
      <input
        className="doc-name"
        aria-label="Document name"
        title={t('documentName')}
        value={nameDraft ?? name}
        onChange={(e) => setNameDraft(e.target.value)}
        onBlur={commitName}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commitName();
          if (e.key === 'Escape') setNameDraft(null);
        }}
        aria-invalid={nameDraft !== null && (nameDraft.length < 1 || nameDraft.length > 200) ? true : undefined}
      />
      <div className="toolbar-group">
        <button type="button" aria-label="Documents" aria-haspopup="dialog" onClick={() => setDialog('documents')}>
          {t('documents')}
        </button>
        <button type="button" aria-label="Versions" aria-haspopup="dialog" onClick={() => setDialog('versions')}>
          {t('versions')}
        </button>
        <button type="button" aria-label="New" onClick={() => load(blankDocument())}>
          {t('new')}
        </button>
        <button type="button" aria-label="Presets" aria-expanded={presetsOpen} onClick={() => setPresetsOpen((o) => !o)}>
          {t('presets')}
        </button>
        <label className="button-like">
          <span aria-hidden="true">{t('import')}</span>
          <input
            ref={fileInput}
            type="file"
            accept=".json,.csv,.tsv,.txt,.xlsx,application/json,text/csv"
            aria-label="Import"
            className="visually-hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        <button type="button" aria-label="Export JSON" onClick={() => exportJson(store)}>
          {t('exportJson')}
        </button>
        <button type="button" aria-label="Export CSV" onClick={() => void exportCsv(store)}>
          {t('exportCsv')}
        </button>
        <button type="button" aria-label="Export PNG" aria-haspopup="dialog" onClick={() => setExporting('png')}>
          {t('exportPng')}
        </button>
        <button type="button" aria-label="Export SVG" aria-haspopup="dialog" onClick={() => setExporting('svg')}>
          {t('exportSvg')}
        </button>
      </div>
      <div className="toolbar-group">
        <button type="button" aria-label="Undo" disabled={!canUndo} onClick={() => store.getState().undo()} title="Ctrl+Z">
          {t('undo')}
        </button>
        <button type="button" aria-label="Redo" disabled={!canRedo} onClick={() => store.getState().redo()} title="Ctrl+Shift+Z">
          {t('redo')}
        </button>
        <button type="button" aria-label="Auto layout" onClick={() => store.getState().run(clearPositions)}>
          {t('autoLayout')}
        </button>
        <button
          type="button"
          aria-label={`${t('direction')}: ${direction === 'TB' ? t('directionTB') : t('directionLR')}`}
          onClick={() => store.getState().run((d) => setDirection(d, d.view.direction === 'TB' ? 'LR' : 'TB'))}
        >
          {direction === 'TB' ? '↓' : '→'}
        </button>
      </div>
      <SearchBox />
      <select aria-label="Language" title={t('language')} value={language} onChange={(e) => switchLanguage(e.target.value as Language)}>
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
          {dialog === 'documents' ? <DocumentsDialog onClose={() => setDialog(null)} /> : <VersionsDialog onClose={() => setDialog(null)} />}
        </Suspense>
      )}
      {presetsOpen && <PresetsGallery onLoad={load} onClose={() => setPresetsOpen(false)} />}
    </header>
  );
}

/** The presets gallery: the bundled presets, fetched when it first opens, and a blank document. */
function PresetsGallery({ onLoad, onClose }: { onLoad: (doc: OrgDocument) => void; onClose: () => void }) {
  const t = useT();
  const [presets, setPresets] = useState<readonly BundledPreset[] | null>(null);
  useEffect(() => {
    let live = true;
    void bundledPresets().then((list) => live && setPresets(list));
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="presets-popover" role="dialog" aria-label={t('presetsTitle')}>
      <h2>{t('presetsTitle')}</h2>
      <p className="hint">{t('presetsHint')}</p>
      <ul aria-busy={presets === null}>
        {(presets ?? []).map((preset) => (
          <li key={preset.file}>
            <button type="button" onClick={() => onLoad(preset.doc)}>
              {preset.doc.name}
            </button>
          </li>
        ))}
        <li>
          <button type="button" onClick={() => onLoad(blankDocument())}>
            {t('blankDocument')}
          </button>
        </li>
      </ul>
      <button type="button" className="link" onClick={onClose}>
        {t('close')}
      </button>
    </div>
  );
}
