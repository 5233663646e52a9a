/**
 * The presets gallery (docs/designer.md, "Presets gallery"): a dialog of cards, one per
 * bundled preset and one for a blank document, each with a thumbnail drawn from the
 * model, the name, the role count and the description. The name is the card's only
 * control (a button named exactly the preset's name: the ui.md hook); the whole card
 * is its click target. Tab or the arrows move between cards, Enter opens one, Escape
 * closes (Modal). A chunk of its own, loaded when the gallery first opens.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { blankDocument } from '../model/blank.ts';
import { thumbnailOf } from '../canvas/thumbnail.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { bundledPresets, type BundledPreset } from '../store/presets.ts';
import { useOrg, useT } from './context.tsx';
import { Modal } from './Modal.tsx';
import { roleCount } from './time.ts';
import './gallery.css';

interface Props {
  readonly onLoad: (doc: OrgDocument) => void;
  readonly onClose: () => void;
}

export default function PresetsGallery({ onLoad, onClose }: Props) {
  const t = useT();
  const language = useOrg((s) => s.language);
  const [presets, setPresets] = useState<readonly BundledPreset[] | null>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    let live = true;
    void bundledPresets().then((loaded) => live && setPresets(loaded));
    return () => {
      live = false;
    };
  }, []);
  // The first card takes the focus once the presets are in, unless the user has moved it.
  useEffect(() => {
    if (presets === null) return;
    const dialog = list.current?.closest('dialog');
    const focused = document.activeElement;
    if (dialog && (focused === dialog || focused === document.body || (focused instanceof HTMLElement && focused.classList.contains('modal-close')))) {
      list.current?.querySelector<HTMLButtonElement>('.gallery-open')?.focus();
    }
  }, [presets]);
  const blank = useMemo(() => blankDocument(), []);

  return (
    // Named "Presets" as the button that opens it (in Chinese after the heading: Modal), as the other dialogs keep their English names (ui.md).
    <Modal label="Presets" title={t('presetsTitle')} onClose={onClose} className="presets-gallery">
      <p className="hint">
        {t('presetsHint')} {t('galleryKeys')}
      </p>
      <ul className="gallery" ref={list} aria-busy={presets === null} onKeyDown={moveBetweenCards}>
        {(presets ?? []).map((preset) => (
          <Card key={preset.file} doc={preset.doc} name={preset.doc.name} description={preset.doc.description ?? ''} lang="en" onLoad={() => onLoad(preset.doc)} meta={roleCount(t, preset.doc.roles.length, language)} />
        ))}
        <Card doc={blank} name={t('blankDocument')} description={t('galleryBlank')} onLoad={() => onLoad(blankDocument(t('newDocumentName')))} meta={roleCount(t, 1, language)} />
      </ul>
      {presets === null && <p className="hint">{t('galleryLoading')}</p>}
    </Modal>
  );
}

interface CardProps {
  readonly doc: OrgDocument;
  readonly name: string;
  readonly description: string;
  readonly meta: string;
  /** The language of the name and description when it is not the UI's (the presets are written in English). */
  readonly lang?: string;
  readonly onLoad: () => void;
}

function Card({ doc, name, description, meta, lang, onLoad }: CardProps) {
  const id = useId();
  const language = useOrg((s) => s.language);
  const foreign = lang && !language.startsWith(lang) ? lang : undefined;
  return (
    <li className="gallery-card" data-preset={name}>
      <Thumb doc={doc} />
      <h3 className="gallery-name" lang={foreign}>
        <button type="button" className="gallery-open" aria-describedby={`${id}-meta ${id}-desc`} title={description} onClick={onLoad}>
          {name}
        </button>
      </h3>
      <p className="gallery-meta" id={`${id}-meta`}>
        {meta}
      </p>
      <p className="gallery-desc" id={`${id}-desc`} lang={foreign}>
        {description}
      </p>
    </li>
  );
}

/** The document laid out as on the canvas, as boxes in the families' colours and its lines. */
function Thumb({ doc }: { doc: OrgDocument }) {
  const thumb = useMemo(() => thumbnailOf(doc), [doc]);
  const radius = thumb.cardHeight / 6;
  return (
    <svg className="gallery-thumb" viewBox={thumb.viewBox} preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false">
      <path d={thumb.lines} fill="none" stroke={thumb.lineColour} strokeWidth={1.25} vectorEffect="non-scaling-stroke" />
      {thumb.dotted.map((line, i) => (
        <path key={i} d={line.d} fill="none" stroke={line.colour} strokeWidth={1} strokeDasharray="3 2" vectorEffect="non-scaling-stroke" />
      ))}
      {thumb.cards.map((card) =>
        card.external ? (
          <rect key={card.id} x={card.x} y={card.y} width={thumb.cardWidth} height={thumb.cardHeight} rx={radius} fill="#f1f3f5" stroke={card.fill} strokeWidth={1} strokeDasharray="3 2" vectorEffect="non-scaling-stroke" />
        ) : (
          <rect key={card.id} x={card.x} y={card.y} width={thumb.cardWidth} height={thumb.cardHeight} rx={radius} fill={card.fill} />
        ),
      )}
    </svg>
  );
}

/** Arrows between the cards' buttons: left and right along the order, up and down to the nearest card of the row above or below; Home and End. */
function moveBetweenCards(event: KeyboardEvent<HTMLUListElement>) {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.gallery-open')];
  const from = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (from < 0 || buttons.length === 0) return;
  let to = from;
  switch (event.key) {
    case 'ArrowRight':
      to = Math.min(buttons.length - 1, from + 1);
      break;
    case 'ArrowLeft':
      to = Math.max(0, from - 1);
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = buttons.length - 1;
      break;
    case 'ArrowDown':
    case 'ArrowUp': {
      const cards = buttons.map((b) => b.closest('li')!.getBoundingClientRect());
      const here = cards[from]!;
      const down = event.key === 'ArrowDown';
      let best = -1;
      let bestScore = Infinity;
      cards.forEach((rect, i) => {
        const dy = down ? rect.top - here.top : here.top - rect.top;
        if (dy < 1) return;
        // The next row first, then the card nearest across.
        const score = dy * 10_000 + Math.abs(rect.left - here.left);
        if (score < bestScore) [best, bestScore] = [i, score];
      });
      if (best >= 0) to = best;
      break;
    }
    default:
      return;
  }
  event.preventDefault();
  buttons[to]!.focus();
}
