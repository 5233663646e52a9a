/** The structure rules STR-001..007 (rules.md, "Structure"), in catalogue order. */
import { STR_001 } from './STR-001.ts';
import { STR_002 } from './STR-002.ts';
import { STR_003 } from './STR-003.ts';
import { STR_004 } from './STR-004.ts';
import { STR_005 } from './STR-005.ts';
import { STR_006 } from './STR-006.ts';
import { STR_007 } from './STR-007.ts';

export { STR_001, STR_002, STR_003, STR_004, STR_005, STR_006, STR_007 };
export const STRUCTURE_RULES = [STR_001, STR_002, STR_003, STR_004, STR_005, STR_006, STR_007] as const;
