/**
 * The rules load after the app's first paint (src/store/rules.ts): until then derive()
 * gives the index and metrics with no findings, marked unchecked, and once they are in the
 * same document gets its findings; the store says where the rules are.
 */
import { describe, expect, it, vi } from 'vitest';
import { docOf } from '../helpers/doc.ts';

describe('before and after the rules load', () => {
  it('derives a document without findings first, then with them', async () => {
    vi.resetModules();
    let loaded: unknown = null;
    vi.doMock('../../src/store/rules.ts', () => ({ rulesApi: () => loaded, loadRules: async () => loaded }));
    const { derive } = await import('../../src/store/derived.ts');
    const { createOrgStore } = await import('../../src/store/orgStore.ts');
    const doc = docOf([
      { id: 'head', title: 'Head', family: 'head-am', level: 6 },
      { id: 'lead', title: 'Lead', family: 'am-lead', level: 4, reportsTo: 'head' },
    ]);
    expect(createOrgStore(doc).getState().rules).toBe('loading');
    const before = derive(doc);
    expect(before).toMatchObject({ checked: false, findings: [] });
    expect(before.metrics.headcount).toBe(2);
    expect(derive(doc)).toBe(before);

    loaded = await import('../../src/rules/api.ts');
    const after = derive(doc);
    expect(after.checked).toBe(true);
    expect(after.index).toBe(before.index);
    expect(after.findings.map((f) => f.rule)).toContain('SPAN-001');
    expect(after.byRole.get('head')?.count).toBeGreaterThan(0);
    expect(createOrgStore(doc).getState().rules).toBe('ready');
    vi.doUnmock('../../src/store/rules.ts');
  });
});
