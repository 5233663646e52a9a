/**
 * The one import pipeline: files, presets, autosave and the CLI all load through it.
 * It never throws; every refusal is a `LoadError` with a code from a closed set, a
 * message for a person and, where there is one, the JSON path.
 *
 * This module is every step but zod's. The app loads with `loadDocument`, which imports
 * zod (validate.ts) only for a document the fast validator does not accept, so the app's
 * entry holds no zod; `parseDocument` (parse.ts) runs the same steps synchronously with
 * zod, for Node (CLI, tests).
 */
import { CURRENT_VERSION, FORMAT_NAME } from './constants.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { parseFast } from './fast.ts';
import { formatPath, type PathSegment } from './path.ts';
import type { OrgDocument } from './v1.ts';
// The rule catalogue says which parameters each rule has (rules.md); only its names are read here.

/** Files above this size are refused before they are read as JSON. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_NOTES = 50;

export const LOAD_ERROR_CODES = [
  'too-large',
  'not-json',
  'not-an-object',
  'not-org-document',
  'bad-version',
  'newer-version',
  'unsupported-version',
  'migration-failed',
  'invalid',
  'duplicate-role-id',
] as const;
export type LoadErrorCode = (typeof LOAD_ERROR_CODES)[number];

export interface LoadIssue {
  /** JSON path such as `roles[12].level`; empty for the whole document. */
  readonly path: string;
  readonly message: string;
}

export interface LoadError {
  readonly code: LoadErrorCode;
  /** One line naming the problem and, where there is one, the JSON path. */
  readonly message: string;
  /** The problems found (validation: the first 200), each with its path. */
  readonly issues: readonly LoadIssue[];
}

export interface LoadNote {
  readonly code: 'unknown-field' | 'unknown-parameter' | 'migrated';
  readonly path: string;
  readonly message: string;
}

export type ParseResult =
  | { readonly ok: true; readonly doc: OrgDocument; readonly notes: readonly LoadNote[] }
  | { readonly ok: false; readonly error: LoadError };

export interface ParseOptions {
  /** Migrations by the version they upgrade from; tests inject synthetic ones. */
  readonly migrations?: ReadonlyMap<number, Migration>;
  /** `false` validates with zod alone; tests compare it with the default path (fast.ts, then zod). */
  readonly fastPath?: boolean;
}

const fail = (code: LoadErrorCode, message: string, issues: readonly LoadIssue[] = []): ParseResult => ({
  ok: false,
  error: { code, message, issues },
});

/** The refusal of a file over the size cap; readers that know the size first use it without reading. */
export function tooLarge(): ParseResult {
  return fail('too-large', `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, the most an org document may be.`);
}

/** zod's validation: the document it builds (roles normalized), or the `invalid` refusal naming the problems. */
export type Validate = (input: unknown) => { readonly ok: true; readonly doc: OrgDocument } | { readonly ok: false; readonly error: LoadError };

/** A document that passed every step before validation, for zod to validate. */
export interface Pending {
  readonly pending: true;
  readonly input: unknown;
  readonly notes: LoadNote[];
}

/** Parses and validates the text of an org document, loading zod only when the fast validator does not settle it. Never throws. */
export async function loadDocument(text: string, options: ParseOptions = {}): Promise<ParseResult> {
  try {
    const step = startLoad(text, options);
    if (!('pending' in step)) return step;
    const { validateDocument } = await import('./validate.ts');
    return finishLoad(step, validateDocument);
  } catch (cause) {
    return unreadable(cause);
  }
}

/** Every step guards its own failures; this is the last line of defence. */
export function unreadable(cause: unknown): ParseResult {
  return fail('invalid', `The file could not be read: ${describe(cause)}`);
}

/** The steps before zod: the result when they settle it (a refusal, or the fast validator's document), else what zod must validate. */
export function startLoad(text: string, options: ParseOptions): ParseResult | Pending {
  const migrations = options.migrations ?? MIGRATIONS;
  const fastPath = options.fastPath ?? true;
  if (typeof text !== 'string') return fail('not-json', 'The file is not text.');
  if (exceedsMaxSize(text)) return tooLarge();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    return fail('not-json', `The file is not JSON: ${describe(cause)}`);
  }
  if (!isPlainObject(raw)) {
    const what = raw === null ? 'null' : Array.isArray(raw) ? 'an array' : `a ${typeof raw}`;
    return fail('not-an-object', `The file holds ${what}, not an org document (a JSON object).`);
  }
  if (raw.format !== FORMAT_NAME) {
    return fail('not-org-document', `This is not an org document: "format" must be "${FORMAT_NAME}".`, [
      { path: 'format', message: `expected "${FORMAT_NAME}"` },
    ]);
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return fail('bad-version', 'The document has no valid "version" (a whole number such as 1).', [
      { path: 'version', message: 'expected a whole number' },
    ]);
  }
  if (version > CURRENT_VERSION) {
    return fail(
      'newer-version',
      `The file is format version ${version}, newer than version ${CURRENT_VERSION} that this program reads. Update the designer to open it.`,
    );
  }

  const notes: LoadNote[] = [];
  let migrated: unknown = raw;
  for (let from = version; from < CURRENT_VERSION; from++) {
    const migrate = migrations.get(from);
    if (!migrate) {
      return fail('unsupported-version', `The file is format version ${version}; this program cannot upgrade version ${from} to ${from + 1}.`);
    }
    try {
      migrated = migrate(migrated);
    } catch (cause) {
      return fail('migration-failed', `Upgrading the file from version ${from} to ${from + 1} failed: ${describe(cause)}`);
    }
    notes.push({ code: 'migrated', path: '', message: `Upgraded from format version ${from} to ${from + 1}.` });
  }

  // The fast validator reads only JSON.parse output, so a migrated document goes to zod.
  // Whatever it does not accept goes to zod too, whose issues name the problems.
  const fast = fastPath && version === CURRENT_VERSION ? parseFast(raw) : undefined;
  // Walking the whole input again for dropped fields costs more than the fast path itself: skip it when that dropped none.
  return fast ? finish(fast.doc, raw, notes, fast.dropped) : { pending: true, input: migrated, notes };
}

