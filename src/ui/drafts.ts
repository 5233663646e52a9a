/**
 * Field drafts not yet committed (a value typed into the inspector or the name field).
 * A field holding a draft registers how to commit it, so when the page goes away the
 * draft becomes part of the document (and of the journal) instead of being lost, and
 * closing the tab asks first while one is held.
 */
const held = new Set<() => void>();

/** Registers a draft's commit while the field holds one; returns the release. */
export function holdDraft(commit: () => void): () => void {
  held.add(commit);
  return () => held.delete(commit);
}

export function hasDrafts(): boolean {
  return held.size > 0;
}

/** Commits every held draft (the page is going away). */
export function commitDrafts(): void {
  for (const commit of [...held]) {
    try {
      commit();
    } catch {
      /* a draft that cannot be committed is not worth losing the others */
    }
  }
}
