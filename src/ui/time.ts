/** Times and sizes as people of the UI language write them. */
import type { Language, StringKey } from './strings.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

/** A time of today as "14:05", another day's with its date. */
export function formatTime(at: number, language: Language, now = Date.now()): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const key = `${language}:${sameDay}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(key, format);
  }
  return format.format(at);
}

/** A number of bytes as "1.2 MB". */
export function formatBytes(bytes: number, language: Language): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value);
}

/** "1 role", "1,234 roles". */
export function roleCount(t: (key: StringKey, values?: Readonly<Record<string, string>>) => string, count: number, language: Language): string {
  return count === 1 ? t('oneRole') : t('roleCount', { count: count.toLocaleString(language) });
}
