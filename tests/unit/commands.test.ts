import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addRole,
  copyRoles,
  freshId,
  slugify,
  moveRole,
  moveRoles,
  pasteRoles,
  removeDottedLine,
  removeRoles,
  renameDocument,
  renameRoleId,
  setPosition,
  type CommandResult,
} from '../../src/model/commands.ts';
import { addDottedLine, updateRole } from '../../src/model/field-commands.ts';
import { normalizeRole } from '../../src/schema/constants.ts';
import { DocumentSchema, RoleSchema, type OrgDocument, type Role } from '../../src/schema/v1.ts';
import { docOf } from '../helpers/doc.ts';
import { deepFreeze } from '../helpers/freeze.ts';
import { checkDocument } from '../../src/rules/engine.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import { createOrgStore } from '../../src/store/orgStore.ts';

const ok = <T extends object>(result: CommandResult<T>) => {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
};
const refused = (result: CommandResult) => {
  if (result.ok) throw new Error('expected a refusal');
  return result;
};
const managers = (doc: OrgDocument) => Object.fromEntries(doc.roles.map((r) => [r.id, r.reportsTo]));

// Frozen: any command that mutated its input would throw.
const base = deepFreeze(docOf([
  { id: 'head', title: 'Head of AM', family: 'head-am', level: 5 },
  { id: 'lead', title: 'AM Lead', family: 'am-lead', level: 4, reportsTo: 'head', budgets: [{ id: 'OPS', kind: 'operating', amount: 10 }] },
  { id: 'sam', title: 'Senior AM', family: 'senior-am', level: 3, reportsTo: 'lead', budgets: [{ id: 'CP', kind: 'client-programs', amount: 1, parent: 'OPS' }] },
  { id: 'am', title: 'AM', family: 'am', level: 2, reportsTo: 'sam', dottedLines: [{ to: 'lead', kind: 'partner' }] },
  { id: 'partner', title: 'Product China', function: 'product', level: 5, external: true },
], { view: { positions: { lead: { x: 1, y: 2 } }, collapsed: ['lead'] } }));

describe('addRole', () => {
  it('adds a report with a fresh id from the title and fills defaults', () => {
    const { doc, id } = ok(addRole(base, { role: { title: 'Account Manager', family: 'am', level: 2 }, reportsTo: 'lead', position: { x: 5, y: 6 } }));
    expect(id).toBe('account-manager');
    expect(doc.roles.at(-1)).toMatchObject({ id, reportsTo: 'lead', headcount: 1, dottedLines: [] });
    expect(doc.view.positions[id]).toEqual({ x: 5, y: 6 });
    expect(doc.roles.slice(0, 5)).toEqual(base.roles);
    expect(doc.roles[0]).toBe(base.roles[0]);
  });

  it('adds a loose role', () => {
    const { doc, id } = ok(addRole(base, { role: { title: 'Loose', level: 3 } }));
    expect(doc.roles.find((r) => r.id === id)!.reportsTo).toBeNull();
  });

  it('refuses a missing manager, a taken id and invalid fields', () => {
    expect(refused(addRole(base, { role: { title: 'X', level: 2 }, reportsTo: 'ghost' })).code).toBe('not-found');
    expect(refused(addRole(base, { role: { id: 'lead', title: 'X', level: 2 } })).code).toBe('duplicate');
    const bad = refused(addRole(base, { role: { title: 'X', level: 9 } }));
    expect(bad.code).toBe('invalid');
    expect(bad.reason).toMatch(/^level: /);
    expect(refused(addRole(base, { role: { title: 'X', level: 2, salary: { min: -1, max: 2 } } })).reason).toMatch(/^salary: /);
    expect(refused(addRole(base, { role: { title: '', level: 0 } })).reason).toMatch(/^title: /);
  });

  it('builds the role zod builds and refuses what zod refuses (without loading zod)', () => {
    const inputs = [
      { title: 'Full', level: 3, family: 'am', titles: { 'zh-CN': '全' }, holder: { name: 'Li', languages: ['zh'] }, decisions: [{ area: 'account-plan' }] },
      { title: 'Defaults left out', level: 1, archetype: undefined, family: undefined, budgets: [{ id: 'B', kind: 'tools', amount: 1 }] },
      { title: 'Unknown field', level: 2, extra: 1, salary: { min: 1, max: 2, other: 3 } },
      { title: 'Bad decision', level: 2, decisions: [{ area: 'nope' }] },
      { title: 'Bad locale', level: 2, titles: { 'not a tag': 'x' } },
      { title: 'Bad headcount', level: 2, headcount: 0 },
    ];
    for (const input of inputs) {
      const result = addRole(base, { role: { id: 'new', ...input } as never });
      const zod = RoleSchema.safeParse({ ...input, id: 'new', reportsTo: null });
      expect(result.ok, input.title).toBe(zod.success);
      if (result.ok && zod.success) expect(result.doc.roles.at(-1)).toEqual(normalizeRole(zod.data as Role));
    }
  });
});

