/** Small display helpers shared by the canvas and the panels. */
import type { Role } from '../schema/v1.ts';
import type { Language } from './strings.ts';

/** The role's title in the UI language: `titles["zh-CN"]` in Chinese when present. */
export function localTitle(role: Role, language: Language): string {
  if (language === 'zh-CN' && Object.hasOwn(role.titles, 'zh-CN')) return role.titles['zh-CN'] || role.title;
  return role.title;
}

/** An amount in the document currency, compact (1.2M). */
export function formatMoney(amount: number, currency: string, language: Language): string {
  return new Intl.NumberFormat(language === 'zh-CN' ? 'zh-CN' : 'en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(amount);
}

/** A ratio as a percentage. */
export function formatPercent(ratio: number, language: Language): string {
  return new Intl.NumberFormat(language === 'zh-CN' ? 'zh-CN' : 'en-US', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}
