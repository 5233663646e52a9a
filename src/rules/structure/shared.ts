/** What the structure rules share: the practice behind STR-001 and STR-002, and "no role". */

/** managerOf and the like give -1 for "no role". */
export const NONE = -1;

export const UNITY_OF_COMMAND = 'Unity of command (Fayol); ChartHop: one direct manager per job';
