/**
 * `org import`: a file's bytes and the command's options → the org document, with the same
 * reading, guessing and planning as the browser's import dialog. Node-free, so it is tested
 * without a process; src/cli/main.ts reads the file and writes the result.
 */
import { serializeDocument } from '../io/serialize.ts';
import { guessMapping, referenceKind } from './guess.ts';
import { normalizeHeader } from './headers.ts';
import { planImport } from './plan.ts';
import { readTable } from './read.ts';
import { FIELDS, type FieldId, type Mapping, type Table } from './types.ts';

export interface ImportCommandOptions {
  /** `field=Column` pairs from `--map`; an empty column (`field=`) maps nothing to the field. */
  readonly map: readonly string[];
  readonly currency?: string;
  readonly name?: string;
  readonly sheet?: string;
  readonly outsideManagers?: 'top' | 'external';
}

export type ImportCommandResult =
  | { readonly ok: true; readonly json: string; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** Headers the guess looks for, quoted in a refusal so the user knows what to name or map. */
const examples = (field: FieldId, names: readonly string[]): string => `${names.map((n) => `"${n}"`).join(', ')} (or --map ${field}=COLUMN)`;

export async function importCommand(bytes: Uint8Array, fileName: string, options: ImportCommandOptions): Promise<ImportCommandResult> {
  const read = await readTable(bytes, fileName, options.sheet === undefined ? {} : { sheet: options.sheet });
  if (!read.ok) return read;
  const table = read.table;
  const mapped = applyMap(table, guessMapping(table), options.map);
  if (!mapped.ok) return mapped;
  const { mapping } = mapped;
  const has = (field: FieldId) => mapping.columns.includes(field);
  if (!has('id') && !has('email') && !has('name') && !(has('firstName') || has('lastName'))) {
    return { ok: false, message: `no column identifies the people: looked for an id column such as ${examples('id', ['id', 'Employee ID', 'employeeNumber', 'PersonID', '工号'])}, an email or a name column. Columns: ${table.headers.join(', ')}.` };
  }
  if (!has('manager')) {
    return { ok: false, message: `no manager column found: looked for ${examples('manager', ['reportsTo', 'parentId', 'manager_id', 'Supervisor ID', 'Boss ID', 'Manager email', '上级工号', '直属上级'])}. Columns: ${table.headers.join(', ')}.` };
  }
  if (options.currency !== undefined && !/^[A-Za-z]{3}$/.test(options.currency)) return { ok: false, message: `--currency must be an ISO 4217 code of 3 letters such as CNY, not "${options.currency}".` };
  const plan = planImport(table, mapping, {
    name: options.name ?? 'Imported organization',
    ...(options.currency !== undefined ? { currency: options.currency } : {}),
    ...(options.outsideManagers ? { outsideManagers: options.outsideManagers } : {}),
  });
  if (plan.needsCurrency) return { ok: false, message: 'the file has salaries or targets but does not say their currency: pass --currency with an ISO 4217 code such as CNY.' };
  const kind = plan.managerKind ? ` (the manager column holds ${plan.managerKind === 'id' ? 'ids' : plan.managerKind === 'email' ? 'emails' : 'names'})` : '';
  const notes = [`imported ${plan.roles} roles from ${table.rows.length} rows${kind}, ${plan.topRoles.length} top roles, ${plan.problems.length} problems.`];
  const shown = plan.problems.slice(0, 20);
  for (const p of shown) notes.push(`  ${p.kind}: ${p.message}`);
  if (plan.problems.length > shown.length) notes.push(`  … and ${plan.problems.length - shown.length} more problems.`);
  return { ok: true, json: serializeDocument(plan.doc), notes };
}

/** The guessed mapping with the user's `--map field=Column` pairs applied; a column named there leaves any other field. */
export function applyMap(table: Table, guessed: Mapping, pairs: readonly string[]): { ok: true; mapping: Mapping } | { ok: false; message: string } {
  if (pairs.length === 0) return { ok: true, mapping: guessed };
  const columns = [...guessed.columns];
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const field = (at < 0 ? pair : pair.slice(0, at)).trim() as FieldId;
    if (at < 0 || !(FIELDS as readonly string[]).includes(field)) {
      return { ok: false, message: `--map takes field=Column with a field among ${FIELDS.join(', ')}; "${pair}" is not one.` };
    }
    const name = pair.slice(at + 1).trim();
    for (let i = 0; i < columns.length; i++) if (columns[i] === field) columns[i] = null;
    if (name === '') continue;
    let column = table.headers.indexOf(name);
    if (column < 0) column = table.headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(name));
    if (column < 0) return { ok: false, message: `--map ${pair}: the file has no column "${name}"; its columns are ${table.headers.join(', ')}.` };
    columns[column] = field;
  }
  return { ok: true, mapping: { columns, managerKind: referenceKind(table, columns, columns.indexOf('manager')) } };
}
