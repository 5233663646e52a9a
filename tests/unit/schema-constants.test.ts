/**
 * constants.ts (zod-free, read by the fast validator) against the zod schemas of v1.ts:
 * the field lists and defaults the fast validator uses are the schemas' own.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULTS, FIELDS, normalizeRole, roleWithDefaults } from '../../src/schema/constants.ts';
import {
  AccountsSchema,
  BudgetSchema,
  DecisionRightSchema,
  DocumentSchema,
  DottedLineSchema,
  ExceptionSchema,
  HolderSchema,
  LimitSchema,
  PositionSchema,
  RequirementsSchema,
  RoleSchema,
  RuleSettingSchema,
  SalarySchema,
} from '../../src/schema/v1.ts';

const SETTINGS = DocumentSchema.shape.settings.unwrap();
const VIEW = DocumentSchema.shape.view.unwrap();
const [PERCENT_LIMIT, AMOUNT_LIMIT] = LimitSchema.options;
const keys = (schema: { readonly shape: object }): string[] => Object.keys(schema.shape);
const defaultOf = (schema: { readonly def: { readonly defaultValue: unknown } }): unknown => schema.def.defaultValue;

describe('schema constants', () => {
  it('list the fields of every object schema in schema order', () => {
    expect(FIELDS).toEqual({
      document: keys(DocumentSchema),
      dottedLine: keys(DottedLineSchema),
      holder: keys(HolderSchema),
      salary: keys(SalarySchema),
      accounts: keys(AccountsSchema),
      budget: keys(BudgetSchema),
      percentLimit: keys(PERCENT_LIMIT),
      amountLimit: keys(AMOUNT_LIMIT),
      decision: keys(DecisionRightSchema),
      requirements: keys(RequirementsSchema),
      exception: keys(ExceptionSchema),
      settings: keys(SETTINGS),
      ruleSetting: keys(RuleSettingSchema),
      view: keys(VIEW),
      position: keys(PositionSchema),
    });
  });

  it('normalize roles to the fields of RoleSchema in schema order', () => {
    expect(Object.keys(normalizeRole(roleWithDefaults({ id: 'a', title: 'A', level: 1 })))).toEqual(keys(RoleSchema));
  });

  it('hold the schemas\' scalar defaults', () => {
    const role = RoleSchema.shape;
    expect(DEFAULTS).toEqual({
      family: defaultOf(role.family),
      function: defaultOf(role.function),
      reportsTo: defaultOf(role.reportsTo),
      external: defaultOf(role.external),
      assistant: defaultOf(role.assistant),
      headcount: defaultOf(role.headcount),
      vacancies: defaultOf(role.vacancies),
      authority: defaultOf(DecisionRightSchema.shape.authority),
      direction: defaultOf(VIEW.shape.direction),
    });
  });

  it('fill in what zod fills in for a role with no optional field', () => {
    const minimal = { id: 'a', title: 'A', level: 1 };
    expect(roleWithDefaults(minimal)).toEqual(normalizeRole(RoleSchema.parse(minimal)));
  });
});
