/**
 * One-click remedies (src/rules/remedies.ts): each removes the finding it is offered for,
 * as one undo step of the store, and undo gives the document back; "accept with a
 * reason" adds the exception to the finding's main role.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blankDocument } from '../../src/model/blank.ts';
import { checkDocument } from '../../src/rules/engine.ts';
import { EN_TEXTS } from '../../src/rules/texts.ts';
import { acceptFinding, canAccept, REMEDY_MESSAGE_IDS, remediesFor, type Remedy } from '../../src/rules/remedies.ts';
import type { Finding } from '../../src/rules/types.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import type { OrgDocument, Scope } from '../../src/schema/v1.ts';
import { createOrgStore } from '../../src/store/orgStore.ts';
import { makeDoc, role, type R } from './rules/helpers.ts';

const head = (fields: Partial<R> = {}) => role('head', { family: 'head-am', level: 5, ...fields });
const lead = (id: string, fields: Partial<R> = {}) => role(id, { family: 'am-lead', level: 4, reportsTo: 'head', ...fields });
const am = (id: string, reportsTo: string | null, fields: Partial<R> = {}) => role(id, { family: 'am', level: 2, reportsTo, ...fields });

/** Rights that keep DEC-002 quiet, so the tests see the finding they are about. */
const DEPT = (['account-strategy', 'target-setting', 'budget-allocation', 'headcount-hiring'] as const).map((area) => ({ area, scope: 'department' as Scope }));
const TEAM = (['account-assignment', 'pricing-discount', 'contract-negotiation', 'client-escalation'] as const).map((area) => ({ area, scope: 'team' as Scope }));

/** What identifies a finding across edits: its message id and data (role ids, areas, amounts). */
const key = (f: Finding) => `${f.messageId} ${JSON.stringify(f.data)}`;

function theFinding(doc: OrgDocument, messageId: string, mainRole?: string): Finding {
  const found = checkDocument(doc).filter((f) => f.messageId === messageId && (mainRole === undefined || f.roles[0] === mainRole));
  expect(found.length, `${messageId} on ${mainRole}`).toBeGreaterThan(0);
  return found[0]!;
}

/** Runs the remedy through the store: one history entry, the finding gone; undo gives the document back. */
function applyThroughStore(doc: OrgDocument, finding: Finding, remedy: Remedy): OrgDocument {
  const store = createOrgStore(doc);
  const result = store.getState().run(remedy.apply);
  expect(result.ok, result.ok ? '' : result.reason).toBe(true);
  const after = store.getState().doc;
  expect(store.getState().past).toHaveLength(1);
  expect(checkDocument(after).map(key)).not.toContain(key(finding));
  store.getState().undo();
  expect(store.getState().doc).toBe(doc);
  return after;
}

function onlyRemedy(doc: OrgDocument, messageId: string, mainRole?: string): { finding: Finding; remedy: Remedy } {
  const finding = theFinding(doc, messageId, mainRole);
  const remedies = remediesFor(finding, doc);
  expect(remedies).toHaveLength(1);
  return { finding, remedy: remedies[0]! };
}

