/**
 * Speculative derivation: a document the person is about to commit (the re-parent the
 * Reports to field shows as valid) gets its index, findings, metrics and layout computed
 * while the browser is idle. `derive` and `layoutOf` are memoized per document, so when
 * that very document is committed its frame only renders. The drop preview does the same
 * for a drop (canvas/preview.ts).
 */
import type { CommandResult } from '../model/commands.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { derive } from './derived.ts';
import { idleScheduler } from './idle.ts';
import { layoutOf } from './layout.ts';

const idle = idleScheduler(500);
let pending: number | null = null;

/** Prepares `doc` at the next idle moment; a newer request replaces one not yet run. */
export function prepareWhenIdle(doc: OrgDocument): void {
  if (pending !== null) idle.cancel(pending);
  pending = idle.request(() => {
    pending = null;
    derive(doc);
    layoutOf(doc);
  });
}

/**
 * A command with one argument whose last result is kept: asked again for the same
 * document and argument (a field validates its draft on every render, then commits it)
 * it answers the same result, whose document is prepared while idle.
 */
export function speculative<A>(command: (doc: OrgDocument, arg: A) => CommandResult): (doc: OrgDocument, arg: A) => CommandResult {
  let last: { doc: OrgDocument; arg: A; result: CommandResult } | null = null;
  return (doc, arg) => {
    if (last && last.doc === doc && last.arg === arg) return last.result;
    const result = command(doc, arg);
    last = { doc, arg, result };
    if (result.ok && result.doc !== doc) prepareWhenIdle(result.doc);
    return result;
  };
}
