/**
 * The "New" document (presets.md): a single Head of Account Management, the palette's
 * template, which holds the department decisions the rules require (templates.ts). It
 * gives no error; its only findings are STR-007's three warnings, the real next step of a
 * new design: the head's partner lines with product, marketing and operations, each with
 * a one-click remedy (rules/remedies.ts) and "accept with a reason" (docs/designer.md,
 * "Guidance and remedies").
 */
import { CURRENT_VERSION, FORMAT_NAME, roleWithDefaults } from '../schema/constants.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { roleTemplate } from './templates.ts';

/** A blank document holding one Head of Account Management (the palette's template). */
export function blankDocument(name = 'New organization'): OrgDocument {
  return {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    name,
    currency: 'CNY',
    roles: [roleWithDefaults({ id: 'head', ...roleTemplate('head-am', { currency: 'CNY' }) })],
    settings: { rules: {} },
    view: { positions: {}, collapsed: [], direction: 'TB' },
  };
}
