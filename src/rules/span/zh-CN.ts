/** 跨度规则 SPAN-001..007 的中文文本（与各规则模块中的英文逐条对应）。 */
import type { FamilyTranslation } from '../define.ts';
import type { SPAN_RULES } from './index.ts';

const SPANS = '麦肯锡《如何确定合适的管理跨度》（球员型教练 3–5 人、教练 6–7 人、督导 8–10 人、引导者 11–15 人、协调者 15 人以上）；OrgVue 的跨度分段（一对一、微型团队）';
const COVERAGE = '各客户层级的覆盖规范（业界从业者基准，仅作警告）';

export const SPAN_ZH: FamilyTranslation<typeof SPAN_RULES> = {
  'SPAN-001': {
    title: '避免一对一和微型团队',
    why: '只带一两名下属的经理多出一个层级，却没有带来杠杆效应；应合并小团队或去掉这一层级。',
    practice: SPANS,
    messages: {
      oneOverOne: '{role}只管理 {span} 名直接下属，属于一对一管理（建议至少 {min} 名）。请将该团队与其他团队合并，或去掉这一层级。',
      micro: '{role}只管理 {span} 名直接下属，属于微型团队（建议至少 {min} 名）。请将该团队与其他团队合并，或去掉这一层级。',
      small: '{role}只管理 {span} 名直接下属，团队过小（建议至少 {min} 名）。请将该团队与其他团队合并，或去掉这一层级。',
    },
  },
  'SPAN-002': {
    title: '管理跨度在原型范围内',
    why: '一位经理能带多少人取决于其工作方式：球员型教练带的人少，引导者带的人多。超出范围，辅导和绩效评估都会受影响。',
    practice: SPANS,
    messages: {
      overBetter: '{role}有 {span} 名直接下属；{archetype}的范围是 {min}–{max} 人（超过 {limit} 人为错误）。请拆分团队，或者如果该角色确实如此工作，将其设为{better}。',
      over: '{role}有 {span} 名直接下属；{archetype}的范围是 {min}–{max} 人（超过 {limit} 人为错误）。请拆分团队或增设一名主管。',
    },
  },
  'SPAN-003': {
    title: '管理跨度低于原型范围',
    why: '团队规模小于经理原型的预期，说明原型可能设错了，或者团队可以合并。',
    practice: SPANS,
    messages: {
      belowBetter: '{role}有 {span} 名直接下属，低于{archetype}的 {min}–{max} 人范围。请将该角色重新归类为{better}，或合并团队。',
      below: '{role}有 {span} 名直接下属，低于{archetype}的 {min}–{max} 人范围。请重新设定原型或合并团队。',
    },
  },
  'SPAN-004': {
    title: '高级客户经理和客户经理只带小团队',
    why: '高级客户经理可以辅导新人，但重心在自己的客户组合上；客户经理不管理任何人。更大的团队应归主管管理。',
    messages: {
      tooMany: '{role}（{family}）有 {span} 名直接下属；该职族最多应有 {cap} 名。请把下属调给一名主管，或更改该角色的职族。',
    },
  },
  'SPAN-005': {
    title: '兼做销售的经理是球员型教练',
    why: '自己也负责客户的经理用于带团队的时间更少，因此应作为球员型教练，只带小团队。',
    practice: '球员型教练式经理需要更小的管理跨度（Alexander Group）',
    messages: {
      notPlayerCoach: '{role}负责 {accounts} 个客户，并以{archetype}身份管理 {span} 名直接下属。兼做销售的经理是球员型教练：请把客户交给团队，或将原型设为球员型教练。',
      tooMany: '{role}负责 {accounts} 个客户并管理 {span} 名直接下属；球员型教练最多应管理 {max} 名。请移交客户或拆分团队。',
    },
  },
  'SPAN-006': {
    title: '客户组合负荷不超出能力',
    why: '每个层级的客户都需要一定的投入；客户组合超出能力意味着客户得不到应有的关注，而经理只有部分时间可用于客户。',
    practice: COVERAGE,
    messages: {
      manager: '{role}的客户组合负荷为 {load}（每个岗位：{mix}）；作为经理，其能力为 {capacity}。请把客户转给他人或增加编制。',
      individual: '{role}的客户组合负荷为 {load}（每个岗位：{mix}）；其能力为 {capacity}。请把客户转给他人或增加编制。',
      tier: '{tier}客户 {count} 个（上限 {cap}）',
    },
  },
  'SPAN-007': {
    title: '战略客户由资深人员负责',
    why: '战略客户期待对等的资深对接人；职级低于战略要求的负责人缺乏这些客户所需的地位和权限。',
    practice: COVERAGE,
    messages: {
      tooJunior: '{role}（职级 {level}）负责 {count} 个战略客户；战略客户需要职级 {min} 或以上的人负责。请将其转给高级客户经理或主管。',
    },
  },
};
