/**
 * The shapes of spreadsheet import (issue 19), shared by the reader, the mapping guess,
 * the planner, the CLI's `org import` and the browser's import dialog. Framework-free.
 */
import type { OrgDocument } from '../schema/v1.ts';

/** A file read as a grid of text: the first non-empty row is the header row. */
export interface Table {
  readonly headers: readonly string[];
  /** Data rows, each as long as `headers` (short rows are padded with '', extra cells dropped). */
  readonly rows: readonly (readonly string[])[];
  /** .xlsx: every sheet's name, in workbook order. */
  readonly sheets?: readonly string[];
  /** .xlsx: the sheet read. */
  readonly sheet?: string;
  /** How the bytes were read: 'utf-8', 'utf-16le', 'utf-16be', 'gb18030', or 'xlsx'. */
  readonly encoding: string;
  /** CSV: the delimiter found (`,` `;` tab `|`). */
  readonly delimiter?: string;
}

/** The language of the import's messages: the UI's languages (src/ui/strings.ts). */
export type ImportLanguage = 'en' | 'zh-CN';

/** readTable's options. */
export interface ReadOptions {
  /** .xlsx: the sheet to read (default: the first). */
  readonly sheet?: string;
  /** The language of the refusal's message (default 'en'). */
  readonly language?: ImportLanguage;
}

export type ReadResult = { readonly ok: true; readonly table: Table } | { readonly ok: false; readonly message: string };

/** What a column can be mapped to. The account fields are one per tier of the format (format.md, Role.accounts). */
export const FIELDS = [
  'id',
  'manager',
  'title',
  'titleZh',
  'name',
  'firstName',
  'lastName',
  'email',
  'department',
  'location',
  'family',
  'level',
  'function',
  'salary',
  'salaryMin',
  'salaryMax',
  'bonusPct',
  'revenueTarget',
  'headcount',
  'vacancies',
  'external',
  'assistant',
  'dotted',
  'accountsStrategic',
  'accountsEnterprise',
  'accountsMidMarket',
  'accountsSmb',
  'currency',
  'costCenter',
] as const;
export type FieldId = (typeof FIELDS)[number];

/** What a manager (or dotted-line) column holds: another row's id, email or name. */
export type ReferenceKind = 'id' | 'email' | 'name';

export interface Mapping {
  /** One entry per column of the table: the field it feeds, or null for a column not imported. */
  readonly columns: readonly (FieldId | null)[];
  /** What the manager column holds; null when there is no manager column (or it is empty). */
  readonly managerKind: ReferenceKind | null;
}

export interface ImportProblem {
  /** 1-based data row (the header row is not counted); 0 for the file as a whole. */
  readonly row: number;
  readonly kind: 'missing-id' | 'duplicate-id' | 'manager-not-found' | 'ambiguous-manager' | 'cycle' | 'bad-number' | (string & {});
  readonly message: string;
}

/** Something filled in that the file did not say, and on how many rows. */
export interface Inference {
  readonly field: string;
  readonly message: string;
  readonly count: number;
}

export interface ImportOptions {
  /** The document's name. */
  readonly name: string;
  /** ISO 4217 code for every amount; overrides a currency column. */
  readonly currency?: string;
  /** A manager that is not a row of the file: the row becomes a top role (default) or reports to an external role made for that manager. */
  readonly outsideManagers?: 'top' | 'external';
  /** The language of the problems' and inferences' messages (default 'en'); kinds and fields do not change. */
  readonly language?: ImportLanguage;
}

export interface ImportPlan {
  /** A valid org document (it passed the loader's validator). */
  readonly doc: OrgDocument;
  /** Roles made from rows (external manager roles not counted). */
  readonly roles: number;
  /** Ids of the roles with no manager. */
  readonly topRoles: readonly string[];
  readonly problems: readonly ImportProblem[];
  readonly inferences: readonly Inference[];
  readonly managerKind: Mapping['managerKind'];
  /** The file has amounts but neither a currency column nor `options.currency` says in which currency. */
  readonly needsCurrency: boolean;
  /** Role id of each data row (index = row − 1), for the preview. */
  readonly roleIds: readonly string[];
}
