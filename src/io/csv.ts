/**
 * CSV export of a document (one row per role) and of its findings (docs/export.md, "CSV").
 * Framework-free: the browser's Export CSV (ui/exportCsv.ts) and the CLI's `org export-csv`
 * call the same functions.
 *
 * The text is written by papaparse's `unparse`, the maintained CSV library the importer
 * reads with, so both sides agree on quoting. It is given each cell with its type: a
 * number field is a number (never escaped), everything else a string (escaped when a
 * spreadsheet would run it as a formula; see FORMULA_TRIGGER).
 *
 * Encoding: UTF-8 with a byte-order mark, as Excel needs it to read CJK text from a CSV
 * (without one it guesses the system's code page); CRLF line ends (RFC 4180); a field with
 * `,` `"` CR or LF (or `;` tab `|`, or a leading or trailing space) is quoted, `"` doubled inside.
 */
import Papa from 'papaparse';
import { ruleInfo, settingsInfo } from '../rules/catalogue.ts';
import { documentEnv, findingMessage, ruleTexts } from '../rules/texts.ts';
import type { Finding } from '../rules/types.ts';
import { ACCOUNT_TIERS } from '../schema/constants.ts';
import type { OrgDocument, Role } from '../schema/v1.ts';
import { localTitle } from '../model/labels.ts';

/** The byte-order mark that starts every CSV this module writes. */
export const CSV_BOM = '\uFEFF';
const NEWLINE = '\r\n';

/** The locale of the Chinese-title column (format.md: `titles["zh-CN"]`). */
const ZH = 'zh-CN';

/**
 * The columns of the roles CSV, in order. The importer recognizes exactly these names, so a
 * file this writes imports back with no mapping step. One `accounts_<tier>` column per
 * account tier of the format, in the format's order.
 */
export const ROLE_COLUMNS = [
  'id',
  'reportsTo',
  'title',
  `title_${ZH}`,
  'family',
  'level',
  'function',
  'headcount',
  'vacancies',
  'holder',
  'salaryMin',
  'salaryMax',
  'bonusPct',
  'revenueTarget',
  ...ACCOUNT_TIERS.map((tier) => `accounts_${tier}` as const),
  'external',
  'assistant',
  'dottedLines',
] as const;

/** The columns of the findings CSV, in order. */
export const FINDING_COLUMNS = ['severity', 'rule', 'ruleTitle', 'roles', 'roleTitles', 'message'] as const;

/** Separates the dotted lines of one role, and the role ids of one finding, in a cell. */
export const LIST_SEPARATOR = ';';
/**
 * Separates a dotted line's target from its kind: `head-cn:indirect-manager`. Ids may hold
 * `:` themselves, so a reader splits at the last one (a kind never holds one).
 */
export const DOTTED_KIND_SEPARATOR = ':';

/**
 * A text cell that a spreadsheet would run as a formula starts with one of `=` `+` `-` `@`,
 * tab or CR (OWASP, "CSV Injection"). Such a cell is written with a `'` in front, which
 * Excel, LibreOffice and Google Sheets take as "this is text": OWASP's recommendation. A
 * text that starts with `'`s before such a character gets one more, so the escape can be
 * undone without loss (unescapeCell): `'=x` → `''=x` → `'=x`. Text that starts with `-`
 * is escaped too: "-5" in a title is text, and a spreadsheet would make it a number or
 * run "-1+A1". Number fields are never escaped (they are written as numbers; the format
 * has no negative amounts, and a negative number would be a number, not a formula).
 */
const FORMULA_TRIGGER = /^'*[=+\-@\t\r]/;
/** An escaped text cell: the `'` that escaping added, then what matches FORMULA_TRIGGER. */
const ESCAPED = /^''*[=+\-@\t\r]/;
export const FORMULA_ESCAPE = "'";

/** The text of a cell as it was before formula escaping: the importer reads text cells through this. */
export function unescapeCell(cell: string): string {
  return ESCAPED.test(cell) ? cell.slice(FORMULA_ESCAPE.length) : cell;
}

export type Cell = string | number | null;
const OTHER_DELIMITERS = /[;\t|]/;

/** The CSV text of a header and rows: BOM, CRLF, quoted where needed, formula text escaped (compare/csv.ts writes with it too). */
export function csvText(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const body = Papa.unparse([columns, ...rows] as Cell[][], {
    newline: NEWLINE,
    // unparse leaves numbers alone and prefixes a matching string with FORMULA_ESCAPE.
    escapeFormulae: FORMULA_TRIGGER,
    // The importer guesses the delimiter among `,` `;` tab `|` from how rows split: a text
    // cell holding one of the others (a dotted-line list) is quoted so it cannot mislead it.
    quotes: (value: unknown) => typeof value === 'string' && OTHER_DELIMITERS.test(value),
    header: false,
  });
  return `${CSV_BOM}${body}${NEWLINE}`;
}

/** The roles of a document as CSV: one row per role, in document order, columns ROLE_COLUMNS. */
export function documentCsv(doc: OrgDocument): string {
  return csvText(ROLE_COLUMNS, doc.roles.map(roleRow));
}

function roleRow(role: Role): Cell[] {
  return [
    role.id,
    role.reportsTo,
    role.title,
    Object.hasOwn(role.titles, ZH) ? role.titles[ZH]! : null,
    role.family,
    role.level,
    role.function,
    role.headcount,
    role.vacancies,
    role.holder ? role.holder.name : null,
    role.salary ? role.salary.min : null,
    role.salary ? role.salary.max : null,
    role.salary?.bonusPct ?? null,
    role.revenueTarget ?? null,
    ...ACCOUNT_TIERS.map((tier) => accountsOf(role, tier)),
    String(role.external),
    String(role.assistant),
    role.dottedLines.map((line) => `${line.to}${DOTTED_KIND_SEPARATOR}${line.kind}`).join(LIST_SEPARATOR),
  ];
}

/**
 * The accounts of one tier, or empty when the role lists none of it. The format allows a tier
 * twice in one role's list; the rules count both, so the cell holds their sum.
 */
function accountsOf(role: Role, tier: (typeof ACCOUNT_TIERS)[number]): number | null {
  let sum: number | null = null;
  for (const a of role.accounts) if (a.tier === tier) sum = (sum ?? 0) + a.count;
  return sum;
}

/**
 * The findings as CSV, in the order given, columns FINDING_COLUMNS: the role ids of a finding
 * joined by `;`, and their titles (in `language`, the id of a role no longer in the document)
 * joined by `; `. Rule titles and messages are in `language` too (its rule texts loaded
 * before: rules/texts.ts `loadRuleTexts`; English until then).
 */
export function findingsCsv(doc: OrgDocument, findings: readonly Finding[], language: 'en' | 'zh-CN' = 'en'): string {
  const texts = ruleTexts(language);
  const env = documentEnv(texts, doc);
  const byId = new Map<string, Role>();
  for (const role of doc.roles) if (!byId.has(role.id)) byId.set(role.id, role);
  const titleOf = (id: string): string => {
    const role = byId.get(id);
    return role ? localTitle(role, language) : id;
  };
  return csvText(
    FINDING_COLUMNS,
    findings.map((f) => [
      f.severity,
      f.rule,
      (ruleInfo(f.rule, texts) ?? settingsInfo(texts)).title,
      f.roles.join(LIST_SEPARATOR),
      f.roles.map(titleOf).join(`${LIST_SEPARATOR} `),
      findingMessage(f, env),
    ]),
  );
}
