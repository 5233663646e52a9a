/**
 * The picture export dialog: format, scale, background, findings. Opened from the
 * toolbar's "Export PNG" / "Export SVG" with that format chosen; Enter or "Export"
 * downloads with the defaults, so the buttons need one confirmation. Loaded on demand.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useOrg, useOrgStore, useT } from './context.tsx';
import { download, fileNameOf } from './download.ts';
import { renderPicture, type PictureOptions } from './exportPicture.ts';

export default function ExportDialog({ format, onClose }: { format: 'png' | 'svg'; onClose: () => void }) {
  const t = useT();
  const store = useOrgStore();
  const language = useOrg((s) => s.language);
  const id = useId();
  const [options, setOptions] = useState<Omit<PictureOptions, 'language'>>({ format, scale: 2, background: 'white', includeFindings: true });
  const [busy, setBusy] = useState(false);
  const exportButton = useRef<HTMLButtonElement>(null);
  useEffect(() => exportButton.current?.focus(), []);

  const run = async () => {
    setBusy(true);
    const doc = store.getState().doc;
    const result = await renderPicture(doc, { ...options, language });
    setBusy(false);
    if (!result.ok) {
      store.getState().showAlert(result.message);
      return;
    }
    download(result.blob, fileNameOf(doc.name, options.format), result.blob.type);
    if (result.reduced) store.getState().showNotice(t('exportReduced', { scale: result.scale.toFixed(2), width: result.width, height: result.height }));
    onClose();
  };

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <h2 id={`${id}-title`}>{t('exportPicture')}</h2>
        <fieldset>
          <legend>{t('format')}</legend>
          {(['png', 'svg'] as const).map((f) => (
            <label key={f}>
              <input type="radio" name="format" value={f} checked={options.format === f} onChange={() => setOptions((o) => ({ ...o, format: f }))} /> {f.toUpperCase()}
            </label>
          ))}
        </fieldset>
        <label>
          {t('scale')}{' '}
          <select value={options.scale} disabled={options.format === 'svg'} onChange={(e) => setOptions((o) => ({ ...o, scale: Number(e.target.value) as 1 | 2 | 3 }))}>
            <option value={1}>1×</option>
            <option value={2}>2×</option>
            <option value={3}>3×</option>
          </select>
        </label>
        <label>
          {t('background')}{' '}
          <select value={options.background} onChange={(e) => setOptions((o) => ({ ...o, background: e.target.value as 'white' | 'transparent' }))}>
            <option value="white">{t('backgroundWhite')}</option>
            <option value="transparent">{t('backgroundTransparent')}</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={options.includeFindings} onChange={(e) => setOptions((o) => ({ ...o, includeFindings: e.target.checked }))} /> {t('includeFindings')}
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" ref={exportButton} disabled={busy} className="primary">
            {busy ? t('exporting') : t('export')}
          </button>
        </div>
      </form>
    </div>
  );
}
