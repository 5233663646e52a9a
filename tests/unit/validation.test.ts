/**
 * The inspector's field bounds (src/ui/validation.ts) against the zod schemas of v1.ts:
 * each bound accepts exactly what the schema accepts at and around its edges, and says so
 * for a person in English and Chinese.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AccountsSchema, BudgetSchema, DocumentSchema, ExceptionSchema, HolderSchema, LimitSchema, RoleSchema, SalarySchema } from '../../src/schema/v1.ts';
import { BOUNDS, MAX_ID_LENGTH, boundMessage, checkBound, meets, type Bound } from '../../src/ui/validation.ts';
import { loadLanguage } from '../../src/ui/strings.ts';

const role = { id: 'r', title: 'Role', level: 3 };
const doc = { format: 'org-structure', version: 1, name: 'Doc', currency: 'CNY', roles: [] };
const [PERCENT_LIMIT, AMOUNT_LIMIT] = LimitSchema.options;

/** Whether the schema takes the value in the field each bound stands for. */
const SCHEMA: Record<keyof typeof BOUNDS, (value: string | number) => boolean> = {
  documentName: (v) => DocumentSchema.safeParse({ ...doc, name: v }).success,
  description: (v) => DocumentSchema.safeParse({ ...doc, description: v }).success,
  period: (v) => DocumentSchema.safeParse({ ...doc, period: v }).success,
  currency: (v) => DocumentSchema.safeParse({ ...doc, currency: v }).success,
  title: (v) => RoleSchema.safeParse({ ...role, title: v }).success,
  titleZh: (v) => RoleSchema.safeParse({ ...role, titles: { 'zh-CN': v } }).success,
  level: (v) => RoleSchema.safeParse({ ...role, level: v }).success,
  headcount: (v) => RoleSchema.safeParse({ ...role, headcount: v }).success,
  vacancies: (v) => RoleSchema.safeParse({ ...role, vacancies: v }).success,
  holderName: (v) => HolderSchema.safeParse({ name: v }).success,
  years: (v) => HolderSchema.safeParse({ name: 'x', yearsExperience: v }).success && RoleSchema.safeParse({ ...role, requirements: { minYearsManagement: v } }).success,
  salary: (v) => SalarySchema.safeParse({ min: v, max: v }).success,
  bonusPct: (v) => SalarySchema.safeParse({ min: 0, max: 0, bonusPct: v }).success,
  revenueTarget: (v) => RoleSchema.safeParse({ ...role, revenueTarget: v }).success,
  accountCount: (v) => AccountsSchema.safeParse({ tier: 'smb', count: v }).success,
  budgetId: (v) => BudgetSchema.safeParse({ id: v, kind: 'tools', amount: 0 }).success && BudgetSchema.safeParse({ id: 'b', kind: 'tools', amount: 0, parent: v }).success,
  budgetAmount: (v) => BudgetSchema.safeParse({ id: 'b', kind: 'tools', amount: v }).success,
  limitPercent: (v) => PERCENT_LIMIT!.safeParse({ percent: v }).success,
  limitAmount: (v) => AMOUNT_LIMIT!.safeParse({ amount: v }).success,
  reason: (v) => ExceptionSchema.safeParse({ rule: 'SPAN-001', reason: v }).success,
};

/** Values at and around a bound's edges. */
function probes(bound: Bound): (string | number)[] {
  switch (bound.kind) {
    case 'text':
      return [0, 1, bound.min, bound.max, bound.max + 1].flatMap((n) => ['x'.repeat(n), '😀'.repeat(n)]);
    case 'id':
      return ['a', 'a'.repeat(MAX_ID_LENGTH), 'a'.repeat(MAX_ID_LENGTH + 1), '-a', 'a b', 'a.b:c_d-1'];
    case 'currency':
      return ['CNY', 'cny', 'CN', 'CNYX'];
    case 'whole':
    case 'number': {
      const max = bound.max ?? bound.min + 1000;
      return [bound.min - 1, bound.min - 0.5, bound.min, bound.min + 0.5, max, max + 0.5, max + 1, Number.NaN, Number.POSITIVE_INFINITY];
    }
  }
}

describe('the inspector’s field bounds', () => {
  beforeAll(async () => {
    await loadLanguage('zh-CN');
  });

  for (const [name, bound] of Object.entries(BOUNDS) as [keyof typeof BOUNDS, Bound][]) {
    it(`${name}: accepts what the schema accepts`, () => {
      for (const value of probes(bound)) expect(meets(bound, value), `${name} ${String(value)}`).toBe(SCHEMA[name](value));
    });
  }

  it('read the id length from the format', () => {
    expect(MAX_ID_LENGTH).toBe(64);
  });

  it('say what a field takes, for a person, in English', () => {
    expect(checkBound(BOUNDS.level, 'Level', 'en', 9)).toBe('Level is 1 to 8');
    expect(checkBound(BOUNDS.level, 'Level', 'en', 2.5)).toBe('Level is a whole number, 1 to 8');
    expect(checkBound(BOUNDS.level, 'Level', 'en', Number.NaN)).toBe('Level is a whole number, 1 to 8');
    expect(checkBound(BOUNDS.level, 'Level', 'en', 4)).toBeNull();
    expect(checkBound(BOUNDS.title, 'Title', 'en', '')).toBe('Title has 1 to 120 characters');
    expect(checkBound(BOUNDS.headcount, 'Headcount', 'en', 0)).toBe('Headcount is a whole number, at least 1');
    expect(checkBound(BOUNDS.bonusPct, 'Bonus %', 'en', 101)).toBe('Bonus % is 0 to 100');
    expect(checkBound(BOUNDS.salary, 'Salary min', 'en', -1)).toBe('Salary min is a number, at least 0');
    expect(checkBound(BOUNDS.description, 'Description', 'en', 'x'.repeat(5001))).toBe('Description has at most 5,000 characters');
    expect(checkBound(BOUNDS.budgetId, 'Budget id', 'en', 'a b')).toBe('Budget id has 1 to 64 letters, digits or _ . : - and starts with a letter or digit');
    expect(checkBound(BOUNDS.currency, 'Currency', 'en', 'yuan')).toBe('Currency is a code of 3 capital letters, such as CNY');
    expect(boundMessage(BOUNDS.reason, 'Reason', 'en')).toBe('Reason has 1 to 500 characters');
  });

  it('and in Chinese', () => {
    expect(checkBound(BOUNDS.level, '职级', 'zh-CN', 9)).toBe('职级应为 1 到 8');
    expect(checkBound(BOUNDS.level, '职级', 'zh-CN', 1.5)).toBe('职级应为 1 到 8 的整数');
    expect(checkBound(BOUNDS.title, '职位名称', 'zh-CN', '')).toBe('职位名称应有 1 到 120 个字符');
    expect(checkBound(BOUNDS.headcount, '编制人数', 'zh-CN', 0)).toBe('编制人数应为整数，至少为 1');
    expect(checkBound(BOUNDS.bonusPct, '奖金 %', 'zh-CN', 120)).toBe('奖金 %应为 0 到 100');
  });
});
