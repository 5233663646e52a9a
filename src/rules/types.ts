/** The shape of rule findings, shared by the engine, the CLI and the UI. */
import type { Severity } from '../schema/v1.ts';

/** One finding of one rule (rules.md, "Findings"): `roles` names the main subject first. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly roles: readonly string[];
  readonly message: string;
}

export type RuleFamily = 'structure' | 'span' | 'decision' | 'budget' | 'qualification' | 'settings';

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Counts of findings by severity. */
export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const summary: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return summary;
}

/** The findings of one role: how many name it, and the worst severity among them. */
export interface RoleFindings {
  readonly count: number;
  readonly worst: Severity;
}

/** Findings per role id (a role named twice in one finding counts once), with the worst severity. */
export function findingsByRole(findings: readonly Finding[]): ReadonlyMap<string, RoleFindings> {
  const byRole = new Map<string, { count: number; worst: Severity }>();
  for (const f of findings) {
    for (const id of f.roles.length > 1 ? new Set(f.roles) : f.roles) {
      const seen = byRole.get(id);
      if (!seen) byRole.set(id, { count: 1, worst: f.severity });
      else {
        seen.count++;
        if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[seen.worst]) seen.worst = f.severity;
      }
    }
  }
  return byRole;
}
