/** How a role is named in a language, shared by the canvas, the panels and the SVG export. */
import type { Family, Role } from '../schema/v1.ts';

/** The role's title in a language: `titles["zh-CN"]` in Chinese when present, else the title. */
export function localTitle(role: Role, language: 'en' | 'zh-CN'): string {
  if (language === 'zh-CN' && Object.hasOwn(role.titles, 'zh-CN')) return role.titles['zh-CN'] || role.title;
  return role.title;
}

// Issue 17: the words of a card (canvas and SVG export alike), in both UI languages.
export const FAMILY_NAMES: Readonly<Record<'en' | 'zh-CN', Readonly<Record<Family, string>>>> = {
  en: { 'head-am': 'Head of AM', 'am-lead': 'AM Lead', 'senior-am': 'Senior AM', am: 'Account Manager', 'am-ops': 'AM Operations', other: 'Other' },
  'zh-CN': { 'head-am': '客户管理负责人', 'am-lead': '客户管理主管', 'senior-am': '高级客户经理', am: '客户经理', 'am-ops': '客户管理运营', other: '其他' },
};

/** A role family as people call it ("Account Manager", 客户经理), short enough for a card's meta line. */
export function familyLabel(family: Family, language: 'en' | 'zh-CN'): string {
  return FAMILY_NAMES[language][family] ?? family;
}

/**
 * How a card says a role's openings: nothing when none is open; "vacant" for a single
 * position; "2 of 6 open" for a pool (headcount 6, 2 open); the bare count, "3
 * vacancies", when a document lists more openings than positions.
 */
export function vacancyWords(role: Pick<Role, 'headcount' | 'vacancies'>, language: 'en' | 'zh-CN'): string {
  const { headcount, vacancies } = role;
  const zh = language === 'zh-CN';
  if (vacancies <= 0) return '';
  if (vacancies > headcount) return zh ? `${vacancies} 个空缺` : `${vacancies} vacancies`;
  if (headcount <= 1) return zh ? '空缺' : 'vacant';
  return zh ? `${headcount} 个中 ${vacancies} 个空缺` : `${vacancies} of ${headcount} open`;
}

/** "× 6" for a pool of positions, unless its openings already say its size ("2 of 6 open"). */
export function poolWords(role: Pick<Role, 'headcount' | 'vacancies'>): string {
  const { headcount, vacancies } = role;
  return headcount > 1 && !(vacancies > 0 && vacancies <= headcount) ? `× ${headcount}` : '';
}
