/** The shape of rule findings, shared by the engine, the CLI and the UI. */
import type { Severity } from '../schema/v1.ts';
import type { MessageData } from './message.ts';

/** One finding of one rule (rules.md, "Findings"): `roles` names the main subject first. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly roles: readonly string[];
  /** The message in English, as rules.md's finding shape has it. */
  readonly message: string;
  /** The message's id ("SPAN-002/over") and data, to word it in another language (texts.ts). */
  readonly messageId?: string;
  readonly data?: MessageData;
  /** The reason of the main subject's accepted exception, when one made the finding info. */
  readonly accepted?: string;
}

/** A rule's family, or the engine's settings findings. */
export type RuleFamily = import('./define.ts').RuleFamily | 'settings';

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