describe('remedies', () => {
  it('are keyed by message ids of the catalogue', () => {
    for (const id of REMEDY_MESSAGE_IDS) expect(EN_TEXTS.templates.has(id), id).toBe(true);
  });

  it('DEC-002 for the department: root gets the decide right with department scope', () => {
    const doc = makeDoc([head({ decisions: DEPT.slice(1) })]);
    const { finding, remedy } = onlyRemedy(doc, 'DEC-002/department', 'head');
    expect(remedy.label).toBe('giveDecision');
    expect(remedy.data).toEqual({ role: { role: 'head' } });
    const after = applyThroughStore(doc, finding, remedy);
    expect(after.roles[0]!.decisions).toContainEqual({ area: 'account-strategy', authority: 'decide', scope: 'department' });
    expect(checkDocument(after).filter((f) => f.rule !== 'STR-007')).toEqual([]);
  });

  it('DEC-002 for account owners: their manager gets a team decide right, a higher holder covering a lower one', () => {
    const roles = [head({ decisions: DEPT }), lead('l1'), lead('l2'), am('a1', 'l1'), am('a2', 'l1'), am('a3', 'l2'), am('a4', 'head')];
    const doc = makeDoc(roles, { rules: { 'SPAN-001': { enabled: false }, 'SPAN-003': { enabled: false }, 'STR-007': { enabled: false } } });
    const { finding, remedy } = onlyRemedy(doc, 'DEC-002/owners');
    expect(finding.data?.area).toEqual({ term: 'area', value: 'account-assignment' });
    // a4's manager is the head, whose team right covers l1 and l2: one holder.
    expect(remedy).toMatchObject({ label: 'giveDecision', data: { role: { role: 'head' } } });
    applyThroughStore(doc, finding, remedy);

    // Without a4 under the head: the two leads, each for its team.
    const leads = makeDoc(roles.slice(0, 6), { rules: { 'SPAN-001': { enabled: false }, 'SPAN-003': { enabled: false }, 'STR-007': { enabled: false } } });
    const two = onlyRemedy(leads, 'DEC-002/owners');
    expect(two.remedy).toMatchObject({ label: 'giveDecisionMany', data: { roles: { roles: ['l1', 'l2'] }, count: 2 } });
    const after = applyThroughStore(leads, two.finding, two.remedy);
    expect(after.roles.find((r) => r.id === 'l1')!.decisions).toEqual([{ area: 'account-assignment', authority: 'decide', scope: 'team' }]);
  });

  it('DEC-002 for one owner who decides for itself alone: its own right is widened, not doubled', () => {
    const doc = makeDoc(
      [
        head({ decisions: [...DEPT, ...TEAM.slice(1)] }),
        role('sam', { family: 'senior-am', level: 3, reportsTo: 'head', decisions: [{ area: 'account-assignment', scope: 'own' }] }),
        am('a1', 'sam', { decisions: TEAM.slice(1).map((d) => ({ ...d, scope: 'own' as Scope })) }),
      ],
      { rules: { 'STR-007': { enabled: false }, 'SPAN-001': { enabled: false } } },
    );
    const { finding, remedy } = onlyRemedy(doc, 'DEC-002/owner', 'a1');
    expect(remedy.data).toEqual({ role: { role: 'sam' } });
    const after = applyThroughStore(doc, finding, remedy);
    expect(after.roles[1]!.decisions).toEqual([{ area: 'account-assignment', authority: 'decide', scope: 'team' }]);
    expect(checkDocument(after).filter((f) => f.rule === 'DEC-001')).toEqual([]);
  });

  it('DEC-002 for loose owners whose top decides the area for its team: they go under the top', () => {
    const doc = makeDoc([head({ decisions: [...DEPT, ...TEAM] }), am('a1', 'head'), am('a2', 'head'), am('loose', null), am('loose-2', null)], { rules: { 'STR-007': { enabled: false } } });
    const { finding, remedy } = onlyRemedy(doc, 'DEC-002/owners');
    expect(remedy).toMatchObject({ label: 'reportTo', data: { top: { role: 'head' } } });
    const after = applyThroughStore(doc, finding, remedy);
    expect(checkDocument(after)).toEqual([]);
    // Without the head's team right, each gets the decision itself.
    const bare = makeDoc([head({ decisions: DEPT }), am('a1', 'head'), am('loose', null)], { rules: { 'STR-007': { enabled: false } } });
    const own = onlyRemedy(bare, 'DEC-002/owners');
    expect(own.remedy).toMatchObject({ label: 'giveDecisionMany', data: { roles: { roles: ['head', 'loose'] } } });
    applyThroughStore(bare, own.finding, own.remedy);
  });

  it('STR-003: a repeated line loses its second copy, a line into the own team or to the manager goes, extra indirect managers become partners', () => {
    const doc = makeDoc(
      [
        head({ dottedLines: [{ to: 'hq', kind: 'partner' }, { to: 'hq', kind: 'partner' }, { to: 'l1', kind: 'partner' }] }),
        lead('l1', { dottedLines: [{ to: 'head', kind: 'indirect-manager' }, { to: 'ghost', kind: 'partner' }, { to: 'l1', kind: 'partner' }] }),
        lead('l2', { dottedLines: [{ to: 'hq', kind: 'indirect-manager' }, { to: 'gm', kind: 'indirect-manager' }, { to: 'l1', kind: 'indirect-manager' }] }),
        role('hq', { external: true, level: 7 }),
        role('gm', { external: true, level: 6 }),
      ],
      { rules: { 'STR-007': { enabled: false } } },
    );
    const twice = onlyRemedy(doc, 'STR-003/twice', 'head');
    expect(twice.remedy.label).toBe('removeRepeat');
    const after = applyThroughStore(doc, twice.finding, twice.remedy);
    expect(after.roles[0]!.dottedLines).toEqual([{ to: 'hq', kind: 'partner' }, { to: 'l1', kind: 'partner' }]);

    for (const [id, main] of [['STR-003/subordinate', 'head'], ['STR-003/manager', 'l1'], ['STR-003/missing', 'l1'], ['STR-003/self', 'l1']] as const) {
      const { finding, remedy } = onlyRemedy(doc, id, main);
      expect(remedy.label).toBe('removeLine');
      applyThroughStore(doc, finding, remedy);
    }

    const many = onlyRemedy(doc, 'STR-003/tooManyIndirect', 'l2');
    expect(many.remedy).toMatchObject({ label: 'partnerLines', data: { roles: { roles: ['gm', 'l1'] } } });
    const partners = applyThroughStore(doc, many.finding, many.remedy);
    expect(partners.roles[2]!.dottedLines.map((d) => d.kind)).toEqual(['indirect-manager', 'partner', 'partner']);
  });

  it('STR-003: a repeated line to a missing role loses its second copy', () => {
    const doc = makeDoc([head({ dottedLines: [{ to: 'ghost', kind: 'partner' }, { to: 'ghost', kind: 'partner' }] })]);
    const { finding, remedy } = onlyRemedy(doc, 'STR-003/twiceMissing', 'head');
    expect(applyThroughStore(doc, finding, remedy).roles[0]!.dottedLines).toEqual([{ to: 'ghost', kind: 'partner' }]);
  });

  it('BUD-004: the personnel budget is raised to the loaded cost (in whole units), over and without a budget', () => {
    const salary = { min: 100_000, max: 100_000 };
    const doc = makeDoc([head({ salary, budgets: [{ id: 'P', kind: 'personnel', amount: 100_000 }, { id: 'O', kind: 'operating', amount: 5 }] }), lead('l1', { salary })]);
    const { finding, remedy } = onlyRemedy(doc, 'BUD-004/over', 'head');
    // 2 × 100,000 × 1.3 = 260,000 loaded.
    expect(remedy).toMatchObject({ label: 'raiseBudget', data: { amount: { money: 260_000 } } });
    const after = applyThroughStore(doc, finding, remedy);
    expect(after.roles[0]!.budgets).toEqual([{ id: 'P', kind: 'personnel', amount: 260_000 }, { id: 'O', kind: 'operating', amount: 5 }]);

    const zero = makeDoc([head({ salary: { min: 1000.4, max: 1000.4 }, budgets: [{ id: 'P', kind: 'personnel', amount: 0 }] })], { rules: { 'BUD-004': { params: { warnRatio: 0.5 } } } });
    const none = onlyRemedy(zero, 'BUD-004/overNoBudget', 'head');
    // 1,300.52 loaded, warned above half the budget: 2,602.
    expect(none.remedy.data).toEqual({ amount: { money: 2602 } });
    applyThroughStore(zero, none.finding, none.remedy);
  });

  it('BUD-005: the manager\'s target is set to the sum of its reports\' targets, whatever the finding', () => {
    const reports = [am('a1', 'head', { revenueTarget: 10, accounts: [{ tier: 'smb', count: 1 }] }), am('a2', 'head', { revenueTarget: 20, headcount: 2, accounts: [{ tier: 'smb', count: 1 }] })];
    for (const [target, id] of [[undefined, 'BUD-005/noTarget'], [100, 'BUD-005/under'], [20, 'BUD-005/overError'], [40, 'BUD-005/overWarn']] as const) {
      const doc = makeDoc([head(target === undefined ? {} : { revenueTarget: target }), ...reports]);
      const { finding, remedy } = onlyRemedy(doc, id, 'head');
      expect(remedy).toMatchObject({ label: 'setTarget', data: { amount: { money: 50 } } });
      expect(applyThroughStore(doc, finding, remedy).roles[0]!.revenueTarget).toBe(50);
    }
  });

  it('STR-002: a loose role reports to the top or is marked external; a second hierarchy goes under the top', () => {
    const doc = makeDoc([head({ decisions: [...DEPT, ...TEAM] }), am('loose', null), lead('second', { reportsTo: null }), am('a1', 'second'), am('a2', 'head'), am('a3', 'head')], { rules: { 'STR-007': { enabled: false } } });
    const loose = theFinding(doc, 'STR-002/loose', 'loose');
    const [report, external] = remediesFor(loose, doc);
    expect(report).toMatchObject({ label: 'reportTo', data: { top: { role: 'head' } } });
    expect(external?.label).toBe('markExternal');
    expect(applyThroughStore(doc, loose, report!).roles[1]!.reportsTo).toBe('head');
    expect(applyThroughStore(doc, loose, external!).roles[1]!.external).toBe(true);

    const second = onlyRemedy(doc, 'STR-002/second', 'second');
    expect(second.remedy.label).toBe('reportTo');
    applyThroughStore(doc, second.finding, second.remedy);
  });

  it('STR-007: a missing partner is added outside the department with a partner line from the head', () => {
    const doc = blankDocument();
    const { finding, remedy } = onlyRemedy(doc, 'STR-007/noPartner');
    expect(remedy).toMatchObject({ label: 'addPartner', data: { function: { term: 'function', value: 'product' } } });
    const after = applyThroughStore(doc, finding, remedy);
    expect(after.roles[1]).toMatchObject({ id: 'product-lead', title: 'Product lead', titles: { 'zh-CN': '产品负责人' }, function: 'product', external: true, level: 5 });
    expect(after.roles[0]!.dottedLines).toEqual([{ to: 'product-lead', kind: 'partner' }]);
    expect(checkDocument(after).map((f) => f.messageId)).toEqual(['STR-007/noPartner', 'STR-007/noPartner']);
  });

  it('offers nothing for an accepted finding, nor for a message without an obvious fix', () => {
    const doc = makeDoc([head({ exceptions: [{ rule: 'STR-007', reason: 'partners come next quarter' }] })]);
    const accepted = checkDocument(doc).filter((f) => f.rule === 'STR-007');
    expect(accepted.every((f) => f.severity === 'info' && remediesFor(f, doc).length === 0)).toBe(true);
    const micro = makeDoc([head(), am('a1', 'head')]);
    expect(remediesFor(theFinding(micro, 'SPAN-001/oneOverOne', 'head'), micro)).toEqual([]);
  });

  it('each remedy offered on the Anti-Patterns preset removes its finding in one step', () => {
    const text = readFileSync(new URL('../../presets/anti-patterns.json', import.meta.url), 'utf8');
    const loaded = parseDocument(text);
    if (!loaded.ok) throw new Error('the preset does not load');
    const doc = loaded.doc;
    let offered = 0;
    for (const finding of checkDocument(doc)) {
      for (const remedy of remediesFor(finding, doc)) {
        offered++;
        applyThroughStore(doc, finding, remedy);
      }
    }
    expect(offered).toBeGreaterThan(5);
  });
});

