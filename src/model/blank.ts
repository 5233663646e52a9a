/** The "New" document: a single Head of Account Management role (presets.md). */
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
    roles: [
      roleWithDefaults({ id: 'head', ...roleTemplate('head-am', { currency: 'CNY' }) }),
    ],
    settings: { rules: {} },
    view: { positions: {}, collapsed: [], direction: 'TB' },
  };
}
