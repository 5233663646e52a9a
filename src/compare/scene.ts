/**
 * What the compare view's charts show (issue 18): which role carries which mark, on each
 * side, and the chart of the overlay — the proposal with each removed role drawn as a
 * ghost where it was (under its old manager when that manager is still there) and each
 * moved role's old line. Framework-free: the view draws it, the tests read it.
 */
import type { OrgDocument, Role } from '../schema/v1.ts';
import type { ChangeKind, DocumentDiff } from './diff.ts';

export type CompareSide = 'base' | 'proposed' | 'overlay';

/** A role's mark: the first kind that applies, in the order a person reads a change (moved before changed). */
export type Mark = ChangeKind;

export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'removed', 'moved', 'changed'];

/**
 * Each kind's colour, on screen and in the exported picture (Okabe–Ito, safe for colour-blind
 * readers: bluish green, orange, blue; grey for what is gone). Each kind has its own badge
 * sign as well, so no one needs to tell the colours apart. compare.css repeats them.
 */
export const CHANGE_COLOURS: Readonly<Record<ChangeKind, string>> = {
  added: '#009e73',
  changed: '#e69f00',
  moved: '#0072b2',
  removed: '#6c757d',
};

export interface Scene {
  /** The document drawn: the base, the proposal, or the proposal with the removed roles as ghosts. */
  readonly doc: OrgDocument;
  /** Marked roles by id (only kinds that the filter shows). */
  readonly marks: ReadonlyMap<string, Mark>;
  /** Old reporting lines of moved roles (overlay only): from the old manager, when it is drawn, to the role. */
  readonly oldLines: readonly { readonly id: string; readonly from: string }[];
  /** Removed roles drawn as ghosts (overlay only). */
  readonly ghosts: ReadonlySet<string>;
}

/** The kinds marked on each side: a removed role is not in the proposal, an added one not in the base. */
const KINDS_ON: Readonly<Record<CompareSide, readonly ChangeKind[]>> = {
  base: ['removed', 'moved', 'changed'],
  proposed: ['added', 'moved', 'changed'],
  overlay: CHANGE_KINDS,
};

/** The proposal with the removed roles appended, each under its old manager when that manager is in the proposal. */
export function overlayDocument(base: OrgDocument, proposed: OrgDocument, diff: DocumentDiff): OrgDocument {
  if (diff.removed.length === 0) return proposed;
  const inProposal = new Set(proposed.roles.map((r) => r.id));
  const removed = new Set(diff.removed);
  const ghosts: Role[] = [];
  for (const role of base.roles) {
    if (!removed.has(role.id)) continue;
    // Under a removed manager the ghost hangs under that manager's ghost, so a removed team stays a team.
    const manager = role.reportsTo !== null && (inProposal.has(role.reportsTo) || removed.has(role.reportsTo)) ? role.reportsTo : null;
    ghosts.push({ ...role, reportsTo: manager, dottedLines: [] });
  }
  return { ...proposed, roles: [...proposed.roles, ...ghosts] };
}

/** The scene of one side, marking only the kinds in `shown`. */
export function sceneOf(side: CompareSide, base: OrgDocument, proposed: OrgDocument, diff: DocumentDiff, overlay: OrgDocument | null, shown: ReadonlySet<ChangeKind>): Scene {
  const marks = new Map<string, Mark>();
  const kinds = KINDS_ON[side].filter((k) => shown.has(k));
  for (const change of diff.roles) {
    const kind = change.kinds.find((k) => kinds.includes(k));
    if (kind) marks.set(change.id, kind);
  }
  // The overlay without its ghosts when removed roles are filtered out.
  const doc = side === 'base' ? base : side === 'proposed' || !shown.has('removed') ? proposed : (overlay ?? overlayDocument(base, proposed, diff));
  const oldLines: { id: string; from: string }[] = [];
  if (side === 'overlay' && shown.has('moved')) {
    for (const move of diff.moved) if (move.from !== null) oldLines.push({ id: move.id, from: move.from });
  }
  const ghosts = side === 'overlay' && shown.has('removed') ? new Set(diff.removed) : new Set<string>();
  return { doc, marks, oldLines, ghosts };
}

/** How many roles of each kind (a role both moved and changed counts in both). */
export function kindCounts(diff: DocumentDiff): Readonly<Record<ChangeKind, number>> {
  return { added: diff.added.length, removed: diff.removed.length, moved: diff.moved.length, changed: diff.changed.length };
}
