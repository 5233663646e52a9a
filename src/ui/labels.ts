/** Small display helpers shared by the canvas and the panels. */
import type { Language } from './strings.ts';

import { familyLabel, localTitle, poolWords, vacancyWords } from '../model/labels.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { derive } from '../store/derived.ts';

export { familyLabel, localTitle, poolWords, vacancyWords };

/** The name of the role with this id in the UI language, or null when no role has it. */
export function titleById(doc: OrgDocument, id: string, language: Language): string | null {
  const at = derive(doc).index.indexOf.get(id);
  return at === undefined ? null : localTitle(doc.roles[at]!, language);
}

/** An amount in the document currency, compact (1.2M). */
export function formatMoney(amount: number, currency: string, language: Language): string {
  return formatter(`${language} money ${currency}`, () => ({ style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }), language).format(amount);
}

/** A ratio as a percentage. */
export function formatPercent(ratio: number, language: Language): string {
  return formatter(`${language} percent`, () => ({ style: 'percent', maximumFractionDigits: 0 }), language).format(ratio);
}

// Making an Intl.NumberFormat took about 0.3 ms each here, formatting with one microseconds: the metrics panel formats on every edit.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(key: string, options: () => Intl.NumberFormatOptions, language: Language): Intl.NumberFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language === 'zh-CN' ? 'zh-CN' : 'en-US', options());
    formatters.set(key, f);
  }
  return f;
}
