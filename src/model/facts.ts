/**
 * The facts of rules.md "Terms" that belong to one role, each defined here once and read by
 * the rules, the metrics, the drop preview, the inspector, the cards and the SVG export.
 * The facts that depend on the reporting lines (kids, their count, assistant, span) are
 * columns of the tree index (tree.ts), filled by `reportFacts` below in the index's own pass.
 */
import type { Archetype, Family, Role } from '../schema/v1.ts';

/** vacant(r): `vacancies ≥ headcount` (a pool of 6 with 2 openings is not vacant). */
export function isVacant(role: Pick<Role, 'headcount' | 'vacancies'>): boolean {
  return role.vacancies >= role.headcount;
}

/** SPAN-002's `defaultArchetype`: the archetype of each family, the document's where it overrides them. */
export type ArchetypeByFamily = Readonly<Record<Family, Archetype>>;

/**
 * The archetype a role of this family has when it names none. `byFamily` is the document's
 * (the rule parameters in force, `effectiveParams(doc)['SPAN-002'].defaultArchetype`), so a
 * document that overrides SPAN-002's defaults sees its own choice everywhere.
 */
export function familyArchetype(family: Family, byFamily: ArchetypeByFamily): Archetype {
  return byFamily[family] ?? byFamily.other;
}

/** archetype(r): the role's own, else its family's (familyArchetype). */
export function archetypeOf(role: Pick<Role, 'family' | 'archetype'>, byFamily: ArchetypeByFamily): Archetype {
  return role.archetype ?? familyArchetype(role.family, byFamily);
}

/**
 * The report facts of the tree index, filled from each in-scope role c with a valid
 * manager m (c's parent in the forest of sub()):
 * - kidCount(m) = |kids(m)|: c counts, whatever it is;
 * - assistant(c): c is marked `assistant: true` and m is in scope;
 * - span(m) = Σ headcount over the kids of m that are not assistants (vacant positions count).
 * Called by the index once per such role inside its linking loop, so the facts cost no pass of their own.
 */
export function reportFacts(c: number, m: number, marked: boolean, headcount: number, managerExternal: boolean, facts: ReportFacts): void {
  facts.kidCount[m]!++;
  if (marked && !managerExternal) facts.assistant[c] = 1;
  else facts.span[m]! += headcount;
}

/** Columns of report facts by role index (see reportFacts). */
export interface ReportFacts {
  /** |kids(r)|: in-scope roles reporting to r. */
  readonly kidCount: Int32Array;
  /** assistant(c), 1 or 0: `assistant: true`, in scope, with an in-scope manager. */
  readonly assistant: Uint8Array;
  /** span(r): headcount of the kids of r that are not assistants. */
  readonly span: Float64Array;
}
