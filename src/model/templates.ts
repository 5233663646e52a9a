/**
 * Palette templates: one per role family and one external role. Each is grounded in
 * the source documents (docs/sources) and never adds a value they don't give:
 * the head asks 10+ years of people management and Mandarin and English [China JD];
 * a Senior AM 5+ years of experience [Head vs Senior]; salary bands and bonus ranges
 * only in a USD document, where the documents' dollar figures apply. A bonus range
 * (10–20 %) becomes its midpoint, since the format holds one bonus percentage.
 */
import type { Family, OrgDocument, Role } from '../schema/v1.ts';

export type TemplateKey = Family | 'external';
export const TEMPLATE_KEYS: readonly TemplateKey[] = ['head-am', 'am-lead', 'senior-am', 'am', 'am-ops', 'other', 'external'];

/** The fields a template sets; the rest take the defaults of format.md. */
export type Template = Omit<Partial<Role>, 'id' | 'reportsTo'> & Pick<Role, 'title' | 'level'>;

const TEMPLATES: Record<TemplateKey, Template> = {
  'head-am': {
    title: 'Head of Account Management',
    titles: { 'zh-CN': '客户管理负责人' },
    family: 'head-am',
    level: 5,
    requirements: { minYearsManagement: 10, languages: ['zh', 'en'] },
  },
  'am-lead': { title: 'Account Management Lead', titles: { 'zh-CN': '客户管理主管' }, family: 'am-lead', level: 4 },
  'senior-am': {
    title: 'Senior Account Manager',
    titles: { 'zh-CN': '高级客户经理' },
    family: 'senior-am',
    level: 3,
    requirements: { minYearsExperience: 5 },
  },
  am: { title: 'Account Manager', titles: { 'zh-CN': '客户经理' }, family: 'am', level: 2 },
  'am-ops': { title: 'AM Operations', titles: { 'zh-CN': '客户管理运营' }, family: 'am-ops', level: 3 },
  other: { title: 'Other role', titles: { 'zh-CN': '其他职位' }, family: 'other', level: 3 },
  external: { title: 'External role', titles: { 'zh-CN': '外部职位' }, family: 'other', function: 'executive', level: 6, external: true },
};

/** The documents' USD figures: [Head vs Senior] salary and bonus ranges. */
const USD_PAY: Partial<Record<TemplateKey, Template['salary']>> = {
  'head-am': { min: 120_000, max: 200_000, bonusPct: 15 },
  'senior-am': { min: 80_000, max: 150_000, bonusPct: 10 },
};

/** The role a palette card creates in this document. */
export function roleTemplate(key: TemplateKey, doc: Pick<OrgDocument, 'currency'>): Template {
  const template = TEMPLATES[key];
  const salary = doc.currency === 'USD' ? USD_PAY[key] : undefined;
  return salary ? { ...template, salary } : template;
}
