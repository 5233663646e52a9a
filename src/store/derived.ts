/**
 * What the screen shows besides the document, derived from it once per document
 * value and memoized by identity: the tree index, the findings (and per role), the
 * metrics. Undo returns an earlier document object, so its derived data is reused.
 */
import { buildTreeIndex, type TreeIndex } from '../model/tree.ts';
import { checkDocument } from '../rules/engine.ts';
import { findingsByRole, type Finding, type RoleFindings } from '../rules/types.ts';

export type { RoleFindings };
import { computeMetrics, type OrgMetrics } from '../metrics/index.ts';
import type { OrgDocument } from '../schema/v1.ts';

export interface Derived {
  readonly index: TreeIndex;
  readonly findings: readonly Finding[];
  /** Findings naming each role (anywhere in `roles`), with the worst severity. */
  readonly byRole: ReadonlyMap<string, RoleFindings>;
  readonly metrics: OrgMetrics;
}

const cache = new WeakMap<OrgDocument, Derived>();

/** Index, findings and metrics of a document, computed once per document value. */
export function derive(doc: OrgDocument): Derived {
  let derived = cache.get(doc);
  if (!derived) {
    const index = buildTreeIndex(doc);
    const findings = checkDocument(doc, index);
    derived = { index, findings, byRole: findingsByRole(findings), metrics: computeMetrics(doc, index) };
    cache.set(doc, derived);
  }
  return derived;
}
