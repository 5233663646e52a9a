/** How a role is named in a language, shared by the canvas, the panels and the SVG export. */
import type { Role } from '../schema/v1.ts';

/** The role's title in a language: `titles["zh-CN"]` in Chinese when present, else the title. */
export function localTitle(role: Role, language: 'en' | 'zh-CN'): string {
  if (language === 'zh-CN' && Object.hasOwn(role.titles, 'zh-CN')) return role.titles['zh-CN'] || role.title;
  return role.title;
}
