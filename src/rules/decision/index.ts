/** The decision-authority rules DEC-001..009 (rules.md, "Decision authority"), in catalogue order; their chains come from chains.ts. */
import { DEC_001 } from './DEC-001.ts';
import { DEC_002 } from './DEC-002.ts';
import { DEC_003 } from './DEC-003.ts';
import { DEC_004 } from './DEC-004.ts';
import { DEC_005 } from './DEC-005.ts';
import { DEC_006 } from './DEC-006.ts';
import { DEC_007 } from './DEC-007.ts';
import { DEC_008 } from './DEC-008.ts';
import { DEC_009 } from './DEC-009.ts';

export { DEC_001, DEC_002, DEC_003, DEC_004, DEC_005, DEC_006, DEC_007, DEC_008, DEC_009 };
export const DECISION_RULES = [DEC_001, DEC_002, DEC_003, DEC_004, DEC_005, DEC_006, DEC_007, DEC_008, DEC_009] as const;
