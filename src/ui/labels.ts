/** Small display helpers shared by the canvas and the panels. */
import type { Language } from './strings.ts';

import { localTitle } from '../model/labels.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { derive } from '../store/derived.ts';

export { localTitle };

/** The name of the role with this id in the UI language, or null when no role has it. */
export function titleById(doc: OrgDocument, id: string, language: Language): string | null {
  const at = derive(doc).index.indexOf.get(id);
  return at === undefined ? null : localTitle(doc.roles[at]!, language);
}

/** An amount in the document currency, compact (1.2M). */
export function formatMoney(amount: number, currency: string, language: Language): string {
  return new Intl.NumberFormat(language === 'zh-CN' ? 'zh-CN' : 'en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(amount);
}

/** A ratio as a percentage. */
export function formatPercent(ratio: number, language: Language): string {
  return new Intl.NumberFormat(language === 'zh-CN' ? 'zh-CN' : 'en-US', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}
