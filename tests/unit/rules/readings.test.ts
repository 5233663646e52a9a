/**
 * The settled readings of docs/spec/rules.md, "Precise readings": STR-003 counts targets,
 * QUAL-001/002 judge the designed department and match language subtags, BUD-005 counts
 * assistants' targets, DEC-007 names every agree holder over an over-covered role.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../src/rules/engine.ts';
import type { OrgDocument, RoleInput } from '../../../src/schema/v1.ts';
import { docOf, type RoleSketch } from '../../helpers/doc.ts';

type Line = NonNullable<RoleInput['dottedLines']>[number];
type Right = NonNullable<RoleInput['decisions']>[number];

const settings = (rule: string, params: Record<string, unknown>) => ({ settings: { rules: { [rule]: { params } } } });

/** One rule's findings as rule, severity, roles and message. */
function findings(doc: OrgDocument, rule: string) {
  return checkDocument(doc)
    .filter((f) => f.rule === rule)
    .map(({ severity, roles, message }) => ({ severity, roles: [...roles], message }));
}
const subjects = (doc: OrgDocument, rule: string) => findings(doc, rule).map(({ severity, roles }) => ({ severity, roles }));

describe('STR-003 counts targets, not lines', () => {
  /** head → lead → am; peer and gm are other roles under head. `lines` are am's (or `who`'s). */
  const roles: RoleSketch[] = [
    { id: 'head', family: 'head-am', level: 5 },
    { id: 'lead', family: 'am-lead', reportsTo: 'head' },
    { id: 'am', family: 'am', reportsTo: 'lead' },
    { id: 'peer', family: 'am-lead', reportsTo: 'head' },
    { id: 'gm', family: 'other', reportsTo: 'head' },
  ];
  const org = (lines: Line[], who = 'am', extra: Record<string, unknown> = {}) =>
    docOf(
      roles.map((r) => (r.id === who ? { ...r, dottedLines: lines } : r)),
      extra,
    );
  const im = (to: string): Line => ({ to, kind: 'indirect-manager' });
  const partner = (to: string): Line => ({ to, kind: 'partner' });

  it('gives a second line to the same target the "twice" warning and nothing else', () => {
    const found = findings(org([im('am'), im('am')], 'lead'), 'STR-003');
    expect(found.map(({ severity, roles }) => ({ severity, roles }))).toEqual([
      { severity: 'error', roles: ['lead', 'am'] }, // the first line: to its own subordinate
      { severity: 'warning', roles: ['lead', 'am'] }, // the second: only "twice"
    ]);
    expect(found[1]!.message).toContain('two dotted lines');
  });

  it('counts one indirect manager for two indirect-manager lines to one role', () => {
    expect(subjects(org([im('peer'), im('peer')]), 'STR-003')).toEqual([{ severity: 'warning', roles: ['am', 'peer'] }]);
  });

  it('counts a target that any indirect-manager line names, even the repeated line', () => {
    const found = subjects(org([partner('peer'), im('peer'), im('gm')]), 'STR-003');
    expect(found).toEqual([
      { severity: 'warning', roles: ['am', 'peer'] }, // twice
      { severity: 'warning', roles: ['am', 'peer', 'gm'] }, // two indirect managers, above maxIndirectManagers 1
    ]);
  });

  it('counts existing roles other than the role itself: a missing target and the role do not count, its manager does', () => {
    expect(subjects(org([im('ghost'), im('am'), im('peer')]), 'STR-003')).toEqual([
      { severity: 'error', roles: ['am'] },
      { severity: 'error', roles: ['am'] },
    ]);
    expect(subjects(org([im('lead'), im('peer')]), 'STR-003')).toEqual([
      { severity: 'warning', roles: ['am', 'lead'] }, // to its own solid-line manager
      { severity: 'warning', roles: ['am', 'lead', 'peer'] },
    ]);
  });

  it('compares the distinct count with maxIndirectManagers', () => {
    expect(subjects(org([im('peer'), im('gm'), im('peer')], 'am', settings('STR-003', { maxIndirectManagers: 2 })), 'STR-003')).toEqual([
      { severity: 'warning', roles: ['am', 'peer'] },
    ]);
  });
});

