/**
 * What a drop would change, shown while a role is dragged over a prospective manager:
 * the manager's span against its archetype's range, and the findings before and after.
 * Computed once per new target, not per frame.
 */
import { moveRole } from '../model/commands.ts';
import { checkDocument, effectiveParams } from '../rules/engine.ts';
import { summarize } from '../rules/types.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { derive } from '../store/derived.ts';

export interface DropPreview {
  readonly targetId: string;
  /** Why the drop would be refused, or null. */
  readonly refusal: string | null;
  readonly span: { readonly before: number; readonly after: number; readonly archetype: string; readonly range: readonly [number, number] | undefined } | null;
  readonly errors: readonly [number, number];
  readonly warnings: readonly [number, number];
  /** The drop is refused, or it adds errors or warnings. */
  readonly worse: boolean;
}

/** The effect of making `ids` report to `targetId`. */
export function dropPreview(doc: OrgDocument, ids: readonly string[], targetId: string): DropPreview {
  const { index, findings } = derive(doc);
  const at = index.indexOf.get(targetId);
  const target = at === undefined ? undefined : doc.roles[at];
  const refused = (refusal: string): DropPreview => ({ targetId, refusal, span: null, errors: [0, 0], warnings: [0, 0], worse: true });
  if (at === undefined || !target) return refused('');
  let after = doc;
  for (const id of ids) {
    const moved = moveRole(after, id, targetId);
    if (!moved.ok) return refused(moved.reason);
    after = moved.doc;
  }
  const spanOf = (d: OrgDocument, i: number) => {
    const ix = derive(d).index;
    return ix.kids(i).reduce((sum, k) => sum + (d.roles[k]!.assistant ? 0 : d.roles[k]!.headcount), 0);
  };
  const params = effectiveParams(doc)['SPAN-002'];
  const archetype = target.archetype ?? params.defaultArchetype[target.family];
  const range = params.ranges[archetype];
  const before = summarize(findings);
  const later = summarize(checkDocument(after, derive(after).index));
  return {
    targetId,
    refusal: null,
    span: { before: spanOf(doc, at), after: spanOf(after, at), archetype, range },
    errors: [before.error, later.error],
    warnings: [before.warning, later.warning],
    worse: later.error > before.error || later.warning > before.warning,
  };
}
