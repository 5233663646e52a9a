/**
 * What a drop would change, shown while a role is dragged over a prospective manager:
 * the manager's span against its archetype's range, and the findings before and after.
 * Computed once the pointer rests on a new target, not per frame; the document it
 * computed is the one the drop commits, so its findings, metrics and layout are ready by then.
 */
import { moveRoles, type CommandResult } from '../model/commands.ts';
import { archetypeOf } from '../model/facts.ts';
import { summarize } from '../rules/types.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { derive } from '../store/derived.ts';
import { layoutOf } from '../store/layout.ts';
import { rulesApi } from '../store/rules.ts';

/** How long the pointer rests on a card before the preview is computed. */
export const PREVIEW_DELAY_MS = 120;

export interface DropPreview {
  readonly targetId: string;
  /** Why the drop would be refused, or null. */
  readonly refusal: string | null;
  readonly span: { readonly before: number; readonly after: number; readonly archetype: string; readonly range: readonly [number, number] | undefined } | null;
  readonly errors: readonly [number, number];
  readonly warnings: readonly [number, number];
  /** The drop is refused, or it adds errors or warnings. */
  readonly worse: boolean;
  /** The roles dropped, the document they were dropped into, and the document after the drop. */
  readonly ids: readonly string[];
  readonly before: OrgDocument;
  readonly after: OrgDocument | null;
}

/** The effect of making `ids` report to `targetId`. */
export function dropPreview(doc: OrgDocument, ids: readonly string[], targetId: string): DropPreview {
  const { index, findings } = derive(doc);
  const at = index.indexOf.get(targetId);
  const target = at === undefined ? undefined : doc.roles[at];
  const refused = (refusal: string): DropPreview => ({ targetId, refusal, span: null, errors: [0, 0], warnings: [0, 0], worse: true, ids, before: doc, after: null });
  if (at === undefined || !target) return refused('');
  const moved = moveRoles(doc, ids, targetId);
  if (!moved.ok) return refused(moved.reason);
  const after = moved.doc;
  // A move keeps every role at its index, so `at` names the target in both documents.
  const spanOf = (d: OrgDocument, i: number) => derive(d).index.span[i]!;
  // The rules load after the first paint: until then, no archetype range (the findings are not known either).
  const params = rulesApi()?.effectiveParams(doc)['SPAN-002'];
  const archetype = params ? archetypeOf(target, params.defaultArchetype) : (target.archetype ?? '');
  const range = params?.ranges[archetype as keyof typeof params.ranges];
  const now = summarize(findings);
  const later = summarize(derive(after).findings);
  layoutOf(after); // memoized: the drop's frame then only renders
  return {
    targetId,
    refusal: null,
    span: { before: spanOf(doc, at), after: spanOf(after, at), archetype, range },
    errors: [now.error, later.error],
    warnings: [now.warning, later.warning],
    worse: later.error > now.error || later.warning > now.warning,
    ids,
    before: doc,
    after,
  };
}

/** The drop of `ids` onto `targetId`: the previewed document when the preview is of this very drop. */
export function dropResult(doc: OrgDocument, ids: readonly string[], targetId: string, preview: DropPreview | null): CommandResult {
  const same = preview !== null && preview.after !== null && preview.before === doc && preview.targetId === targetId && preview.ids.length === ids.length && preview.ids.every((id, k) => id === ids[k]);
  return same ? { ok: true, doc: preview.after! } : moveRoles(doc, ids, targetId);
}
