/**
 * The mapping guessed from a table: header names first (headers.ts), then content — a
 * column of email addresses, a column whose values are other rows' ids — and what the
 * manager column holds (ids, emails or names), judged by which column its values match.
 */
import { HEADER_INDEX, HEADER_PARTS, normalizeHeader } from './headers.ts';
import type { FieldId, Mapping, ReferenceKind, Table } from './types.ts';

/** Rows looked at to judge a column's content: enough to be sure, bounded for 50,000-row files. */
const SAMPLE_ROWS = 2000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function guessMapping(table: Table): Mapping {
  const columns: (FieldId | null)[] = table.headers.map(() => null);
  const candidates: { column: number; field: FieldId; rank: number }[] = [];
  table.headers.forEach((header, column) => {
    const key = normalizeHeader(header);
    const exact = HEADER_INDEX.get(key);
    if (exact) candidates.push({ column, field: exact.field, rank: exact.rank });
    else {
      const part = HEADER_PARTS.find(([pattern]) => pattern.test(key));
      if (part) candidates.push({ column, field: part[1], rank: 1000 });
    }
  });
  const sample = table.rows.slice(0, SAMPLE_ROWS);
  const values = (column: number): string[] => sample.map((row) => row[column] ?? '').filter((v) => v !== '');

  // Several columns named like the id (BambooHR's `id` and `employeeNumber`): the one the manager column refers to wins.
  const idColumns = candidates.filter((c) => c.field === 'id');
  const managerCandidate = candidates.filter((c) => c.field === 'manager').sort((a, b) => a.rank - b.rank)[0];
  if (idColumns.length > 1 && managerCandidate) {
    const refs = values(managerCandidate.column);
    const best = idColumns
      .map((c) => ({ c, hits: matchCount(refs, new Set(values(c.column))) }))
      .sort((a, b) => b.hits - a.hits || a.c.rank - b.c.rank)[0]!;
    if (best.hits > 0) best.c.rank = -1;
  }
  // Each field goes to its best-ranked column; the other columns stay unmapped.
  candidates.sort((a, b) => a.rank - b.rank || a.column - b.column);
  const taken = new Set<FieldId>();
  for (const c of candidates) {
    if (taken.has(c.field) || columns[c.column] !== null) continue;
    columns[c.column] = c.field;
    taken.add(c.field);
  }

  // Content: an unnamed column of email addresses is the email; one whose values are other rows' ids is the manager.
  for (let column = 0; column < columns.length; column++) {
    if (columns[column] !== null) continue;
    const vs = values(column);
    if (vs.length === 0) continue;
    if (!taken.has('email') && vs.filter((v) => EMAIL.test(v)).length >= vs.length * 0.8) {
      columns[column] = 'email';
      taken.add('email');
    }
  }
  const idColumn = columns.indexOf('id');
  if (!taken.has('manager') && idColumn >= 0) {
    const ids = new Set(values(idColumn));
    for (let column = 0; column < columns.length; column++) {
      if (columns[column] !== null) continue;
      const vs = values(column);
      // Top roles leave it empty, so only the filled cells count; most of them must be ids of the file.
      if (vs.length > 0 && matchCount(vs, ids) >= vs.length * 0.6) {
        columns[column] = 'manager';
        taken.add('manager');
        break;
      }
    }
  }
  // `name` beside `lastName` without `firstName` (`id, parentId, name, lastName, …`) is the first name.
  if (taken.has('lastName') && !taken.has('firstName') && taken.has('name')) columns[columns.indexOf('name')] = 'firstName';

  return { columns, managerKind: referenceKind(table, columns, columns.indexOf('manager')) };
}

/** What the values of a reference column (manager, dotted line) are: ids, emails or names of the table's rows. */
export function referenceKind(table: Table, columns: readonly (FieldId | null)[], column: number): ReferenceKind | null {
  if (column < 0) return null;
  const sample = table.rows.slice(0, SAMPLE_ROWS);
  const refs = sample.flatMap((row) => splitReferences(row[column] ?? '', 'id'));
  if (refs.length === 0) return null;
  const keys = rowKeys(sample, columns);
  const scores: [ReferenceKind, number][] = [
    ['id', matchCount(refs, keys.id)],
    ['email', matchCount(refs.map((r) => r.toLowerCase()), keys.email)],
    ['name', matchCount(refs.map(nameKey), keys.name)],
  ];
  const best = scores.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (best[1] > 0) return best[0];
  // Nothing matches (a sample of a larger file, or every manager outside it): judge by the look of the values.
  if (refs.filter((r) => EMAIL.test(r)).length >= refs.length * 0.8) return 'email';
  if (keys.id.size > 0) return 'id';
  if (keys.email.size > 0 && keys.name.size === 0) return 'email';
  return keys.name.size > 0 ? 'name' : 'id';
}

/** The values a row can be referred to by: its id, its email (lower case), its name (nameKey). */
export function rowKeys(rows: readonly (readonly string[])[], columns: readonly (FieldId | null)[]): { id: Set<string>; email: Set<string>; name: Set<string> } {
  const at = (field: FieldId) => columns.indexOf(field);
  const [id, email, name, first, last] = [at('id'), at('email'), at('name'), at('firstName'), at('lastName')];
  const keys = { id: new Set<string>(), email: new Set<string>(), name: new Set<string>() };
  for (const row of rows) {
    if (id >= 0 && row[id]) keys.id.add(row[id]!);
    if (email >= 0 && row[email]) keys.email.add(row[email]!.toLowerCase());
    const full = holderName(row, name, first, last);
    if (full) keys.name.add(nameKey(full));
  }
  return keys;
}

/** The holder's name of a row: the name column, else first and last name joined (family name first for Chinese names). */
export function holderName(row: readonly string[], name: number, first: number, last: number): string {
  const full = name >= 0 ? (row[name] ?? '') : '';
  if (full) return full;
  const f = first >= 0 ? (row[first] ?? '') : '';
  const l = last >= 0 ? (row[last] ?? '') : '';
  if (f && l && CJK.test(f) && CJK.test(l)) return `${l}${f}`;
  return [f, l].filter(Boolean).join(' ');
}

const CJK = /^[\p{Script=Han}\s]+$/u;

/** A name compared without case, and with runs of spaces as one, so "Li  Wei" matches "li wei". */
export const nameKey = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** A reference cell → the references it holds: several ids or emails may be separated by `,` `;` `|`; names only by `;` `|` ("Smith, John" is one name). */
export function splitReferences(cell: string, kind: ReferenceKind): string[] {
  if (cell === '') return [];
  return cell
    .split(kind === 'name' ? /[;|]/ : /[,;|]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function matchCount(values: readonly string[], set: ReadonlySet<string>): number {
  let n = 0;
  for (const v of values) if (set.has(v)) n++;
  return n;
}