describe('updateRole', () => {
  it('updates fields and validates the result', () => {
    const { doc } = ok(updateRole(base, 'sam', { title: 'Senior Account Manager', headcount: 2, holder: { name: 'Li Na' } }));
    expect(doc.roles[2]).toMatchObject({ title: 'Senior Account Manager', headcount: 2, holder: { name: 'Li Na' } });
    expect(doc.roles[1]).toBe(base.roles[1]);
  });

  it('removes a field set to undefined', () => {
    const { doc } = ok(updateRole(base, 'lead', { budgets: undefined, archetype: 'coach' }));
    expect(doc.roles[1]!.budgets).toEqual([]);
    const { doc: back } = ok(updateRole(doc, 'lead', { archetype: undefined }));
    expect(back.roles[1]!.archetype).toBeUndefined();
  });

  it('refuses invalid values naming the field, and id or manager changes', () => {
    expect(refused(updateRole(base, 'sam', { title: '' })).reason).toMatch(/^title: /);
    expect(refused(updateRole(base, 'sam', { salary: { min: -1, max: 2 } })).reason).toMatch(/^salary\.min: /);
    expect(refused(updateRole(base, 'ghost', { title: 'x' })).code).toBe('not-found');
    expect(refused(updateRole(base, 'sam', { reportsTo: 'head' } as never)).code).toBe('invalid');
  });
});

describe('moveRole', () => {
  it('moves a role to a new manager', () => {
    const { doc } = ok(moveRole(base, 'am', 'lead'));
    expect(managers(doc).am).toBe('lead');
  });

  it('makes a role a top role with null', () => {
    expect(managers(ok(moveRole(base, 'lead', null)).doc).lead).toBeNull();
  });

  it('refuses a move under itself or under its own report, with a reason', () => {
    expect(refused(moveRole(base, 'lead', 'lead')).code).toBe('self');
    const cycle = refused(moveRole(base, 'lead', 'am'));
    expect(cycle.code).toBe('cycle');
    expect(cycle.reason).toContain('AM Lead');
    expect(refused(moveRole(base, 'lead', 'ghost')).code).toBe('not-found');
  });

  it('terminates on a document that already holds a cycle', () => {
    const cyclic = docOf([{ id: 'a', reportsTo: 'b' }, { id: 'b', reportsTo: 'a' }, { id: 'c' }]);
    expect(ok(moveRole(cyclic, 'c', 'a')).doc.roles[2]!.reportsTo).toBe('a');
    expect(refused(moveRole(cyclic, 'a', 'b')).code).toBe('cycle');
  });
});

describe('moveRoles', () => {
  it('moves several roles in one step and clears their manual positions', () => {
    const { doc } = ok(moveRoles(base, ['lead', 'am'], 'partner'));
    expect(managers(doc)).toMatchObject({ lead: 'partner', am: 'partner', sam: 'lead' });
    expect(doc.view.positions).toEqual({});
  });

  it('refuses the whole step when one move would close a loop', () => {
    expect(refused(moveRoles(base, ['am', 'head'], 'sam')).code).toBe('cycle');
  });
});

describe('removeRoles', () => {
  it('moves the reports of a removed manager up to its manager', () => {
    const { doc } = ok(removeRoles(base, ['lead']));
    expect(managers(doc)).toEqual({ head: null, sam: 'head', am: 'sam', partner: null });
  });

  it('moves reports past several removed managers, and drops their dotted lines and view entries', () => {
    const { doc } = ok(removeRoles(base, ['lead', 'sam']));
    expect(managers(doc).am).toBe('head');
    expect(doc.roles.find((r) => r.id === 'am')!.dottedLines).toEqual([]);
    expect(doc.view.positions).toEqual({});
    expect(doc.view.collapsed).toEqual([]);
  });

  it('refuses a missing role', () => {
    expect(refused(removeRoles(base, ['ghost'])).code).toBe('not-found');
  });

  it('terminates when the removed roles form a cycle', () => {
    const cyclic = docOf([{ id: 'a', reportsTo: 'b' }, { id: 'b', reportsTo: 'a' }, { id: 'c', reportsTo: 'a' }]);
    expect(managers(ok(removeRoles(cyclic, ['a', 'b'])).doc)).toEqual({ c: null });
  });
});

