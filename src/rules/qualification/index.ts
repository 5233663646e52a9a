/** The holder-qualification rules QUAL-001..002 (rules.md, "Holder qualifications"), in catalogue order. */
import { QUAL_001 } from './QUAL-001.ts';
import { QUAL_002 } from './QUAL-002.ts';

export { QUAL_001, QUAL_002 };
export const QUALIFICATION_RULES = [QUAL_001, QUAL_002] as const;
