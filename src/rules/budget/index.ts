/** The budget-ownership rules BUD-001..007 (rules.md, "Budget ownership"), in catalogue order. */
import { BUD_001 } from './BUD-001.ts';
import { BUD_002 } from './BUD-002.ts';
import { BUD_003 } from './BUD-003.ts';
import { BUD_004 } from './BUD-004.ts';
import { BUD_005 } from './BUD-005.ts';
import { BUD_006 } from './BUD-006.ts';
import { BUD_007 } from './BUD-007.ts';

export { BUD_001, BUD_002, BUD_003, BUD_004, BUD_005, BUD_006, BUD_007 };
export const BUDGET_RULES = [BUD_001, BUD_002, BUD_003, BUD_004, BUD_005, BUD_006, BUD_007] as const;