describe('dotted lines', () => {
  it('adds and removes a dotted line', () => {
    const { doc } = ok(addDottedLine(base, 'lead', { to: 'partner', kind: 'partner', note: 'weekly sync' }));
    expect(doc.roles[1]!.dottedLines).toEqual([{ to: 'partner', kind: 'partner', note: 'weekly sync' }]);
    expect(ok(removeDottedLine(doc, 'lead', 'partner')).doc.roles[1]!.dottedLines).toEqual([]);
  });

  it('refuses a line to itself, to a missing role, a second line to the same role, and a missing line', () => {
    expect(refused(addDottedLine(base, 'lead', { to: 'lead', kind: 'partner' })).code).toBe('self');
    expect(refused(addDottedLine(base, 'lead', { to: 'ghost', kind: 'partner' })).code).toBe('not-found');
    expect(refused(addDottedLine(base, 'am', { to: 'lead', kind: 'indirect-manager' })).code).toBe('duplicate');
    expect(refused(removeDottedLine(base, 'lead', 'head')).code).toBe('not-found');
    expect(refused(addDottedLine(base, 'lead', { to: 'head', kind: 'boss' as never })).code).toBe('invalid');
  });
});

describe('copy and paste', () => {
  it('copies a role alone or with its subtree', () => {
    expect(copyRoles(base, 'sam', false).map((r) => r.id)).toEqual(['sam']);
    expect(copyRoles(base, 'lead', true).map((r) => r.id)).toEqual(['lead', 'sam', 'am']);
    expect(copyRoles(base, 'ghost', true)).toEqual([]);
  });

  it('pastes a subtree with fresh ids and inner references following; budgets stay with the originals (issue 21)', () => {
    const { doc, ids, leftOut } = ok(pasteRoles(base, copyRoles(base, 'lead', true), 'head'));
    expect(ids).toEqual(['lead-2', 'sam-2', 'am-2']);
    const byId = new Map(doc.roles.map((r) => [r.id, r]));
    expect(byId.get('lead-2')!.reportsTo).toBe('head');
    expect(byId.get('sam-2')!.reportsTo).toBe('lead-2');
    expect(byId.get('am-2')!.dottedLines).toEqual([{ to: 'lead-2', kind: 'partner' }]);
    expect(byId.get('lead-2')!.budgets).toEqual([]);
    expect(byId.get('sam-2')!.budgets).toEqual([]);
    expect(leftOut).toEqual({ holders: 0, budgets: 2, rights: 0 });
    const budgetIds = doc.roles.flatMap((r) => r.budgets.map((b) => b.id));
    expect(budgetIds).toEqual(['OPS', 'CP']);
  });

  it('pastes loose, and refuses an empty clipboard or a missing target', () => {
    const { doc, ids } = ok(pasteRoles(base, copyRoles(base, 'sam', false), null));
    expect(doc.roles.find((r) => r.id === ids[0])!.reportsTo).toBeNull();
    expect(refused(pasteRoles(base, [], 'head')).code).toBe('not-found');
    expect(refused(pasteRoles(base, copyRoles(base, 'sam', false), 'ghost')).code).toBe('not-found');
  });
});

describe('document and ids', () => {
  it('renames the document within 1–200 characters', () => {
    expect(ok(renameDocument(base, 'China AM 2027')).doc.name).toBe('China AM 2027');
    expect(refused(renameDocument(base, '')).code).toBe('invalid');
    expect(refused(renameDocument(base, 'x'.repeat(201))).code).toBe('invalid');
    // As zod counts: a surrogate pair is one character, a lone surrogate one too.
    for (const name of ['x', 'x'.repeat(200), '😀'.repeat(200), '😀'.repeat(201), `${'😀'.repeat(199)}\ud800x`, '\udc00']) {
      expect(renameDocument(base, name).ok, `${name.length} units`).toBe(DocumentSchema.shape.name.safeParse(name).success);
    }
  });

  it('renames a role id and every reference to it', () => {
    const { doc } = ok(renameRoleId(base, 'lead', 'lead-east'));
    expect(managers(doc).sam).toBe('lead-east');
    expect(doc.roles[3]!.dottedLines[0]!.to).toBe('lead-east');
    expect(doc.view.positions).toEqual({ 'lead-east': { x: 1, y: 2 } });
    expect(doc.view.collapsed).toEqual(['lead-east']);
    expect(refused(renameRoleId(base, 'lead', 'sam')).code).toBe('duplicate');
    expect(refused(renameRoleId(base, 'lead', '-bad')).code).toBe('invalid');
  });

  it('makes fresh ids that are valid and unused', () => {
    expect(slugify('Head of AM, China')).toBe('head-of-am-china');
    expect(slugify('客户经理')).toBe('role');
    expect(freshId('Head of AM', new Set())).toBe('head-of-am');
    expect(freshId('OPS', new Set(['OPS']))).toBe('OPS-2');
    expect(freshId('x', new Set(['x', 'x-2']))).toBe('x-3');
  });

  it('stores a position for a role id such as "constructor" as data', () => {
    const doc = setPosition(base, 'constructor', { x: 1, y: 1 });
    expect(Object.hasOwn(doc.view.positions, 'constructor')).toBe(true);
    expect(base.view.positions).toEqual({ lead: { x: 1, y: 2 } });
  });
});

