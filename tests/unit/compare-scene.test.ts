import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/compare/diff.ts';
import { CHANGE_KINDS, kindCounts, overlayDocument, sceneOf } from '../../src/compare/scene.ts';
import { docOf } from '../helpers/doc.ts';

const base = docOf([
  { id: 'head', reportsTo: null, level: 5 },
  { id: 'lead-a', reportsTo: 'head', level: 4 },
  { id: 'lead-b', reportsTo: 'head', level: 4 },
  { id: 'am-1', reportsTo: 'lead-a', level: 2 },
  { id: 'am-2', reportsTo: 'lead-a', level: 2 },
  { id: 'am-3', reportsTo: 'lead-b', level: 2 },
  { id: 'gone', reportsTo: 'lead-b', level: 3 },
  { id: 'gone-report', reportsTo: 'gone', level: 2 },
]);
const proposed = docOf([
  { id: 'head', reportsTo: null, level: 5 },
  { id: 'lead-a', reportsTo: 'head', level: 4 },
  { id: 'lead-b', reportsTo: 'head', level: 4, title: 'Lead B, renamed' },
  { id: 'am-1', reportsTo: 'lead-b', level: 2 },
  { id: 'am-2', reportsTo: 'lead-a', level: 2 },
  { id: 'am-3', reportsTo: 'lead-b', level: 2 },
  { id: 'new-lead', reportsTo: 'head', level: 4 },
]);
const diff = diffDocuments(base, proposed);
const all = new Set(CHANGE_KINDS);

describe('the compare view’s scenes', () => {
  it('counts each kind', () => {
    expect(kindCounts(diff)).toEqual({ added: 1, removed: 2, moved: 1, changed: 1 });
  });

  it('draws removed roles as ghosts under their old manager in the overlay, a removed team as a team', () => {
    const overlay = overlayDocument(base, proposed, diff);
    expect(overlay.roles.slice(0, proposed.roles.length)).toEqual(proposed.roles);
    const ghosts = overlay.roles.slice(proposed.roles.length);
    expect(ghosts.map((r) => [r.id, r.reportsTo])).toEqual([
      ['gone', 'lead-b'],
      ['gone-report', 'gone'],
    ]);
    const scene = sceneOf('overlay', base, proposed, diff, overlay, all);
    expect([...scene.ghosts]).toEqual(['gone', 'gone-report']);
    expect(scene.oldLines).toEqual([{ id: 'am-1', from: 'lead-a' }]);
    expect(Object.fromEntries(scene.marks)).toEqual({ 'am-1': 'moved', 'lead-b': 'changed', 'new-lead': 'added', gone: 'removed', 'gone-report': 'removed' });
  });

  it('marks on each side only what is drawn there', () => {
    expect(Object.fromEntries(sceneOf('base', base, proposed, diff, null, all).marks)).toEqual({ 'am-1': 'moved', 'lead-b': 'changed', gone: 'removed', 'gone-report': 'removed' });
    const after = sceneOf('proposed', base, proposed, diff, null, all);
    expect(after.doc).toBe(proposed);
    expect(Object.fromEntries(after.marks)).toEqual({ 'am-1': 'moved', 'lead-b': 'changed', 'new-lead': 'added' });
    expect(after.ghosts.size).toBe(0);
  });

  it('filters kinds: no ghost and no old line when removed and moved roles are not shown', () => {
    const scene = sceneOf('overlay', base, proposed, diff, null, new Set(['added', 'changed'] as const));
    expect(scene.doc).toBe(proposed);
    expect(scene.ghosts.size).toBe(0);
    expect(scene.oldLines).toEqual([]);
    expect(Object.fromEntries(scene.marks)).toEqual({ 'lead-b': 'changed', 'new-lead': 'added' });
  });

  it('leaves the proposal as it is when nothing was removed', () => {
    expect(overlayDocument(proposed, proposed, diffDocuments(proposed, proposed))).toBe(proposed);
  });
});