describe('accept with a reason', () => {
  it('turns a warning into info with the reason written, on its main role; one undo step', () => {
    const doc = blankDocument();
    const finding = theFinding(doc, 'STR-007/noPartner', 'head');
    expect(canAccept(finding)).toBe(true);
    const store = createOrgStore(doc);
    expect(store.getState().run(acceptFinding(finding, '  Partners are named at launch.  ')).ok).toBe(true);
    expect(store.getState().past).toHaveLength(1);
    const after = store.getState().doc;
    expect(after.roles[0]!.exceptions).toEqual([{ rule: 'STR-007', reason: 'Partners are named at launch.' }]);
    const findings = checkDocument(after);
    expect(findings.every((f) => f.severity === 'info' && f.accepted === 'Partners are named at launch.')).toBe(true);
    store.getState().undo();
    expect(store.getState().doc).toBe(doc);
  });

  it('refuses an empty or too long reason, and is not offered for errors, infos or findings about no role', () => {
    const doc = blankDocument();
    const finding = theFinding(doc, 'STR-007/noPartner', 'head');
    const store = createOrgStore(doc);
    expect(store.getState().run(acceptFinding(finding, '   ')).ok).toBe(false);
    expect(store.getState().run(acceptFinding(finding, 'x'.repeat(501))).ok).toBe(false);
    expect(store.getState().past).toHaveLength(0);
    const error = theFinding(makeDoc([head({ decisions: DEPT.slice(1) })]), 'DEC-002/department');
    expect(canAccept(error)).toBe(false);
    expect(canAccept({ rule: 'STR-002', severity: 'warning', roles: [], message: '' })).toBe(false);
    expect(canAccept({ rule: 'SETTINGS', severity: 'info', roles: [], message: '' })).toBe(false);
  });
});