describe('addRole and updateRole validate alike (issue 20, point 4)', () => {
  it('count a title in code points, as the format does: 120 emoji are a title, 121 are not', () => {
    const title = '😀'.repeat(120);
    const added = ok(addRole(base, { role: { title, level: 2 }, reportsTo: 'lead' }));
    expect(added.doc.roles.at(-1)!.title).toBe(title);
    expect(ok(updateRole(base, 'sam', { title })).doc.roles.find((r) => r.id === 'sam')!.title).toBe(title);
    expect(refused(addRole(base, { role: { title: `${title}😀`, level: 2 }, reportsTo: 'lead' })).reason).toMatch(/^title/);
    expect(refused(updateRole(base, 'sam', { title: `${title}😀` })).reason).toMatch(/^title/);
    // And the name of the document, on the same bound of the format.
    expect(ok(renameDocument(base, '😀'.repeat(200))).doc.name).toHaveLength(400);
    expect(refused(renameDocument(base, '😀'.repeat(201))).reason).toMatch(/1 to 200 characters/);
  });

  it('build the same role from the same fields', () => {
    const fields = { title: 'AM', level: 2, family: 'am', headcount: 3, vacancies: 1, holder: { name: 'Wang Fang', languages: ['zh-CN'] } } as const;
    const added = ok(addRole(base, { role: { id: 'x', ...fields }, reportsTo: 'lead' })).doc.roles.at(-1)!;
    const viaUpdate = ok(updateRole(ok(addRole(base, { role: { id: 'x', title: 'tmp', level: 1 }, reportsTo: 'lead' })).doc, 'x', fields)).doc.roles.at(-1)!;
    expect(viaUpdate).toEqual(added);
  });
});

