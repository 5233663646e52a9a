/**
 * Palette templates: one per role family and one external role. Each is grounded in
 * the source documents (docs/sources) and in what the rule catalogue (spec/rules.md)
 * requires of a working department, and adds nothing else:
 * the head asks 10+ years of people management and Mandarin and English [China JD];
 * a Senior AM 5+ years of experience [Head vs Senior]; salary bands and bonus ranges
 * only in a USD document, where the documents' dollar figures apply. A bonus range
 * (10–20 %) becomes its midpoint, since the format holds one bonus percentage.
 *
 * Decision rights (issue 21): a new card starts with the decisions DEC-002 requires, so
 * a design built from the palette is sound before it is detailed. The head "has strategic
 * decision-making authority, influencing department-wide goals, budgets, and resource
 * allocation" [Head vs Senior] and builds the team [China JD]: it decides account
 * strategy, target setting, budget allocation and headcount & hiring for the department
 * (only those no role of the document decides yet, so a second head does not make two
 * deciders), and is where its team's account decisions escalate (assignment, pricing,
 * contracts, client escalations: `team` scope, no limit). A lead decides the same
 * account areas for its team. Limits are left to the designer: a template does not
 * invent a discount or contract figure.
 */
import type { DecisionArea, DecisionRight, Family, OrgDocument, Role, RoleFunction } from '../schema/v1.ts';

export type TemplateKey = Family | 'external';
export const TEMPLATE_KEYS: readonly TemplateKey[] = ['head-am', 'am-lead', 'senior-am', 'am', 'am-ops', 'other', 'external'];

/** The fields a template sets; the rest take the defaults of format.md. */
export type Template = Omit<Partial<Role>, 'id' | 'reportsTo'> & Pick<Role, 'title' | 'level'>;

/** The department decisions DEC-002 requires of the top (its default `requiredDepartmentAreas`). */
export const DEPARTMENT_AREAS: readonly DecisionArea[] = ['account-strategy', 'target-setting', 'budget-allocation', 'headcount-hiring'];
/** The account decisions DEC-002 requires for every account owner (its default `requiredAccountAreas`). */
export const ACCOUNT_AREAS: readonly DecisionArea[] = ['account-assignment', 'pricing-discount', 'contract-negotiation', 'client-escalation'];

const decide = (scope: 'team' | 'department') => (area: DecisionArea): DecisionRight => ({ area, authority: 'decide', scope });
const TEAM_ACCOUNT_RIGHTS: readonly DecisionRight[] = ACCOUNT_AREAS.map(decide('team'));

const TEMPLATES: Record<TemplateKey, Template> = {
  'head-am': {
    title: 'Head of Account Management',
    titles: { 'zh-CN': '客户管理负责人' },
    family: 'head-am',
    level: 5,
    decisions: [...DEPARTMENT_AREAS.map(decide('department')), ...TEAM_ACCOUNT_RIGHTS],
    requirements: { minYearsManagement: 10, languages: ['zh', 'en'] },
  },
  'am-lead': { title: 'Account Management Lead', titles: { 'zh-CN': '客户管理主管' }, family: 'am-lead', level: 4, decisions: TEAM_ACCOUNT_RIGHTS.slice() },
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

/**
 * The role a palette card creates in this document. Given the document's roles, a card
 * brings only the decisions nobody decides yet: a head leaves out the department
 * decisions another role holds for the department, and a lead the team decisions of an
 * area someone already decides (an organization that has its decision rights keeps them,
 * and a new lead's unlimited right never exceeds a limit above it: DEC-005).
 */
export function roleTemplate(key: TemplateKey, doc: Pick<OrgDocument, 'currency'> & { readonly roles?: OrgDocument['roles'] }): Template {
  let template = TEMPLATES[key];
  if (template.decisions && doc.roles) {
    const taken = departmentDeciders(doc.roles);
    const decided = deciders(doc.roles);
    const keep = (d: NonNullable<Template['decisions']>[number]) => (d.scope === 'department' ? !taken.has(d.area) : !decided.has(d.area));
    if (decided.size > 0) template = { ...template, decisions: template.decisions.filter(keep) };
  }
  const salary = doc.currency === 'USD' ? USD_PAY[key] : undefined;
  return salary ? { ...template, salary } : template;
}

/** The areas some role decides, whatever the scope. */
function deciders(roles: OrgDocument['roles']): Set<DecisionArea> {
  const areas = new Set<DecisionArea>();
  for (const r of roles) for (const d of r.decisions) if (d.authority === 'decide') areas.add(d.area);
  return areas;
}

/** The areas some role decides with `department` scope. */
function departmentDeciders(roles: OrgDocument['roles']): Set<DecisionArea> {
  const areas = new Set<DecisionArea>();
  for (const r of roles) for (const d of r.decisions) if (d.scope === 'department' && d.authority === 'decide') areas.add(d.area);
  return areas;
}

/** The title of a cross-functional partner of each function, in English and Chinese. */
const PARTNER_TITLES: Readonly<Record<RoleFunction, readonly [string, string]>> = {
  product: ['Product lead', '产品负责人'],
  marketing: ['Marketing lead', '市场负责人'],
  operations: ['Operations lead', '运营负责人'],
  sales: ['Sales lead', '销售负责人'],
  finance: ['Finance lead', '财务负责人'],
  hr: ['HR lead', '人力资源负责人'],
  legal: ['Legal lead', '法务负责人'],
  executive: ['Executive sponsor', '高管发起人'],
  'account-management': ['Account management partner', '客户管理合作方'],
};

/**
 * A cross-functional partner of the head, outside the department ([China JD]: "collaborate
 * with cross-functional teams like product, marketing, and operations"): an external role
 * of that function at level 5, as the presets' partners are (STR-007's remedy adds one).
 */
export function partnerTemplate(fn: RoleFunction): Template {
  const [title, zh] = PARTNER_TITLES[fn];
  return { title, titles: { 'zh-CN': zh }, family: 'other', function: fn, level: 5, external: true };
}
