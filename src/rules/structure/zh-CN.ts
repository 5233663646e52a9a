/** 结构规则 STR-001..007 的中文文本（与各规则模块中的英文逐条对应）。 */
import type { FamilyTranslation } from '../define.ts';
import type { STRUCTURE_RULES } from './index.ts';

const UNITY_OF_COMMAND = '统一指挥原则（法约尔）；ChartHop：每个岗位只有一位直接经理';

export const STRUCTURE_ZH: FamilyTranslation<typeof STRUCTURE_RULES> = {
  'STR-001': {
    title: '汇报线有效',
    why: '每个人都需要恰好一位真正的经理；汇报给不存在的人、汇报给自己或绕成一圈的汇报线，会让这些人没有任何人对其负责。',
    practice: UNITY_OF_COMMAND,
    messages: {
      self: '{role}汇报给自己。请选择其真正的经理；如果它是部门的最高层，请清空其经理。',
      missing: '{role}汇报给“{to}”，但本文档中没有这个角色。请选择一位已有的经理，或清空这条汇报线。',
      cycle: '汇报线形成循环：{path}。循环中的任何人都到达不了部门最高层；请修改其中一条汇报线。',
      path: '{from} → {to}',
    },
  },
  'STR-002': {
    title: '部门只有一个最高层',
    why: '客户管理负责人监督整个部门，因此每个角色都应处在同一个层级体系中、位于同一个最高角色之下；游离的角色和平行的层级体系都会脱离这种监督。',
    practice: UNITY_OF_COMMAND,
    messages: {
      noTop: '部门没有最高层角色：每个角色都汇报进了循环，或汇报给了不存在的经理。请让负责人不设经理（或设一位外部经理）。',
      loose: '{role}是游离角色：除最高层的{top}外，它是部门中另一个没有经理的角色。请让它汇报给层级体系中的某个人，或将其标记为外部角色。',
      second: '{role}在{top}之下的层级体系之外，另外领导着一个层级体系（{positions} 个岗位）。请将其置于{top}之下，或将该体系的最高层标记为外部角色。',
    },
  },
  'STR-003': {
    title: '虚线汇报合理',
    why: '虚线汇报把人与自身汇报线之外的合作伙伴联系起来；指向自己团队内部、指向自己的经理，或指向多位“第二上司”的虚线，只会让谁在领导变得模糊。',
    practice: '实线与虚线汇报实践（只设一位间接上级，ChartHop）',
    messages: {
      twice: '{role}有两条指向{target}的虚线。请只保留一条。',
      twiceMissing: '{role}有两条指向“{to}”的虚线。请只保留一条。',
      missing: '{role}有一条指向“{to}”的虚线，但本文档中没有这个角色。请删除这条虚线，或将其指向一个已有的角色。',
      self: '{role}有一条指向自己的虚线。请删除它。',
      subordinate: '{role}有一条指向{target}的虚线，而对方就在其自身汇报线的下方。虚线汇报应指向自己团队以外的人；请删除它。',
      manager: '{role}有一条指向{target}的虚线，而对方已经是它的实线经理。请删除这条虚线。',
      tooManyIndirect: '{role}有 {count} 位间接上级（{targets}）；建议最多 {max} 位。请将其余的改为合作伙伴虚线。',
    },
  },
  'STR-004': {
    title: '空缺岗位与多编制节点',
    why: '团队需要一位实际管理它的人：多编制节点或空缺岗位都无法管理团队，因此请指定一位代理经理，或把经理单独拆分出来。',
    practice: '空缺岗位与代理经理（授权管理实践）',
    messages: {
      overVacant: '{role}有 {vacancies} 个空缺，但只有 {headcount} 个编制。请减少空缺数，或增加编制。',
      pooled: '{role}代表 {headcount} 个岗位，却有 {reports} 名直接下属：多编制节点无法管理团队。请把经理拆分为一个单独的角色。',
      vacant: '{role}目前空缺，却有 {reports} 名直接下属。在岗位补上之前，请指定一位代理经理。',
      assistant: '{role}被标记为助理，却有 {reports} 名直接下属；管理他人的助理就是经理。请取消“助理”标记，或把这些下属调走。',
    },
  },
  'STR-005': {
    title: '层级不多于所需',
    why: '每多一个层级都会拖慢决策、增加成本；这样规模的部门，在健康的管理跨度下可以用更少的层级运作。',
    practice: '贝恩《精简管理跨度与层级》：层级越多，决策越慢；管理跨度与层级的几何关系',
    messages: {
      tooManyLayers: '部门有 {layers} 个层级、{positions} 个岗位；按 {span} 的管理跨度，{least} 个层级就够了（最多可接受 {accepted} 个）。请通过扩大管理跨度或合并团队去掉一个层级。',
    },
  },
  'STR-006': {
    title: '职级沿汇报线逐级上升',
    why: '人们从客户经理晋升为高级客户经理，再晋升为主管；下属的职级等于或高于经理，既没有成长空间，也会让权责不清。',
    practice: 'OrgVue 关于职级压缩的论述',
    messages: {
      inversion: '{role}（职级 {level}）高于其经理{manager}（职级 {managerLevel}）。请修正职级，或调换这条汇报线。',
      compression: '{role}与其经理{manager}同为职级 {level}（职级压缩）。请提高经理的职级，或降低下属的职级。',
    },
  },
  'STR-007': {
    title: '一位负责人，并有跨职能合作伙伴',
    why: '部门由一位客户管理负责人领导，并与产品、市场和运营团队协作；缺少合作伙伴虚线，客户的需求就没有传达的渠道。',
    messages: {
      noHead: '部门没有客户管理负责人（职族为 head-am 的角色）。请添加一位，或设置最高层角色的职族。',
      secondHead: '{role}是{head}之外的第二位客户管理负责人。请只保留一位负责人；将另一位改为主管，或改为其他职族的副手。',
      topNotHead: '部门最高层{role}不是客户管理负责人（职族：{family}）。',
      noPartner: '{role}与{function}职能之间没有合作伙伴虚线。请与本部门合作的{function}团队负责人建立一条合作伙伴虚线。',
    },
  },
};
