/**
 * Arrow-key navigation that follows the picture: which role an arrow key leads to from
 * a role, judged from where the cards are drawn (manual positions first, else the
 * layout's), so it works in either layout direction and among stacked reports.
 */
import type { OrgDocument } from '../schema/v1.ts';
import { derive } from './derived.ts';
import { layoutOf } from './layout.ts';

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

const VECTOR: Record<ArrowKey, readonly [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

export function isArrowKey(key: string): key is ArrowKey {
  return Object.hasOwn(VECTOR, key);
}

/**
 * The role one arrow key away from `id`:
 * - the key pointing at the manager's side (Up in TB, Left in LR) goes to the sibling drawn
 *   straight that way (a stacked report above), else to the manager (an assistant, drawn
 *   beside the manager, is passed by: the key means "up the tree");
 * - the opposite key goes into the reports (the one drawn nearest that way), else to the
 *   sibling drawn straight that way (the next stacked report);
 * - the two other keys go to the nearest sibling drawn on that side (a neighbour in the
 *   row, or the next column of a stack).
 * Only drawn roles count (a role under a collapsed manager is none); undefined when
 * nothing is drawn that way.
 */
export function neighbour(doc: OrgDocument, id: string, key: ArrowKey): string | undefined {
  const { index } = derive(doc);
  const at = index.indexOf.get(id);
  if (at === undefined) return undefined;
  const { layout } = layoutOf(doc);
  const centre = (i: number): [number, number] | undefined => {
    const roleId = doc.roles[i]!.id;
    const manual = Object.hasOwn(doc.view.positions, roleId) ? doc.view.positions[roleId] : undefined;
    const x = manual?.x ?? layout.x[i]!;
    const y = manual?.y ?? layout.y[i]!;
    return Number.isFinite(x) && Number.isFinite(y) ? [x + layout.nodeWidth / 2, y + layout.nodeHeight / 2] : undefined;
  };
  const from = centre(at);
  if (!from) return undefined;
  const [vx, vy] = VECTOR[key];
  /** The best of `candidates` that way: the least distance along the key plus twice the distance across it. `cone` keeps only those drawn straight that way (within about 27°). */
  const best = (candidates: readonly number[], cone: boolean): number | undefined => {
    let found: number | undefined;
    let score = Infinity;
    for (const i of candidates) {
      if (i === at) continue;
      const c = centre(i);
      if (!c) continue;
      const along = (c[0] - from[0]) * vx + (c[1] - from[1]) * vy;
      const across = Math.abs((c[0] - from[0]) * vy - (c[1] - from[1]) * vx);
      if (along <= 0 || (cone && across * 2 > along)) continue;
      if (along + 2 * across < score) {
        score = along + 2 * across;
        found = i;
      }
    }
    return found;
  };
  const manager = index.managerOf[at]!;
  const siblings = manager >= 0 ? index.kids(manager) : index.tops;
  const lr = doc.view.direction === 'LR';
  const towardsManager: ArrowKey = lr ? 'ArrowLeft' : 'ArrowUp';
  const intoReports: ArrowKey = lr ? 'ArrowRight' : 'ArrowDown';
  let found: number | undefined;
  if (key === towardsManager) found = best(siblings.filter((i) => !doc.roles[i]!.assistant), true) ?? (manager >= 0 ? manager : undefined);
  else if (key === intoReports) found = best(index.kids(at), false) ?? best(siblings, true);
  else found = best(siblings, false);
  return found === undefined ? undefined : doc.roles[found]!.id;
}
