import { describe, expect, it } from 'vitest';
import { dropPreview, dropResult } from '../../src/canvas/preview.ts';
import { moveRoles } from '../../src/model/commands.ts';
import { derive } from '../../src/store/derived.ts';
import { docOf } from '../helpers/doc.ts';

const doc = docOf([
  { id: 'head', title: 'Head of AM', family: 'head-am', level: 5 },
  { id: 'lead', title: 'AM Lead', family: 'am-lead', level: 4, reportsTo: 'head' },
  { id: 'am1', title: 'AM 1', family: 'am', level: 2, reportsTo: 'lead' },
  { id: 'am2', title: 'AM 2', family: 'am', level: 2, reportsTo: 'lead' },
]);

describe('the drop preview', () => {
  it('gives the span before and after and the findings counts of the document after the drop', () => {
    const preview = dropPreview(doc, ['am2'], 'am1');
    expect(preview.refusal).toBeNull();
    expect(preview.span).toMatchObject({ before: 0, after: 1 });
    expect(preview.after?.roles.find((r) => r.id === 'am2')?.reportsTo).toBe('am1');
    const later = derive(preview.after!).findings;
    expect(preview.warnings[1]).toBe(later.filter((f) => f.severity === 'warning').length);
    expect(preview.errors[1]).toBe(later.filter((f) => f.severity === 'error').length);
  });

  it('says why a drop would be refused', () => {
    const preview = dropPreview(doc, ['lead'], 'am1');
    expect(preview.refusal).toMatch(/cannot report to/);
    expect(preview.worse).toBe(true);
    expect(dropResult(doc, ['lead'], 'am1', preview).ok).toBe(false);
  });

  it('commits the previewed document for the same drop, whose derived data is then ready', () => {
    const preview = dropPreview(doc, ['am2'], 'am1');
    const result = dropResult(doc, ['am2'], 'am1', preview);
    expect(result.ok && result.doc).toBe(preview.after);
  });

  it('computes the drop afresh when the document, the roles or the target differ from the preview', () => {
    const preview = dropPreview(doc, ['am2'], 'am1');
    const moved = moveRoles(doc, ['am2'], 'head');
    if (!moved.ok) throw new Error(moved.reason);
    for (const result of [dropResult(moved.doc, ['am2'], 'am1', preview), dropResult(doc, ['am1'], 'head', preview), dropResult(doc, ['am2'], 'head', preview)]) {
      expect(result.ok && result.doc).not.toBe(preview.after);
    }
    const other = dropResult(moved.doc, ['am2'], 'am1', preview);
    expect(other.ok && other.doc.roles.find((r) => r.id === 'am2')?.reportsTo).toBe('am1');
  });
});
