/**
 * Spreadsheet import (issue 19), framework-free: the CLI's `org import` and the browser's
 * import dialog use this one API. readTable → guessMapping → planImport.
 * docs/importing.md describes the layouts recognized, the guess, the inferences and the problems.
 */
export type { FieldId, ImportLanguage, ImportOptions, ImportPlan, ImportProblem, Inference, Mapping, ReadOptions, ReadResult, ReferenceKind, Table } from './types.ts';
export { FIELDS } from './types.ts';
export { readTable } from './read.ts';
export { guessMapping } from './guess.ts';
export { normalizeHeader } from './headers.ts';
export { planImport, parseNumber } from './plan.ts';
