/** The presets gallery's thumbnails (src/canvas/thumbnail.ts): drawn from the layout, every visible card a box in its family's colour, the lines on the layout's routes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { thumbnailOf } from '../../src/canvas/thumbnail.ts';
import { FAMILY_COLOURS } from '../../src/layout/colours.ts';
import { blankDocument } from '../../src/model/blank.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';

function preset(file: string): OrgDocument {
  const result = parseDocument(readFileSync(new URL(`../../presets/${file}.json`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
}

const viewBoxOf = (viewBox: string) => {
  const [x, y, w, h] = viewBox.split(' ').map(Number) as [number, number, number, number];
  return { x, y, w, h };
};

describe('thumbnailOf', () => {
  it('draws every role of a preset inside its view box, in its family colour, with a line per report', () => {
    const doc = preset('china-account-management');
    const thumb = thumbnailOf(doc);
    expect(thumb.cards.map((c) => c.id).sort()).toEqual(doc.roles.map((r) => r.id).sort());
    const box = viewBoxOf(thumb.viewBox);
    for (const card of thumb.cards) {
      expect(card.x).toBeGreaterThanOrEqual(box.x);
      expect(card.y).toBeGreaterThanOrEqual(box.y);
      expect(card.x + thumb.cardWidth).toBeLessThanOrEqual(box.x + box.w);
      expect(card.y + thumb.cardHeight).toBeLessThanOrEqual(box.y + box.h);
      const role = doc.roles.find((r) => r.id === card.id)!;
      expect(card.fill).toBe(FAMILY_COLOURS[role.family]);
      expect(card.external).toBe(role.external);
    }
    // One route (a subpath starting with M) per in-scope report; dotted lines on their own.
    const reports = doc.roles.filter((r) => r.reportsTo !== null && !r.external).length;
    expect(thumb.lines.match(/M/g)).toHaveLength(reports);
    expect(thumb.dotted.length).toBe(doc.roles.reduce((n, r) => n + r.dottedLines.length, 0));
  });

  it('leaves out the team of a collapsed role, and follows the direction', () => {
    const doc = preset('china-account-management');
    const collapsed = thumbnailOf({ ...doc, view: { ...doc.view, collapsed: ['lead-east'] } });
    expect(collapsed.cards.some((c) => c.id === 'lead-east')).toBe(true);
    expect(collapsed.cards.some((c) => c.id === 'am-east-1')).toBe(false);
    const at = (thumb: ReturnType<typeof thumbnailOf>, id: string) => thumb.cards.find((c) => c.id === id)!;
    const tb = thumbnailOf(doc);
    expect(at(tb, 'lead-east').y).toBeGreaterThan(at(tb, 'head-cn').y + tb.cardHeight);
    const lr = thumbnailOf({ ...doc, view: { ...doc.view, direction: 'LR' } });
    expect(at(lr, 'lead-east').x).toBeGreaterThan(at(lr, 'head-cn').x + lr.cardWidth);
  });

  it('draws a blank document as one card at the scale of a small chart, not blown up', () => {
    const thumb = thumbnailOf(blankDocument());
    expect(thumb.cards).toHaveLength(1);
    expect(thumb.lines).toBe('');
    const box = viewBoxOf(thumb.viewBox);
    expect(box.w).toBeGreaterThanOrEqual(6 * thumb.cardWidth);
    // Centred.
    const card = thumb.cards[0]!;
    expect(card.x - box.x).toBeCloseTo(box.x + box.w - (card.x + thumb.cardWidth), 6);
  });
});