/** The steps after zod's validation of what `startLoad` left. */
export function finishLoad(pending: Pending, validate: Validate): ParseResult {
  const result = validate(pending.input);
  return result.ok ? finish(result.doc, pending.input, pending.notes, true) : result;
}

/** Duplicate ids, then notes on the fields validation dropped (only looked for when it dropped any) and on unknown rule parameters. */
function finish(doc: OrgDocument, input: unknown, notes: LoadNote[], dropped: boolean): ParseResult {
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < doc.roles.length; i++) {
    const id = doc.roles[i]!.id;
    const seen = firstIndex.get(id);
    if (seen !== undefined) {
      const path = `roles[${i}].id`;
      return fail('duplicate-role-id', `${path}: the role id "${id}" is already used by roles[${seen}]; role ids must be unique.`, [
        { path, message: `duplicate of roles[${seen}].id` },
      ]);
    }
    firstIndex.set(id, i);
  }

  if (dropped) notes.push(...droppedFields(input, doc));
  notes.push(...unknownParameters(doc));
  return { ok: true, doc, notes };
}

/** The parameter names of each rule id, told by the rules when they load (rules/all.ts): the app loads them after its first paint. */
let ruleParameters: ((id: string) => readonly string[] | undefined) | null = null;

/** Called by the list of rules (rules/all.ts) when it loads: which rule ids there are, and their parameter names. */
export function knowRuleParameters(lookup: (id: string) => readonly string[] | undefined): void {
  ruleParameters = lookup;
}

/**
 * A parameter name that a known rule does not have is kept (as an unknown rule id is:
 * the rule catalogue may grow without a new format version, and a later version's
 * parameter must survive a round trip) but has no effect: say so, so that a misspelt
 * name is not taken for a setting in force. The parameters of unknown rules are not
 * known, so not checked (the rules report the unknown rule id).
 */
function unknownParameters(doc: OrgDocument): LoadNote[] {
  const notes: LoadNote[] = [];
  const parametersOf = ruleParameters;
  // Before the rules have loaded (a stored document opened at start-up, whose notes nobody shows), nothing to say.
  if (parametersOf === null) return notes;
  let unknown = 0;
  const rules = doc.settings.rules;
  for (const id of Object.keys(rules)) {
    const params = rules[id]!.params;
    const known = parametersOf(id);
    if (params === undefined || known === undefined) continue;
    for (const name of Object.keys(params)) {
      if (known.includes(name)) continue;
      unknown++;
      if (notes.length < MAX_NOTES) {
        const path = formatPath(['settings', 'rules', id, 'params', name]);
        notes.push({ code: 'unknown-parameter', path, message: `${path}: rule ${id} has no such parameter; it is kept in the file but has no effect.` });
      }
    }
  }
  if (unknown > notes.length) {
    notes.push({ code: 'unknown-parameter', path: '', message: `${unknown - notes.length} more unknown rule parameters kept.` });
  }
  return notes;
}

/**
 * Unknown fields are dropped by validation; find them by walking the input beside the
 * output (iteratively: the input may be arbitrarily nested) and say what was dropped.
 */
function droppedFields(input: unknown, output: unknown): LoadNote[] {
  interface Frame { inp: object; out: object; parent: Frame | null; seg: PathSegment }
  const notes: LoadNote[] = [];
  let dropped = 0;
  const pathOf = (frame: Frame | null, last: PathSegment): string => {
    const segs: PathSegment[] = [last];
    for (let f = frame; f && f.parent !== null; f = f.parent) segs.push(f.seg);
    return formatPath(segs.reverse());
  };
  const stack: Frame[] = [];
  // Only pairs that can hold a dropped field are stacked: two objects, and not the same one (the fast path keeps unchanged input objects).
  const visit = (inp: unknown, out: unknown, parent: Frame | null, seg: PathSegment): void => {
    if (inp !== out && typeof inp === 'object' && inp !== null && typeof out === 'object' && out !== null) stack.push({ inp, out, parent, seg });
  };
  visit(input, output, null, '');
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { inp, out } = frame;
    if (Array.isArray(inp)) {
      if (!Array.isArray(out)) continue;
      for (let i = 0; i < inp.length && i < out.length; i++) visit(inp[i], out[i], frame, i);
      continue;
    }
    for (const key of Object.keys(inp)) {
      if (Object.hasOwn(out, key)) {
        visit((inp as Record<string, unknown>)[key], (out as Record<string, unknown>)[key], frame, key);
      } else {
        dropped++;
        if (notes.length < MAX_NOTES) {
          const path = pathOf(frame, key);
          notes.push({ code: 'unknown-field', path, message: `${path}: unknown field dropped.` });
        }
      }
    }
  }
  if (dropped > notes.length) {
    notes.push({ code: 'unknown-field', path: '', message: `${dropped - notes.length} more unknown fields dropped.` });
  }
  return notes;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the UTF-8 encoding exceeds the cap, encoding only when the length leaves it open. */
function exceedsMaxSize(text: string): boolean {
  if (text.length > MAX_FILE_BYTES) return true;
  if (text.length * 3 <= MAX_FILE_BYTES) return false;
  return new TextEncoder().encode(text).length > MAX_FILE_BYTES;
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