describe('paste copies positions, not people nor money (issue 21)', () => {
  const position = deepFreeze(docOf([
    { id: 'head', title: 'Head of AM', family: 'head-am', level: 5, holder: { name: 'Li Wei' }, budgets: [{ id: 'CN-OPEX', kind: 'operating', amount: 100 }], decisions: [{ area: 'headcount-hiring', scope: 'department' }] },
    {
      id: 'lead',
      title: 'AM Lead, East',
      titles: { 'zh-CN': '华东区客户管理主管' },
      family: 'am-lead',
      level: 4,
      reportsTo: 'head',
      archetype: 'supervisor',
      holder: { name: 'Zhang Min', yearsExperience: 12, languages: ['zh', 'en'] },
      salary: { min: 700000, max: 1000000, bonusPct: 15 },
      revenueTarget: 175000000,
      accounts: [{ tier: 'strategic', count: 2 }],
      requirements: { minYearsManagement: 5, languages: ['zh'] },
      exceptions: [{ rule: 'SPAN-002', reason: 'Pilot team' }],
      dottedLines: [{ to: 'ext', kind: 'partner' }],
      budgets: [{ id: 'EAST-OPEX', kind: 'operating', amount: 70, parent: 'CN-OPEX' }],
      decisions: [
        { area: 'performance-review', scope: 'team' },
        { area: 'pricing-discount', scope: 'department', limit: { percent: 10 } },
        { area: 'account-plan', authority: 'agree', scope: 'department' },
        { area: 'day-to-day-service' },
      ],
    },
    { id: 'am', title: 'AM, East', family: 'am', level: 2, reportsTo: 'lead', holder: { name: 'Huang Lei' }, vacancies: 0, budgets: [{ id: 'EAST-AM', kind: 'client-programs', amount: 5 }] },
    { id: 'ext', title: 'Product China', function: 'product', level: 5, external: true, holder: { name: 'Daniel Tan' }, decisions: [{ area: 'cross-functional-priority' }, { area: 'account-strategy', scope: 'team' }] },
  ]));
  const roleOf = (doc: OrgDocument, id: string) => doc.roles.find((r) => r.id === id)!;
  const withoutHolder = (role: Role) => Object.fromEntries(Object.entries(role).filter(([key]) => key !== 'holder'));

  it('gives pasted roles no holder and keeps the rest of the position', () => {
    const { doc, ids, leftOut } = ok(pasteRoles(position, copyRoles(position, 'lead', true), 'head'));
    expect(ids).toEqual(['lead-2', 'am-2']);
    for (const id of ids) expect(Object.hasOwn(roleOf(doc, id), 'holder')).toBe(false);
    const lead = roleOf(position, 'lead');
    const pasted = roleOf(doc, 'lead-2');
    expect(pasted).toEqual({ ...withoutHolder(lead), id: 'lead-2', budgets: [], decisions: lead.decisions.filter((d) => d.scope !== 'department') });
    expect(pasted.decisions.map((d) => d.area)).toEqual(['performance-review', 'day-to-day-service']);
    expect(roleOf(doc, 'am-2').reportsTo).toBe('lead-2');
    expect(leftOut).toEqual({ holders: 2, budgets: 2, rights: 2 });
    // The originals keep their people, budgets and rights.
    expect(roleOf(doc, 'lead')).toBe(roleOf(position, 'lead'));
    expect(DocumentSchema.safeParse(doc).success).toBe(true);
  });

  it("leaves an external role's unscoped rights (department-wide) with the original, and keeps its scoped ones", () => {
    const { doc } = ok(pasteRoles(position, copyRoles(position, 'ext', false), null));
    expect(roleOf(doc, 'ext-2').decisions).toEqual([{ area: 'account-strategy', authority: 'decide', scope: 'team' }]);
    expect(roleOf(doc, 'ext-2').holder).toBeUndefined();
  });

  it('pastes no budget id twice, and a role copied alone has no holder either', () => {
    const { doc } = ok(pasteRoles(position, copyRoles(position, 'am', false), 'lead'));
    const budgetIds = doc.roles.flatMap((r) => r.budgets.map((b) => b.id));
    expect(new Set(budgetIds).size).toBe(budgetIds.length);
    expect(roleOf(doc, 'am-2')).toEqual({ ...withoutHolder(roleOf(position, 'am')), id: 'am-2', budgets: [] });
  });

  it('creates no finding of duplication on the presets: every team pasted beside itself', () => {
    // Findings that come from one thing being in two places: a person, a budget id, a department-wide right.
    const DUPLICATION = new Set(['BUD-001', 'BUD-002', 'DEC-001', 'DEC-007', 'DEC-008', 'QUAL-001', 'QUAL-002']);
    const dir = new URL('../../presets/', import.meta.url);
    for (const file of readdirSync(dir)) {
      const parsed = parseDocument(readFileSync(new URL(file, dir), 'utf8'));
      if (!parsed.ok) throw new Error(file);
      const doc = parsed.doc;
      const count = (findings: ReturnType<typeof checkDocument>) => findings.filter((f) => DUPLICATION.has(f.rule)).length;
      const before = count(checkDocument(doc));
      for (const role of doc.roles) {
        const result = pasteRoles(doc, copyRoles(doc, role.id, true), role.reportsTo);
        if (!result.ok) continue; // a manager that does not exist (the anti-patterns preset)
        // No budget id pasted (the anti-patterns preset has a duplicate of its own: BUD-001).
        expect(result.doc.roles.slice(doc.roles.length).flatMap((r) => r.budgets), `${file}: ${role.id}`).toEqual([]);
        expect(count(checkDocument(result.doc)), `${file}: ${role.id}`).toBeLessThanOrEqual(before);
      }
    }
  });

  it('is one undo step in the store, and redo pastes the same roles again', () => {
    const store = createOrgStore(position);
    const state = store.getState();
    state.setClipboard(copyRoles(position, 'lead', true));
    const result = state.run((d) => pasteRoles(d, store.getState().clipboard!, 'head'));
    expect(result.ok).toBe(true);
    const pasted = store.getState().doc;
    expect(pasted.roles.map((r) => r.id)).toEqual(['head', 'lead', 'am', 'ext', 'lead-2', 'am-2']);
    store.getState().undo();
    expect(store.getState().doc).toBe(position);
    store.getState().redo();
    expect(store.getState().doc).toBe(pasted);
  });
});