describe('QUAL-001 and QUAL-002 judge the designed department', () => {
  const head = (fields: Partial<RoleSketch>): RoleSketch => ({ id: 'head', family: 'head-am', level: 5, ...fields });

  it('gives an external role no QUAL finding', () => {
    const gm = (fields: Partial<RoleSketch>): RoleSketch => ({ id: 'gm', family: 'head-am', level: 7, external: true, ...fields });
    const weak = { name: 'G', yearsManagement: 1, yearsExperience: 1, languages: ['en'] };
    expect(subjects(docOf([gm({ holder: weak })]), 'QUAL-001')).toEqual([]);
    expect(subjects(docOf([gm({ holder: weak, requirements: { minYearsManagement: 10, languages: ['zh'] } })]), 'QUAL-002')).toEqual([]);
    // The same roles in scope are judged.
    expect(subjects(docOf([head({ holder: weak })]), 'QUAL-001')).toEqual([{ severity: 'warning', roles: ['head'] }]);
    expect(subjects(docOf([head({ holder: weak, requirements: { minYearsManagement: 10, languages: ['zh'] } })]), 'QUAL-002')).toEqual([
      { severity: 'warning', roles: ['head'] },
    ]);
  });

  /** Whether a holder speaking `have` meets a requirement of `want` (no QUAL-002 finding). */
  const meets = (have: string[], want: string[]): boolean =>
    subjects(docOf([head({ holder: { name: 'Li', languages: have }, requirements: { languages: want } })]), 'QUAL-002').length === 0;

  it('meets a required language with an equal tag or a subtag of it, case ignored', () => {
    expect(meets(['zh'], ['zh'])).toBe(true);
    expect(meets(['zh-CN'], ['zh'])).toBe(true);
    expect(meets(['ZH-cn'], ['zh'])).toBe(true);
    expect(meets(['zh-Hant-TW'], ['zh-hant'])).toBe(true);
    expect(meets(['zh-cn'], ['zh-CN'])).toBe(true);
    expect(meets(['en-GB', 'zh-CN'], ['zh', 'en'])).toBe(true);
  });

  it('does not meet it with a broader tag, a sibling region or a longer language name', () => {
    expect(meets(['zh'], ['zh-CN'])).toBe(false);
    expect(meets(['zh-TW'], ['zh-CN'])).toBe(false);
    expect(meets(['zhx'], ['zh'])).toBe(false);
    expect(meets(['en'], ['zh'])).toBe(false);
  });
});

describe('BUD-005 applies to every in-scope role with a kid that has a target', () => {
  const lead = (target?: number): RoleSketch => ({ id: 'lead', family: 'am-lead', ...(target === undefined ? {} : { revenueTarget: target }) });
  const kid = (id: string, target: number | undefined, fields: Partial<RoleSketch> = {}): RoleSketch => ({
    id,
    family: 'am',
    reportsTo: 'lead',
    ...(target === undefined ? {} : { revenueTarget: target }),
    ...fields,
  });

  it("counts an assistant's target in S like any kid's", () => {
    expect(subjects(docOf([lead(100), kid('am', 60), kid('pa', 40, { assistant: true })]), 'BUD-005')).toEqual([]);
    // Without the assistant's 40, 60 would be under-assigned; with it doubled, 140 is over the 20% cushion.
    expect(subjects(docOf([lead(100), kid('am', 60), kid('pa', 80, { assistant: true })]), 'BUD-005')).toEqual([{ severity: 'warning', roles: ['lead'] }]);
  });

  it('applies to a manager whose only kid with a target is an assistant', () => {
    const found = findings(docOf([lead(), kid('pa', 50, { assistant: true }), kid('am', undefined)]), 'BUD-005');
    expect(found.map(({ severity, roles }) => ({ severity, roles }))).toEqual([{ severity: 'warning', roles: ['lead'] }]);
    expect(found[0]!.message).toContain('no revenue target');
  });

  it('needs a kid with a target above 0; targets of external reports are not counted', () => {
    expect(subjects(docOf([lead(), kid('am', 0), kid('am2', undefined)]), 'BUD-005')).toEqual([]);
    expect(subjects(docOf([lead(), kid('ext', 50, { external: true })]), 'BUD-005')).toEqual([]);
    expect(subjects(docOf([lead(100), kid('am', 100), kid('ext', 100, { external: true })]), 'BUD-005')).toEqual([]);
  });

  it('gives an external manager no finding', () => {
    const doc = docOf([{ ...lead(), external: true }, kid('am', 50)]);
    expect(subjects(doc, 'BUD-005')).toEqual([]);
  });
});

