/**
 * The canvas legend (issue 17): what the solid and the two kinds of dotted lines, the
 * external and assistant cards and the finding badge mean. A small box at the bottom
 * left of the canvas, closed by default so it covers no card; open, it lists each kind
 * with a sample drawn in the canvas's own colours and dashes (src/layout/colours.ts).
 */
import { useState } from 'react';
import { DOTTED_STYLES, LINE_COLOUR } from '../layout/colours.ts';
import { useT } from '../ui/context.tsx';

function LineSample({ colour, dash, width }: { colour: string; dash?: string; width: number }) {
  return (
    <svg width="32" height="10" aria-hidden="true">
      <path d="M1,5 H31" stroke={colour} strokeWidth={width} strokeDasharray={dash} fill="none" />
    </svg>
  );
}

export function Legend() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <section className="legend nodrag nowheel" aria-label={t('legend')}>
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        {t('legend')}
      </button>
      {open && (
        <ul>
          <li data-kind="reports">
            <LineSample colour={LINE_COLOUR} width={1.5} />
            {t('legendReports')}
          </li>
          <li data-kind="indirect-manager">
            <LineSample colour={DOTTED_STYLES['indirect-manager'].colour} dash={DOTTED_STYLES['indirect-manager'].dash} width={1.25} />
            {t('legendIndirect')}
          </li>
          <li data-kind="partner">
            <LineSample colour={DOTTED_STYLES.partner.colour} dash={DOTTED_STYLES.partner.dash} width={1.25} />
            {t('legendPartner')}
          </li>
          <li data-kind="external">
            <span className="legend-card external" aria-hidden="true" />
            {t('legendExternal')}
          </li>
          <li data-kind="assistant">
            <span className="legend-card assistant" aria-hidden="true" />
            {t('legendAssistant')}
          </li>
          <li data-kind="findings">
            <span className="badge badge-error" aria-hidden="true">2</span>
            {t('legendFindings')}
          </li>
        </ul>
      )}
    </section>
  );
}
