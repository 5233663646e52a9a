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
