import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/schema/parse.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';
import { layoutOf } from '../../src/store/layout.ts';
import { neighbour, type ArrowKey } from '../../src/store/navigate.ts';

function china(direction: 'TB' | 'LR', collapsed: string[] = []): OrgDocument {
  const parsed = parseDocument(readFileSync(new URL('../../presets/china-account-management.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('the China preset does not load');
  return { ...parsed.doc, view: { ...parsed.doc.view, direction, collapsed } };
}

function centre(doc: OrgDocument, id: string): [number, number] {
  const { layout } = layoutOf(doc);
  const i = doc.roles.findIndex((r) => r.id === id);
  return [layout.x[i]! + layout.nodeWidth / 2, layout.y[i]! + layout.nodeHeight / 2];
}

const KEYS: ArrowKey[] = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];
const VECTOR = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] } as const;

describe('arrow navigation follows the picture', () => {
  for (const direction of ['TB', 'LR'] as const) {
    const towards: ArrowKey = direction === 'TB' ? 'ArrowUp' : 'ArrowLeft';
    const into: ArrowKey = direction === 'TB' ? 'ArrowDown' : 'ArrowRight';

    it(`${direction}: every step lands on a card drawn on the key's side`, () => {
      const doc = china(direction);
      for (const role of doc.roles) {
        for (const key of KEYS) {
          const to = neighbour(doc, role.id, key);
          if (to === undefined) continue;
          const [ax, ay] = centre(doc, role.id);
          const [bx, by] = centre(doc, to);
          expect((bx - ax) * VECTOR[key][0] + (by - ay) * VECTOR[key][1], `${role.id} ${key} → ${to}`).toBeGreaterThan(0);
        }
      }
    });

    it(`${direction}: towards the manager and into the reports`, () => {
      const doc = china(direction);
      expect(neighbour(doc, 'lead-north', towards)).toBe('head-cn');
      expect(neighbour(doc, 'sam-east-1', towards)).toBe('lead-east');
      const first = neighbour(doc, 'lead-east', into);
      expect(doc.roles.find((r) => r.id === first)?.reportsTo).toBe('lead-east');
    });

    it(`${direction}: moves between stacked reports, both ways`, () => {
      const doc = china(direction);
      // sam-east-1 and sam-east-2 hang in one column under lead-east (into-key order).
      expect(neighbour(doc, 'sam-east-1', into)).toBe('sam-east-2');
      expect(neighbour(doc, 'sam-east-2', towards)).toBe('sam-east-1');
      // The side keys reach the next column of the stack and come back.
      const side = KEYS.filter((k) => k !== into && k !== towards);
      const over = side.map((k) => neighbour(doc, 'sam-east-1', k)).find((id) => id !== undefined);
      expect(over).toBeDefined();
      expect(doc.roles.find((r) => r.id === over)?.reportsTo).toBe('lead-east');
    });

    it(`${direction}: a collapsed manager's hidden reports are never reached`, () => {
      const doc = china(direction, ['lead-east']);
      expect(neighbour(doc, 'lead-east', into)).toBeUndefined();
    });
  }

  it('an unknown role goes nowhere', () => {
    expect(neighbour(china('TB'), 'nobody', 'ArrowUp')).toBeUndefined();
  });
});
