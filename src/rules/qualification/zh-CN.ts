/** 任职资格规则 QUAL-001..002 的中文文本（与各规则模块中的英文逐条对应）。 */
import type { FamilyTranslation } from '../define.ts';
import type { QUALIFICATION_RULES } from './index.ts';

export const QUALIFICATION_ZH: FamilyTranslation<typeof QUALIFICATION_RULES> = {
  'QUAL-001': {
    title: '任职者达到职族的一般要求',
    why: '客户管理负责人通常具备 10 年以上的人员管理经验，高级客户经理通常具备 5–8 年的工作经验；低于这一水平的任职者需要一份发展计划。',
    messages: {
      head: '{holder}（{role}）的人员管理经验为 {years} 年；客户管理负责人通常需要 {min} 年以上。请安排支持，或为该角色设定专门的任职要求。',
      senior: '{holder}（{role}）的工作经验为 {years} 年；高级客户经理通常有 {min}–8 年。请安排支持，或为该角色设定专门的任职要求。',
      holder: '任职者',
    },
  },
  'QUAL-002': {
    title: '任职者满足角色的任职要求',
    why: '当角色写明了对任职者的要求（工作年限，以及普通话和英语等语言）时，任职者应当满足这些要求，或有一份发展计划。',
    messages: {
      gaps: '{holder}（{role}）未达到任职要求：{gaps}。请制定发展计划，或重新审视任职要求。',
      holder: '任职者',
      management: '人员管理经验仅 {years} 年（该角色要求 {min} 年）',
      experience: '工作经验仅 {years} 年（该角色要求 {min} 年）',
      languages: '缺少必需的语言 {languages}',
    },
  },
};
