/**
 * `org import`: a file's bytes and the command's options → the org document, with the same
 * reading, guessing and planning as the browser's import dialog. Node-free, so it is tested
 * without a process; src/cli/main.ts reads the file and writes the result.
 */
import { serializeDocument } from '../io/serialize.ts';
import { guessMapping, referenceKind } from './guess.ts';
import { normalizeHeader } from './headers.ts';
import { messagesIn, type Messages } from './messages.ts';
import { planImport } from './plan.ts';
import { readTable } from './read.ts';
import { FIELDS, type FieldId, type ImportLanguage, type Mapping, type Table } from './types.ts';

export interface ImportCommandOptions {
  /** `field=Column` pairs from `--map`; an empty column (`field=`) maps nothing to the field. */
  readonly map: readonly string[];
  readonly currency?: string;
  readonly name?: string;
  readonly sheet?: string;
  readonly outsideManagers?: 'top' | 'external';
  /** `--lang`: the language of the refusals, the summary and the problems (default 'en'). */
  readonly language?: ImportLanguage;
}

export type ImportCommandResult =
  | { readonly ok: true; readonly json: string; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };

export async function importCommand(bytes: Uint8Array, fileName: string, options: ImportCommandOptions): Promise<ImportCommandResult> {
  const language = options.language ?? 'en';
  const say = messagesIn(language);
  const read = await readTable(bytes, fileName, { ...(options.sheet === undefined ? {} : { sheet: options.sheet }), language });
  if (!read.ok) return read;
  const table = read.table;
  const mapped = applyMap(table, guessMapping(table), options.map, say);
  if (!mapped.ok) return mapped;
  const { mapping } = mapped;
  const has = (field: FieldId) => mapping.columns.includes(field);
  if (!has('id') && !has('email') && !has('name') && !(has('firstName') || has('lastName'))) {
    return { ok: false, message: say.noIdentityColumn({ headers: table.headers }) };
  }
  if (!has('manager')) {
    return { ok: false, message: say.noManagerColumn({ headers: table.headers }) };
  }
  if (options.currency !== undefined && !/^[A-Za-z]{3}$/.test(options.currency)) return { ok: false, message: say.badCurrencyOption({ value: options.currency }) };
  const plan = planImport(table, mapping, {
    name: options.name ?? 'Imported organization',
    ...(options.currency !== undefined ? { currency: options.currency } : {}),
    ...(options.outsideManagers ? { outsideManagers: options.outsideManagers } : {}),
    language,
  });
  if (plan.needsCurrency) return { ok: false, message: say.needsCurrency() };
  const notes = [say.summary({ roles: plan.roles, rows: table.rows.length, kind: plan.managerKind, top: plan.topRoles.length, problems: plan.problems.length })];
  const shown = plan.problems.slice(0, 20);
  for (const p of shown) notes.push(`  ${p.kind}: ${p.message}`);
  if (plan.problems.length > shown.length) notes.push(`  ${say.moreProblems({ count: plan.problems.length - shown.length })}`);
  return { ok: true, json: serializeDocument(plan.doc), notes };
}

/** The guessed mapping with the user's `--map field=Column` pairs applied; a column named there leaves any other field. */
export function applyMap(table: Table, guessed: Mapping, pairs: readonly string[], say: Messages = messagesIn('en')): { ok: true; mapping: Mapping } | { ok: false; message: string } {
  if (pairs.length === 0) return { ok: true, mapping: guessed };
  const columns = [...guessed.columns];
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const field = (at < 0 ? pair : pair.slice(0, at)).trim() as FieldId;
    if (at < 0 || !(FIELDS as readonly string[]).includes(field)) {
      return { ok: false, message: say.badMapOption({ pair, fields: FIELDS }) };
    }
    const name = pair.slice(at + 1).trim();
    for (let i = 0; i < columns.length; i++) if (columns[i] === field) columns[i] = null;
    if (name === '') continue;
    let column = table.headers.indexOf(name);
    if (column < 0) column = table.headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(name));
    if (column < 0) return { ok: false, message: say.mapNoColumn({ pair, name, headers: table.headers }) };
    columns[column] = field;
  }
  return { ok: true, mapping: { columns, managerKind: referenceKind(table, columns, columns.indexOf('manager')) } };
}
