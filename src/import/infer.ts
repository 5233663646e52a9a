/**
 * What a row does not say but its title and department do (issue 19, item 3): the role's
 * family and level from its title, English or Chinese, and its function from the department.
 * Every rule is a list of words; the first that matches wins, so the specific come first.
 */
import type { Family, RoleFunction } from '../schema/v1.ts';

/** Family and level from a title; `byWord` says the family is `other` and only the level came from a word. */
export interface TitleGuess {
  readonly family: Family;
  readonly level: number;
  /** The word or phrase the guess rests on; undefined when nothing matched (level 2, the default). */
  readonly matched?: string;
}

const FAMILY_RULES: readonly (readonly [RegExp, Family, number])[] = [
  [/\bhead of (account management|am|key accounts?|client management)\b|客户管理负责人|客户管理总监|大客户部负责人/, 'head-am', 5],
  [/\b(am|account management) (ops|operations)\b|\baccount operations\b|客户管理运营|客户运营/, 'am-ops', 3],
  [/\b(account management|am|key account) (lead|team lead|team leader|manager of managers)\b|\bteam lead(er)?\b|客户经理主管|客户管理组长|客户团队负责人|组长/, 'am-lead', 4],
  [/\b(senior|sr\.?) (key )?account manager\b|高级客户经理|资深客户经理/, 'senior-am', 3],
  [/\b(key )?account manager\b|客户经理/, 'am', 2],
];

/** Levels of the format (format.md): 1 associate … 8 C-level. */
const LEVEL_WORDS: readonly (readonly [RegExp, number])[] = [
  [/\b(chief|ceo|cfo|coo|cto|cmo|cro|president|founder)\b|总裁|首席|董事长|创始人/, 8],
  [/\b(vp|svp|evp|vice president|global head)\b|副总裁|全球负责人/, 7],
  [/\b(general manager|gm|regional director|managing director)\b|总经理|区域总监|大区总监/, 6],
  [/\b(director|head)\b|总监|负责人/, 5],
  [/\b(lead|manager|supervisor|team leader)\b|经理|主管|组长/, 4],
  [/\b(senior|sr\.?|specialist|principal|analyst|expert)\b|高级|资深|专员|专家|分析师/, 3],
  [/\b(associate|assistant|junior|jr\.?|intern|trainee|coordinator)\b|助理|实习|初级|见习/, 1],
];

export function titleGuess(title: string): TitleGuess {
  const t = title.toLowerCase();
  for (const [pattern, family, level] of FAMILY_RULES) {
    const m = pattern.exec(t);
    if (m) return { family, level, matched: m[0] };
  }
  for (const [pattern, level] of LEVEL_WORDS) {
    const m = pattern.exec(t);
    if (m) return { family: 'other', level, matched: m[0] };
  }
  return { family: 'other', level: 2 };
}

const FUNCTION_WORDS: readonly (readonly [RegExp, RoleFunction])[] = [
  [/\b(account management|key accounts?|client management|customer success|account)\b|客户管理|大客户|客户成功/, 'account-management'],
  [/\b(sales|business development|bd|commercial)\b|销售|商务/, 'sales'],
  [/\b(product|products|engineering|r&d)\b|产品|研发/, 'product'],
  [/\b(marketing|brand|communications?)\b|市场|营销|品牌/, 'marketing'],
  [/\b(operations|ops|supply chain|logistics)\b|运营|供应链/, 'operations'],
  [/\b(finance|accounting|treasury|controlling)\b|财务|会计/, 'finance'],
  [/\b(hr|human resources|people|talent|recruiting)\b|人力|人事|招聘/, 'hr'],
  [/\b(legal|compliance)\b|法务|法律|合规/, 'legal'],
  [/\b(executive|leadership|management board|ceo office)\b|总裁办|管理层|高管/, 'executive'],
];

/** The function a department's name says, with the word it rests on; undefined when none matches. */
export function functionGuess(department: string): { readonly fn: RoleFunction; readonly matched: string } | undefined {
  const d = department.toLowerCase();
  for (const [pattern, fn] of FUNCTION_WORDS) {
    const m = pattern.exec(d);
    if (m) return { fn, matched: m[0] };
  }
  return undefined;
}
