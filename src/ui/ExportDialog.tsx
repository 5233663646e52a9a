/**
 * The picture export dialog: format, scale, background, findings. Opened from the
 * toolbar's "Export PNG" / "Export SVG" with that format chosen; Enter or "Export"
 * downloads with the defaults, so the buttons need one confirmation. The default scale
 * is "Auto" (2× for a chart of ordinary size, 1× for a large one, so a 1,000-role
 * export takes about a second); 2× and 3× stay a choice away. While a PNG is made the
 * dialog shows which step runs, and Cancel stops it. Loaded on demand.
 *
 * It exports the open document's chart, or the picture `source` gives: the compare view
 * passes the marked chart of a comparison (comparePicture.ts), with the same choices,
 * progress, Cancel and PNG pipeline.
 */
import { useEffect, useRef, useState } from 'react';
import { useOrg, useOrgStore, useT } from './context.tsx';
import { download, fileNameOf } from './download.ts';
import { documentPicture, renderPicture, type Phase, type PictureOptions, type PictureSource, type Scale } from './exportPicture.ts';
import { Modal } from './Modal.tsx';
import type { StringKey } from './strings.ts';
import './export.css';

const PHASES: readonly Phase[] = ['svg', 'draw', 'encode'];
const PHASE_LABEL: Record<Phase, StringKey> = { svg: 'exportPhaseSvg', draw: 'exportPhaseDraw', encode: 'exportPhaseEncode' };

export default function ExportDialog({ format, onClose, source }: { format: 'png' | 'svg'; onClose: () => void; source?: PictureSource }) {
  const t = useT();
  const store = useOrgStore();
  const language = useOrg((s) => s.language);
  const [options, setOptions] = useState<Omit<PictureOptions, 'language'>>({ format, scale: 'auto', background: 'white', includeFindings: true });
  const [phase, setPhase] = useState<Phase | null>(null);
  const running = useRef<AbortController | null>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  useEffect(() => exportButton.current?.focus(), []);
  // Closing the dialog stops an export under way.
  useEffect(() => () => running.current?.abort(), []);

  const run = async () => {
    const controller = new AbortController();
    running.current = controller;
    setPhase('svg');
    const picture = source ?? documentPicture(store.getState().doc);
    const result = await renderPicture(picture, { ...options, language }, { signal: controller.signal, onPhase: setPhase });
    running.current = null;
    setPhase(null);
    if (!result.ok) {
      if (!result.cancelled) store.getState().showAlert(result.message);
      return;
    }
    download(result.blob, fileNameOf(picture.name, options.format), result.blob.type);
    if (result.reduced) store.getState().showNotice(t('exportReduced', { scale: result.scale.toFixed(2), width: result.width, height: result.height }));
    onClose();
  };
  const cancel = () => {
    if (running.current) running.current.abort();
    else onClose();
  };

  return (
    <Modal label="Export picture" title={t('exportPicture')} onClose={cancel} className="export-dialog">
      <form
        className="export-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!running.current) void run();
        }}
      >
        <fieldset disabled={phase !== null}>
          <legend>{t('format')}</legend>
          {(['png', 'svg'] as const).map((f) => (
            <label key={f}>
              <input type="radio" name="format" value={f} checked={options.format === f} onChange={() => setOptions((o) => ({ ...o, format: f }))} /> {f.toUpperCase()}
            </label>
          ))}
        </fieldset>
        <label>
          {t('scale')}{' '}
          <select
            value={String(options.scale)}
            disabled={options.format === 'svg' || phase !== null}
            onChange={(e) => setOptions((o) => ({ ...o, scale: (e.target.value === 'auto' ? 'auto' : Number(e.target.value)) as Scale }))}
          >
            <option value="auto">{t('scaleAuto')}</option>
            <option value="1">1×</option>
            <option value="2">2×</option>
            <option value="3">3×</option>
          </select>
        </label>
        <label>
          {t('background')}{' '}
          <select value={options.background} disabled={phase !== null} onChange={(e) => setOptions((o) => ({ ...o, background: e.target.value as 'white' | 'transparent' }))}>
            <option value="white">{t('backgroundWhite')}</option>
            <option value="transparent">{t('backgroundTransparent')}</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={options.includeFindings} disabled={phase !== null} onChange={(e) => setOptions((o) => ({ ...o, includeFindings: e.target.checked }))} /> {t('includeFindings')}
        </label>
        {phase !== null && (
          <div className="export-progress" aria-live="polite">
            <progress max={PHASES.length} value={PHASES.indexOf(phase) + 0.5} aria-label={t('exporting')} /> {t(PHASE_LABEL[phase])}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={cancel}>
            {t('cancel')}
          </button>
          <button type="submit" ref={exportButton} disabled={phase !== null} className="primary">
            {phase !== null ? t('exporting') : t('export')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
