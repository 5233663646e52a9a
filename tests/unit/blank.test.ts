/**
 * New starts from a document that gives no error (issue 21): the head holds the department
 * decisions DEC-002 requires; the only findings are STR-007's partner lines, each with a
 * remedy. A head, two leads and six AMs built from the palette give no error either.
 */
import { describe, expect, it } from 'vitest';
import { blankDocument } from '../../src/model/blank.ts';
import { addRole } from '../../src/model/commands.ts';
import { roleTemplate, type TemplateKey } from '../../src/model/templates.ts';
import { checkDocument } from '../../src/rules/engine.ts';
import { remediesFor } from '../../src/rules/remedies.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';

/** Adds a palette card under `manager`, as a click on the palette does. */
function add(doc: OrgDocument, key: TemplateKey, manager: string | null): { doc: OrgDocument; id: string } {
  const result = addRole(doc, { role: roleTemplate(key, doc), reportsTo: manager });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const summary = (doc: OrgDocument) => checkDocument(doc).map((f) => `${f.severity} ${f.messageId} ${f.roles[0]}`);

describe('the blank document', () => {
  it('gives no error: three partner-line warnings, each with a one-click remedy', () => {
    const doc = blankDocument();
    const findings = checkDocument(doc);
    expect(findings.map((f) => `${f.severity} ${f.messageId}`)).toEqual(['warning STR-007/noPartner', 'warning STR-007/noPartner', 'warning STR-007/noPartner']);
    for (const f of findings) expect(remediesFor(f, doc).map((r) => r.label)).toEqual(['addPartner']);
  });

  it('has a head deciding the department decisions and its team\'s account decisions', () => {
    const head = blankDocument().roles[0]!;
    expect(head.decisions.filter((d) => d.scope === 'department').map((d) => d.area)).toEqual(['account-strategy', 'target-setting', 'budget-allocation', 'headcount-hiring']);
    expect(head.decisions.filter((d) => d.scope === 'team').map((d) => d.area)).toEqual(['account-assignment', 'pricing-discount', 'contract-negotiation', 'client-escalation']);
    expect(head.decisions.every((d) => d.authority === 'decide' && d.limit === undefined)).toBe(true);
  });

  it('and a head, two leads and six AMs from the palette give no error', () => {
    let doc = blankDocument();
    const leads: string[] = [];
    for (let i = 0; i < 2; i++) {
      const step = add(doc, 'am-lead', 'head');
      doc = step.doc;
      leads.push(step.id);
    }
    for (const lead of leads) for (let i = 0; i < 3; i++) doc = add(doc, 'am', lead).doc;
    expect(summary(doc)).toEqual([
      'warning STR-007/noPartner head',
      'warning STR-007/noPartner head',
      'warning STR-007/noPartner head',
      'warning SPAN-001/micro head',
      'info SPAN-003/belowBetter account-management-lead',
      'info SPAN-003/belowBetter account-management-lead-2',
    ]);
    // Six AMs straight under the head: the head decides their accounts.
    let flat = blankDocument();
    for (let i = 0; i < 6; i++) flat = add(flat, 'am', 'head').doc;
    expect(summary(flat).filter((s) => s.startsWith('error'))).toEqual([]);
  });

  it('a second head from the palette leaves the decisions to the first (no two deciders), as a lead added to a decided organization does', () => {
    const doc = add(blankDocument(), 'head-am', 'head').doc;
    expect(doc.roles[1]!.decisions).toEqual([]);
    expect(add(doc, 'am-lead', 'head').doc.roles[2]!.decisions).toEqual([]);
    expect(summary(doc).filter((s) => !s.includes('STR-007/noPartner'))).toEqual([
      'warning STR-006/compression head-of-account-management',
      'warning STR-007/secondHead head-of-account-management',
      'warning SPAN-001/oneOverOne head',
    ]);
  });

  it('the palette shows the templates without a document\'s roles', () => {
    expect(roleTemplate('head-am', { currency: 'USD' })).toMatchObject({ salary: { min: 120_000, max: 200_000, bonusPct: 15 }, decisions: expect.any(Array) });
    expect(roleTemplate('am', { currency: 'CNY' }).decisions).toBeUndefined();
  });
});
