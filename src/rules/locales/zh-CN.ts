/**
 * 规则的中文文本：各规则族的 zh-CN.ts，加上术语、引擎自身的消息和来源引文的中文译文。
 * The Chinese texts of the rules, loaded on demand (texts.ts). Source quotes stay in
 * English in the catalogue; `quotes` gives the Chinese rendering shown beside them.
 */
import { FAMILY_NAMES } from '../../model/labels.ts';
import type { RuleLocale } from '../texts.ts';
import { STRUCTURE_ZH } from '../structure/zh-CN.ts';
import { SPAN_ZH } from '../span/zh-CN.ts';
import { QUALIFICATION_ZH } from '../qualification/zh-CN.ts';
import { DECISION_ZH } from '../decision/zh-CN.ts';
import { BUDGET_ZH } from '../budget/zh-CN.ts';

export const ZH_CN: RuleLocale = {
  words: {
    terms: {
      area: {
        'account-strategy': '客户战略',
        'target-setting': '目标设定',
        'budget-allocation': '预算分配',
        'headcount-hiring': '编制与招聘',
        'performance-review': '绩效评估',
        'account-assignment': '客户分配',
        'pricing-discount': '定价与折扣',
        'contract-negotiation': '合同谈判',
        'client-escalation': '客户升级问题',
        'account-plan': '客户计划',
        'spend-approval': '支出审批',
        'cross-functional-priority': '跨职能优先级',
        'day-to-day-service': '日常服务',
      },
      archetype: { 'player-coach': '球员型教练', coach: '教练', supervisor: '督导', facilitator: '引导者', coordinator: '协调者' },
      family: FAMILY_NAMES['zh-CN'],
      tier: { strategic: '战略', enterprise: '大型企业', 'mid-market': '中型企业', smb: '中小企业' },
      budgetKind: { personnel: '人员', operating: '运营', 'client-programs': '客户项目', training: '培训', tools: '工具' },
      function: {
        'account-management': '客户管理',
        sales: '销售',
        product: '产品',
        marketing: '市场',
        operations: '运营',
        finance: '财务',
        hr: '人力资源',
        legal: '法务',
        executive: '高管',
      },
      authority: { decide: '决定', agree: '同意', recommend: '建议', input: '提供意见', perform: '执行' },
    },
    more: '{list}等另外 {count} 项',
    separator: '、',
    noLimit: '无上限',
    upToPercent: '最多 {value}%',
    upToAmount: '最多 {value}',
  },
  rules: {
    ...STRUCTURE_ZH,
    ...SPAN_ZH,
    ...QUALIFICATION_ZH,
    ...DECISION_ZH,
    ...BUDGET_ZH,
  },
  engine: {
    internalError: '该规则未能完成对文档的检查（内部错误：{cause}）。',
    unknownRule: '规则设置中提到了“{id}”，当前版本没有这条规则。该设置会保留在文件中，但不起作用；请检查规则编号。',
    accepted: '已接受的例外：{reason}',
  },
  settings: {
    title: '规则设置',
    why: '某条规则设置指向了当前版本不认识的规则；它会保留在文件中，但不起作用。',
    practice: 'format.md：设置中未知的规则编号会被保留，并以提示级发现报告',
  },
  quotes: {
    headOversees: '客户管理负责人是一个高级领导职位，负责监督整个客户管理部门。',
    crossFunctional: '与产品、市场和运营等跨职能团队协作',
    progression: '从客户经理或高级客户经理等较低级别的职位晋升而来，以培养技能和专长',
    buildTeam: '一项主要职责是组建、辅导并带领一支由客户经理和主管组成的高绩效团队。',
    seniorLimitedReports: '高级客户经理可以辅导初级员工，但直接下属有限，主要专注于个人的客户组合。',
    cSuite: '这包括与 C 级高管和资深支付业务高管沟通，了解其业务目标，主动就支付战略提供建议，并在招聘方组织内部为他们的需求发声。',
    portfolio: '管理一组关键客户，确保较高的客户满意度和留存率',
    strategicAuthority: '客户管理负责人拥有战略决策权，影响全部门的目标、预算和资源分配。',
    tacticalAuthority: '而高级客户经理则在其负责的客户范围内做出战术性决策，解决客户问题并谈判合同。',
    escalations: '这份工作的很大一部分是处理升级问题',
    budgets: '客户管理负责人监管部门预算，并对实现整体收入目标负责。',
    revenueGoals: '高级客户经理专注于单个客户的收入目标，管理客户预算，并发掘增长机会。',
    headSalary: '平均而言，客户管理负责人的年薪范围为 120,000 至 200,000 美元。',
    headBonus: '奖金可达年薪的 10% 至 20%。',
    seniorSalary: '平均而言，高级客户经理的年薪范围为 80,000 至 150,000 美元。',
    seniorBonus: '奖金可达年薪的 5% 至 15%。',
    peopleManagement: '领导经验至关重要，通常要求 10 年以上的人员管理经验，并具备激励他人、培养人才和扩展团队的能力。',
    languages: '流利掌握普通话和英语是一项基本要求，以便适应本地商业文化，并与全球总部有效沟通。',
    seniorYears: '5–8 年客户管理经验，在管理客户关系和实现收入增长目标方面有良好业绩',
  },
  families: { structure: '结构', span: '管理跨度', decision: '决策权', budget: '预算归属', qualification: '任职资格', settings: '设置' },
};
