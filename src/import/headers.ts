/**
 * Which header names mean which field: the layouts of HR systems and org-chart tools that
 * issue 19 lists, Chinese headers, and the headers of this program's own CSV export.
 * Headers are compared normalized (normalizeHeader): case, spaces, `_`, `-` and other
 * punctuation ignored, `#` read as "number" ("Employee #" = employeeNumber).
 */
import type { FieldId } from './types.ts';

export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/#/g, 'number').replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Exact header names, normalized, per field; earlier names win when two columns could be
 * the same field (BambooHR's `employeeNumber` beside an internal `id`: the content decides, guess.ts).
 */
export const HEADER_NAMES: Readonly<Record<FieldId, readonly string[]>> = {
  id: [
    'id', 'employeeid', 'employeenumber', 'employeeno', 'empid', 'empno', 'personid', 'staffid', 'workerid', 'userid',
    'employeeidincompany', 'personnelnumber', 'badgeid', 'uid', 'key', 'nodeid',
    '工号', '员工编号', '员工工号', '员工号', '员工id', '人员编号', '编号', '职工号',
  ],
  manager: [
    'reportsto', 'parentid', 'managerid', 'supervisorid', 'supervisoreid', 'bossid', 'reportstoid', 'reportstoidincompany',
    'manageremployeeid', 'supervisoremployeeid', 'manageremail', 'managerworkemail', 'supervisoremail', 'reportstoemail',
    'linemanager', 'directmanager', 'managername', 'supervisorname', 'manager', 'supervisor', 'boss', 'parent', 'pid',
    '上级工号', '上级编号', '上级id', '直属上级', '直接上级', '上级', '上级姓名', '汇报对象', '汇报给', '直属领导', '上级领导', '经理',
  ],
  title: [
    'title', 'jobtitle', 'position', 'positionname', 'businesstitle', 'positiontitle', 'role', 'roletitle', 'jobname', 'job',
    'designation', '职位', '岗位', '职务', '职位名称', '岗位名称', '头衔',
  ],
  titleZh: ['titlezhcn', 'titlezh', 'chinesetitle', 'titlechinese', '中文职位', '职位中文', '中文岗位'],
  name: [
    'name', 'fullname', 'employeename', 'displayname', 'holder', 'holdername', 'preferredname', 'person', 'employee', 'workername',
    'legalname', 'worker', '姓名', '员工姓名', '名字', '员工', '人员姓名', '在职人员',
  ],
  firstName: ['firstname', 'givenname', 'legalfirstname', 'preferredfirstname', 'forename', '名'],
  lastName: ['lastname', 'surname', 'familyname', 'legallastname', 'preferredlastname', '姓'],
  email: ['email', 'workemail', 'emailaddress', 'businessemail', 'companyemail', 'mail', 'workemailaddress', '邮箱', '电子邮箱', '电子邮件', '工作邮箱', '邮件'],
  department: [
    'department', 'dept', 'departmentname', 'supervisoryorganization', 'team', 'division', 'organization', 'orgunit', 'businessunit', 'area',
    '部门', '所属部门', '部门名称', '团队', '事业部',
  ],
  location: ['location', 'office', 'site', 'worklocation', 'city', 'country', 'officelocation', '地点', '工作地点', '办公地点', '城市', '办公室'],
  family: ['family', 'jobfamily', 'rolefamily', '职族', '职位族'],
  level: ['level', 'joblevel', 'grade', 'jobgrade', 'paygrade', '职级', '级别', '层级'],
  function: ['function', 'jobfunction', '职能'],
  salary: ['salary', 'payrate', 'annualsalary', 'basesalary', 'basepay', 'pay', 'compensation', 'annualpay', '薪资', '年薪', '薪酬', '工资', '基本工资'],
  salaryMin: ['salarymin', 'minsalary', 'salaryrangemin', 'payrangemin', '薪资下限', '最低薪资'],
  salaryMax: ['salarymax', 'maxsalary', 'salaryrangemax', 'payrangemax', '薪资上限', '最高薪资'],
  bonusPct: ['bonuspct', 'bonuspercent', 'bonus', 'targetbonus', 'bonustarget', '奖金比例', '奖金'],
  revenueTarget: ['revenuetarget', 'quota', 'salesquota', 'revenuequota', 'target', '业绩目标', '收入目标', '销售目标'],
  headcount: ['headcount', 'positions', 'fte', '编制', '人数', '编制人数'],
  vacancies: ['vacancies', 'openings', 'openpositions', 'vacant', '空缺', '空缺数'],
  external: ['external', 'isexternal', '外部'],
  assistant: ['assistant', 'isassistant', 'staffrole', '助理岗'],
  dotted: [
    'dottedline', 'dottedlines', 'dottedlinereportsto', 'dottedlinereportstoemail', 'dottedlinemanager', 'dottedlinemanagerid', 'dottedlineid',
    'dottedlineids', 'matrixmanager', 'dotted', 'dottedids', 'secondarymanager', '虚线上级', '虚线汇报', '虚线汇报对象',
  ],
  accountsStrategic: ['accountsstrategic', 'strategicaccounts', '战略客户'],
  accountsEnterprise: ['accountsenterprise', 'enterpriseaccounts', '企业客户', '大客户'],
  accountsMidMarket: ['accountsmidmarket', 'midmarketaccounts', '中型客户'],
  accountsSmb: ['accountssmb', 'smbaccounts', '小微客户', '中小客户'],
  currency: ['currency', 'paycurrency', 'salarycurrency', '币种', '货币'],
  costCenter: ['costcenter', 'costcentre', 'costcentercode', '成本中心'],
};

/** Parts of a header name, for headers that are not listed exactly ("Manager - Work email", "年薪(元)"). Tried in this order. */
export const HEADER_PARTS: readonly (readonly [RegExp, FieldId])[] = [
  [/dotted|matrix|虚线/, 'dotted'],
  [/(manager|supervisor|reportsto|boss|parent)/, 'manager'],
  [/上级|汇报/, 'manager'],
  [/email|邮箱|邮件/, 'email'],
  [/salary|payrate|年薪|薪资|薪酬|工资/, 'salary'],
  [/部门|department/, 'department'],
  [/职位|岗位|jobtitle|position/, 'title'],
  [/工号|employeeid|employeenumber/, 'id'],
  [/姓名|fullname/, 'name'],
  [/costcent/, 'costCenter'],
];

/** Normalized name → field, the first listed field winning. */
export const HEADER_INDEX: ReadonlyMap<string, { readonly field: FieldId; readonly rank: number }> = (() => {
  const index = new Map<string, { field: FieldId; rank: number }>();
  for (const [field, names] of Object.entries(HEADER_NAMES) as [FieldId, readonly string[]][]) {
    names.forEach((name, rank) => {
      if (!index.has(name)) index.set(name, { field, rank });
    });
  }
  return index;
})();
