/** Small display helpers shared by the canvas and the panels. */
import type { Language } from './strings.ts';

export { localTitle } from '../model/labels.ts';

/** An amount in the document currency, compact (1.2M). */
export function formatMoney(amount: number, currency: string, language: Language): string {
  return new Intl.NumberFormat(language === 'zh-CN' ? 'zh-CN' : 'en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(amount);
}

/** A ratio as a percentage. */
export function formatPercent(ratio: number, language: Language): string {
  return new Intl.NumberFormat(language === 'zh-CN' ? 'zh-CN' : 'en-US', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}
