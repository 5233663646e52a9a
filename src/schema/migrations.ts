/**
 * Migrations of older format versions, keyed by the version they upgrade from.
 * A migration takes the parsed JSON of version n and returns version n + 1; it may
 * throw on input it cannot handle (the pipeline turns that into a load error).
 * Version 1 is the first published version, so the table is empty; the mechanism is
 * tested with a synthetic version 0 (tests/unit/parse.test.ts).
 */
export type Migration = (doc: unknown) => unknown;

export const MIGRATIONS: ReadonlyMap<number, Migration> = new Map();
