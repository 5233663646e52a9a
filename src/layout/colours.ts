/** The chart's colours, shared by the canvas overview and the SVG export (the cards' CSS uses the same values). */
import type { Severity } from '../schema/v1.ts';

/** The family bar on the left of each card. */
export const FAMILY_COLOURS: Readonly<Record<string, string>> = {
  'head-am': '#1f4e79',
  'am-lead': '#1971c2',
  'senior-am': '#2f9e44',
  am: '#66a80f',
  'am-ops': '#ae3ec9',
  other: '#adb5bd',
};

/** Finding badges, by the worst severity: each at least 4.5:1 against white, for the badge's white digits and for text (docs/designer.md). */
export const SEVERITY_COLOURS: Readonly<Record<Severity, string>> = { error: '#c92a2a', warning: '#a85400', info: '#1971c2' };

/** Reporting lines (solid). */
export const LINE_COLOUR = '#7b8794';

/**
 * Dotted lines by kind, on the canvas (inline styles, over app.css's default dash), in its
 * legend and in the SVG export: an indirect manager is a long violet dash, a partner a
 * short teal dot, so the two read apart in colour and without it.
 */
export const DOTTED_STYLES: Readonly<Record<'indirect-manager' | 'partner', { readonly colour: string; readonly dash: string }>> = {
  'indirect-manager': { colour: '#7048e8', dash: '8 4' },
  partner: { colour: '#0c8599', dash: '2 4' },
};
