/** The span-of-control rules SPAN-001..007 (rules.md, "Span of control"), in catalogue order. */
import { SPAN_001 } from './SPAN-001.ts';
import { SPAN_002 } from './SPAN-002.ts';
import { SPAN_003 } from './SPAN-003.ts';
import { SPAN_004 } from './SPAN-004.ts';
import { SPAN_005 } from './SPAN-005.ts';
import { SPAN_006 } from './SPAN-006.ts';
import { SPAN_007 } from './SPAN-007.ts';

export { SPAN_001, SPAN_002, SPAN_003, SPAN_004, SPAN_005, SPAN_006, SPAN_007 };
export const SPAN_RULES = [SPAN_001, SPAN_002, SPAN_003, SPAN_004, SPAN_005, SPAN_006, SPAN_007] as const;
