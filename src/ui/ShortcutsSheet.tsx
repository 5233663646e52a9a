/**
 * The keyboard shortcuts sheet (`?` on the canvas, or the canvas's "?" button): every
 * key of the canvas, in the order a person builds a chart. docs/designer.md lists the
 * same keys; the gestures themselves are in useShortcuts.ts.
 */
import { Modal } from './Modal.tsx';
import { useT } from './context.tsx';
import type { StringKey } from './strings.ts';

/** The keys of one row (shown as they are on a keyboard) and what they do. */
const ROWS: readonly (readonly [readonly string[], StringKey])[] = [
  [['Tab'], 'keyTab'],
  [['Enter'], 'keyEnter'],
  [['Enter', 'Space'], 'keySelect'],
  [['↑', '↓', '←', '→'], 'keyArrows'],
  [['A–Z'], 'keyType'],
  [['F2'], 'keyF2'],
  [['Esc'], 'keyEscape'],
  [['Delete', 'Backspace'], 'keyDelete'],
  [['Ctrl/⌘+C'], 'keyCopy'],
  [['Ctrl/⌘+V'], 'keyPaste'],
  [['Ctrl/⌘+/'], 'keyCollapse'],
  [['Ctrl/⌘+Z'], 'keyUndo'],
  [['Ctrl/⌘+Shift+Z', 'Ctrl/⌘+Y'], 'keyRedo'],
  [['+', '='], 'keyZoomIn'],
  [['-'], 'keyZoomOut'],
  [['0'], 'keyFit'],
  [['Shift+1'], 'keyWhole'],
  [['Shift+2'], 'keyFitSelection'],
  [['?'], 'keyHelp'],
  [['Enter'], 'keyPalette'],
  [['F2', 'Tab'], 'keyManager'],
];

export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    // The accessible name stays English in both languages, like every hook of ui.md.
    <Modal label="Keyboard shortcuts" title={t('shortcuts')} onClose={onClose} className="shortcuts-sheet">
      <p className="hint">{t('shortcutsHint')}</p>
      <table className="shortcuts-table">
        <tbody>
          {ROWS.map(([keys, what]) => (
            <tr key={what}>
              <th scope="row">
                {keys.map((key, k) => (
                  <span key={key}>
                    {k > 0 && ' '}
                    <kbd>{key === 'A–Z' ? t('keyAnyLetter') : key}</kbd>
                  </span>
                ))}
              </th>
              <td>{t(what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
