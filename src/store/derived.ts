/**
 * What the screen shows besides the document, derived from it once per document
 * value and memoized by identity: the tree index, the findings (and per role), the
 * metrics. Undo returns an earlier document object, so its derived data is reused.
 */
import { buildTreeIndex, type TreeIndex } from '../model/tree.ts';
import { checkDocument } from '../rules/engine.ts';
import { SEVERITY_ORDER, type Finding } from '../rules/types.ts';
import { computeMetrics, type OrgMetrics } from '../metrics/index.ts';
import type { OrgDocument, Severity } from '../schema/v1.ts';

export interface RoleFindings {
  readonly count: number;
  readonly worst: Severity;
}

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

/** Counts findings per role id with the worst severity among them. */
export function findingsByRole(findings: readonly Finding[]): ReadonlyMap<string, RoleFindings> {
  const byRole = new Map<string, RoleFindings>();
  for (const f of findings) {
    for (const id of new Set(f.roles)) {
      const seen = byRole.get(id);
      byRole.set(id, {
        count: (seen?.count ?? 0) + 1,
        worst: seen && SEVERITY_ORDER[seen.worst] <= SEVERITY_ORDER[f.severity] ? seen.worst : f.severity,
      });
    }
  }
  return byRole;
}
