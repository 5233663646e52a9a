/** The rule ids of rules.md, in catalogue order (the order findings are returned in). */
export const RULE_IDS = [
  'STR-001', 'STR-002', 'STR-003', 'STR-004', 'STR-005', 'STR-006', 'STR-007',
  'SPAN-001', 'SPAN-002', 'SPAN-003', 'SPAN-004', 'SPAN-005', 'SPAN-006', 'SPAN-007',
  'DEC-001', 'DEC-002', 'DEC-003', 'DEC-004', 'DEC-005', 'DEC-006', 'DEC-007', 'DEC-008', 'DEC-009',
  'BUD-001', 'BUD-002', 'BUD-003', 'BUD-004', 'BUD-005', 'BUD-006', 'BUD-007',
  'QUAL-001', 'QUAL-002',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

const IDS: ReadonlySet<string> = new Set(RULE_IDS);

/** Whether a string is a rule id of rules.md. */
export function isRuleId(id: string): id is RuleId {
  return IDS.has(id);
}

/** The id of the engine's own findings about `settings.rules` (an unknown rule id). */
export const SETTINGS_RULE_ID = 'SETTINGS';
