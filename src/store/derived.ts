/**
 * What the screen shows besides the document, derived from it once per document
 * value and memoized by identity: the tree index, the findings (and per role), the
 * metrics. Undo returns an earlier document object, so its derived data is reused.
 */
import { buildTreeIndex, type TreeIndex } from '../model/tree.ts';
import { findingsByRole, type Finding, type RoleFindings } from '../rules/types.ts';
import { rulesApi } from './rules.ts';

export type { RoleFindings };
import { computeMetrics, type OrgMetrics } from '../metrics/index.ts';
import type { OrgDocument } from '../schema/v1.ts';

export interface Derived {
  readonly index: TreeIndex;
  readonly findings: readonly Finding[];
  /** Findings naming each role (anywhere in `roles`), with the worst severity. */
  readonly byRole: ReadonlyMap<string, RoleFindings>;
  readonly metrics: OrgMetrics;
  /** Whether the rules have checked the document: false (no findings yet) until their chunk has loaded (store/rules.ts). */
  readonly checked: boolean;
}

const cache = new WeakMap<OrgDocument, Derived>();

const NO_FINDINGS: ReadonlyMap<string, RoleFindings> = new Map();

/** Index, findings and metrics of a document, computed once per document value (the findings once the rules have loaded). */
export function derive(doc: OrgDocument): Derived {
  let derived = cache.get(doc);
  if (derived?.checked) return derived;
  const rules = rulesApi();
  if (derived && !rules) return derived;
  const index = derived?.index ?? buildTreeIndex(doc);
  const metrics = derived?.metrics ?? computeMetrics(doc, index);
  if (rules) {
    const findings = rules.checkDocument(doc, index);
    derived = { index, findings, byRole: findingsByRole(findings), metrics, checked: true };
  } else {
    derived = { index, findings: [], byRole: NO_FINDINGS, metrics, checked: false };
  }
  cache.set(doc, derived);
  return derived;
}
