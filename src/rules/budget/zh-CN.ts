/** 预算规则 BUD-001..007 的中文文本（与各规则模块中的英文逐条对应）。 */
import type { FamilyTranslation } from '../define.ts';
import type { BUDGET_RULES } from './index.ts';

const BUDGET_PRACTICE = '预算层级一致性（SAP、PeopleSoft）；满载成本 = 基本工资 × 附加用工成本系数 + 浮动薪酬（ChartHop）';
const REVENUE_PRACTICE = '业绩指标超额分配惯例（10%–20% 属正常，50% 则值得关注）';

export const BUDGET_ZH: FamilyTranslation<typeof BUDGET_RULES> = {
  'BUD-001': {
    title: '每项预算只有一位负责人',
    why: '一项预算如果有两位负责人，或者负责人的职位空缺，就没有人真正为它负责。',
    practice: '每个成本中心只有一位问责负责人；职位空缺时由代理人履职',
    messages: {
      repeated: '{role}将预算 {id} 列了 {count} 次。请将它们合并为一项预算。',
      shared: '预算 {id} 同时归属于{owners}；一项预算只能有一位问责负责人。请只保留在一个角色上，或拆分为各有编号的多项预算。',
      vacant: '预算 {id} 的负责人是{role}，该职位目前空缺。在职位补上之前，请指定一位代理负责人。',
    },
  },
  'BUD-002': {
    title: '预算逐级汇总',
    why: '逐级下放的预算必须控制在其来源预算之内；否则部门计划的支出就会超出实际拥有的预算。',
    practice: BUDGET_PRACTICE,
    messages: {
      parentSelf: '{role}的预算 {id} 将自身设为上级预算。请选择一项已有的上级预算，或清除上级预算。',
      parentMissing: '{role}的预算 {id} 将“{parent}”设为上级预算，但本文档中没有这项预算。请选择一项已有的上级预算，或清除上级预算。',
      over: '{role}的预算 {id} 为 {amount}，但其下级预算（{children}）合计 {sum}。请提高上级预算，或削减下级预算。',
    },
  },
  'BUD-003': {
    title: '预算与角色相符',
    why: '部门预算由负责人统一监管；每类预算应归属于实际使用它的角色，人员预算则应归属于这些人员的经理。',
    practice: BUDGET_PRACTICE,
    messages: {
      kind: '{role}拥有一项{kind}预算（{id}）；{family}角色只应拥有{allowed}预算。请将其移交给实际使用它的角色。',
      kindNone: '{role}拥有一项{kind}预算（{id}）；{family}角色不应拥有任何预算。请将其移交给实际使用它的角色。',
      personnel: '{role}拥有一项人员预算（{id}），但没有下属。人员预算应归属于其所支付人员的经理。',
      rootPersonnel: '位于最高层的{role}没有人员预算。请将部门的人员预算交给负责人。',
    },
  },
  'BUD-004': {
    title: '人力成本不超出人员预算',
    why: '各岗位的满载成本（薪资、奖金及附加用工成本）必须控制在为其支付的人员预算之内。',
    practice: BUDGET_PRACTICE,
    messages: {
      over: '{role}的人员预算为 {budget}，其下人员的满载成本为 {cost}（占预算的 {share}）。请提高预算，或削减岗位、重新定级。',
      overNoBudget: '{role}的人员预算为 {budget}，其下人员的满载成本为 {cost}。请提高预算，或削减岗位、重新定级。',
    },
  },
  'BUD-005': {
    title: '收入目标逐级汇总',
    why: '团队成员的目标之和应与经理的目标相符，并留有适度余量；分配不足会让目标无人覆盖，超额分配过多则会打击士气。',
    practice: REVENUE_PRACTICE,
    messages: {
      noTarget: '{role}的下属承担的收入目标合计 {sum}，但{role}本身没有收入目标。请设定下属目标所汇总到的团队目标。',
      under: '{role}的下属承担的收入目标合计 {sum}，低于团队目标 {target}（分配不足 {under}）。请提高下属的目标，或降低团队目标。',
      overError: '{role}的下属承担的收入目标合计 {sum}，比团队目标 {target} 高出 {over}；超额分配超过 {limit} 就值得担忧。请降低下属的目标，或提高团队目标。',
      overWarn: '{role}的下属承担的收入目标合计 {sum}，比团队目标 {target} 高出 {over}；通常的余量为 {cushion}。请检查下属的目标。',
    },
  },
  'BUD-006': {
    title: '收入目标与客户相匹配',
    why: '客户经理的收入目标来自其负责的客户：有目标却没有客户，或有客户却没有目标，都是计划中的缺口。',
    practice: REVENUE_PRACTICE,
    messages: {
      noAccounts: '{role}有收入目标，但没有负责的客户。请分配该目标所依据的客户。',
      noTarget: '{role}负责客户，但没有收入目标。请为其客户组合设定目标。',
    },
  },
  'BUD-007': {
    title: '薪酬区间前后一致',
    why: '薪酬区间必须由低到高；下属的薪酬不应高于经理所能达到的水平；与市场水平相差甚远的区间值得再审视一下。',
    messages: {
      minAboveMax: '{role}的薪酬区间下限为 {min}，上限却为 {max}：下限高于上限。请将两者对调。',
      aboveManager: '{role}的薪酬下限（{min}）高于其经理{manager}的薪酬上限（{max}）。请重新调整其中一个薪酬区间。',
      bonus: '{role}的奖金比例为 {bonus}%，超出{family}角色通常的 {low}%–{high}% 范围。',
      base: '{role}的基本薪酬区间（{min}–{max} 美元）与{family}角色通常的 {low}–{high} 美元不重叠。',
    },
  },
};
