/** 决策权规则 DEC-001..009 的中文文本（与各规则模块中的英文逐条对应）。 */
import type { FamilyTranslation } from '../define.ts';
import type { DECISION_RULES } from './index.ts';

export const DECISION_ZH: FamilyTranslation<typeof DECISION_RULES> = {
  'DEC-001': {
    title: '每项决策只有一个决定者',
    why: '两个人都能决定同一件事，就等于没有人真正拍板；每项决策都需要、也只需要一个决定者。',
    practice: '贝恩 RAPID 决策模型：每项决策只有一个 D（决定者）',
    messages: {
      listedTwice: '{role}把{area}决策列了不止一次。请只保留一项决定权，并在其中写明范围和上限。',
      department: '{roles}都对全部门的{area}拥有决定权；一项决策只能有一个决定者。请只保留一位，其他人改为同意或提供意见。',
    },
  },
  'DEC-002': {
    title: '必需的决策都有负责人',
    why: '客户管理负责人决定全部门的目标、预算和资源；每位客户负责人也都需要有人为其客户决定定价、合同、客户分配和升级问题。',
    messages: {
      department: '全部门没有人决定{area}。请给{role}这项决定权。',
      owner: '没有人为{role}决定{area}。请给其本人或其上级经理这项决定权。',
      owners: '没有人为 {count} 位客户负责人（{roles}）决定{area}。请给他们本人或其上级经理这项决定权。',
    },
  },
  'DEC-003': {
    title: '决策权与职级相称',
    why: '高级客户经理在其负责的客户范围内做战术性决策；战略性决策放在组织的较低层级，就超出了持有人的职责。',
    messages: {
      aboveLevel: '{role}（职级 {level}）持有{area}的{authority}权，这是一项{tier}决策；职级 {level} 的决策最多只到{cap}事项。请把这项权力上移，或改为建议或提供意见。',
      operational: '运营性',
      tactical: '战术性',
      strategic: '战略性',
    },
  },
  'DEC-004': {
    title: '战略决策留给负责人',
    why: '客户战略、目标和预算分配应由客户管理负责人拍板；其他人应提出建议，而不是做决定。',
    messages: {
      notHead: '{holder}在为{head}决定{area}，而这是保留给负责人的决策。请把决定权交给{head}；其他人可以提出建议。',
    },
  },
  'DEC-005': {
    title: '下放的权限不超过授权人',
    why: '任何人下放的权限都不能超过自己拥有的权限：审批上限沿汇报线越往下越高，就意味着下属能批准其经理都无权批准的事项。',
    practice: '授权原则：任何人下放的权限都不能超过自己拥有的权限',
    messages: {
      beyond: '在{area}上，{lower}的决定权限（{lowerLimit}）超过了上级{higher}的权限（{higherLimit}）。请把下放的上限降到不超过上级的水平。',
    },
  },
  'DEC-006': {
    title: '升级问题有处可去',
    why: '处理升级问题是管理工作的核心；升级无处可去，或升级给审批上限相同的人，对客户毫无帮助。',
    messages: {
      alone: '{role}独自处理客户升级问题：上面没有人持有这项决策。请给其经理（或负责人）一项针对客户升级问题的团队决定权。',
      sameLimit: '在{area}上，{lower}向{higher}升级，但对方的上限相同（{limit}）；升级起不到作用。请提高上级的上限，或降低下级的上限。',
    },
  },
  'DEC-007': {
    title: '每项决策的否决权不宜过多',
    why: '每一项同意权都是一票否决；能阻止同一项决策的人一多，决策就会停滞。',
    practice: '贝恩 RAPID 决策模型：“警惕 A（同意者）泛滥”',
    messages: {
      tooMany: '有 {count} 个角色对{role}的{area}拥有否决权（同意权），而最多 {max} 个才可行。在否决权过多的角色上，否决权由{holders}持有。请将其中一部分改为提供意见。',
    },
  },
  'DEC-008': {
    title: '人事决策留在实线汇报线上',
    why: '招聘和绩效评估应由实线经理负责；汇报线以外的人应提供意见，而不是做决定。',
    practice: '实线经理负责绩效评估和招聘；虚线领导提供意见',
    messages: {
      external: '{role}在部门之外，却决定{area}。人事决策应归实线经理；请将这项权力改为提供意见或同意。',
      department: '{role}对全部门的{area}拥有决定权，但其中大多数人并不在其实线汇报线上。请将这项权力限定在其团队内，或交给负责人。',
    },
  },
  'DEC-009': {
    title: '空缺职位不持有决策权',
    why: '由空缺职位持有的决策没有人来做；在职位补上之前，请指定一名代理人。',
    practice: '每个成本中心只有一个问责负责人；职位空缺时由代理人履职',
    messages: {
      vacant: '{role}目前空缺，却持有{areas}的决定权。在职位补上之前，请指定一名代理人。',
    },
  },
};
