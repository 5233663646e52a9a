/**
 * The change list of a comparison as CSV (issue 18, "Export the comparison"): one row per
 * changed field, with the same writer as the roles CSV (io/csv.ts: UTF-8 with a byte-order
 * mark so that Excel reads Chinese, CRLF, formula text escaped). The CLI's `org diff --csv`
 * and the compare view's export call it.
 */
import { csvText, type Cell } from '../io/csv.ts';
import { localTitle } from '../model/labels.ts';
import type { ChangeKind, DocumentDiff, RoleChange } from './diff.ts';

export type CsvLanguage = 'en' | 'zh-CN';

/** The column headers, in order, per language. */
export const CHANGE_COLUMNS: Readonly<Record<CsvLanguage, readonly string[]>> = {
  en: ['kind', 'id', 'title', 'field', 'before', 'after'],
  'zh-CN': ['类型', '编号', '职位', '字段', '变更前', '变更后'],
};

/** The word of each kind of change, per language. */
export const CHANGE_KIND_WORDS: Readonly<Record<CsvLanguage, Readonly<Record<ChangeKind, string>>>> = {
  en: { added: 'added', removed: 'removed', moved: 'moved', changed: 'changed' },
  'zh-CN': { added: '新增', removed: '删除', moved: '调动', changed: '变更' },
};

/**
 * The change list as CSV, in the order of `diff.roles`: one row for an added or removed role
 * (field, before and after empty), one row `moved` with field `reportsTo` and the managers'
 * ids (empty: a top role), and one row `changed` per other field that differs, named as in
 * format.md. The title is the proposal's (the base's for a removed role), in `language`.
 * A value is written as it is when it is a number or a text, as compact JSON when it is an
 * object or a list, and empty when the optional field is absent.
 */
export function changesCsv(diff: DocumentDiff, language: CsvLanguage = 'en'): string {
  const words = CHANGE_KIND_WORDS[language];
  const rows: Cell[][] = [];
  for (const change of diff.roles) {
    const title = titleOf(change, language);
    if (change.fields.length === 0) {
      rows.push([words[change.kinds[0]!], change.id, title, null, null, null]);
      continue;
    }
    for (const f of change.fields) {
      rows.push([words[f.field === 'reportsTo' ? 'moved' : 'changed'], change.id, title, f.field, valueCell(f.before), valueCell(f.after)]);
    }
  }
  return csvText(CHANGE_COLUMNS[language], rows);
}

function titleOf(change: RoleChange, language: CsvLanguage): string {
  const role = change.after ?? change.before;
  return role ? localTitle(role, language) : change.id;
}

/** A field's value in a cell: numbers and text as they are, objects and lists as compact JSON, null when absent (the CLI's change list writes values the same way). */
export function valueCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