describe('DEC-007 names every agree holder over an over-covered role, in document order', () => {
  const agree = (scope: Right['scope'], area: Right['area'] = 'pricing-discount'): Right => ({ area, authority: 'agree', scope });
  /**
   * head → leadA → a1 → a1r, leadA → a2; head → leadB → b1 → b1r. `rights` gives roles
   * their decisions; with `rightsOf` below, a1r and b1r each have three distinct agree holders.
   */
  const roles: RoleSketch[] = [
    { id: 'head', family: 'head-am', level: 5 },
    { id: 'leadA', family: 'am-lead', reportsTo: 'head' },
    { id: 'a1', family: 'senior-am', reportsTo: 'leadA' },
    { id: 'a2', family: 'am', reportsTo: 'leadA' },
    { id: 'leadB', family: 'am-lead', reportsTo: 'head' },
    { id: 'b1', family: 'senior-am', reportsTo: 'leadB' },
    { id: 'a1r', family: 'am', reportsTo: 'a1' },
    { id: 'b1r', family: 'am', reportsTo: 'b1' },
  ];
  const org = (rights: Partial<Record<string, Right[]>>) => docOf(roles.map((r) => ({ ...r, decisions: rights[r.id] ?? [] })));
  const twoBranches = {
    leadA: [agree('team')],
    a1: [agree('team')],
    a1r: [agree('own')],
    leadB: [agree('team')],
    b1: [agree('team')],
    b1r: [agree('own')],
  };

  it('gives one finding for the area naming the holders over every over-covered role', () => {
    const found = findings(org(twoBranches), 'DEC-007');
    expect(found.map(({ severity, roles }) => ({ severity, roles }))).toEqual([
      { severity: 'warning', roles: ['leadA', 'a1', 'leadB', 'b1', 'a1r', 'b1r'] },
    ]);
    // The message names one over-covered role as the example.
    expect(found[0]!.message).toMatch(/for (a1r|b1r);/);
  });

  it('leaves out a holder that covers no over-covered role', () => {
    // a2 is covered by leadA and itself: two, not more than maxAgree 2.
    expect(subjects(org({ ...twoBranches, a2: [agree('own')] }), 'DEC-007')).toEqual([
      { severity: 'warning', roles: ['leadA', 'a1', 'leadB', 'b1', 'a1r', 'b1r'] },
    ]);
    // Only branch A over maxAgree: branch B's holders are not named.
    expect(subjects(org({ ...twoBranches, b1r: [] }), 'DEC-007')).toEqual([{ severity: 'warning', roles: ['leadA', 'a1', 'a1r'] }]);
  });

  it('names a department holder, which covers every in-scope role, and judges each area apart', () => {
    const escalation = (scope: Right['scope']) => agree(scope, 'client-escalation');
    const rights = {
      ...twoBranches,
      head: [agree('department'), escalation('team')],
      leadA: [agree('team'), escalation('team')],
      a1: [agree('team'), escalation('own')],
    };
    // One finding per area, in the order of the areas in format.md.
    expect(subjects(org(rights), 'DEC-007')).toEqual([
      // pricing-discount: head's department veto and every branch holder; client-escalation: the three over a1.
      { severity: 'warning', roles: ['head', 'leadA', 'a1', 'leadB', 'b1', 'a1r', 'b1r'] },
      { severity: 'warning', roles: ['head', 'leadA', 'a1'] },
    ]);
  });

  it('is quiet when no role has more than maxAgree', () => {
    expect(subjects(org({ leadA: [agree('team')], a1: [agree('team')], leadB: [agree('team')], b1: [agree('own')] }), 'DEC-007')).toEqual([]);
  });
});
