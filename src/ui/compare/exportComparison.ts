/**
 * The compare view's exports (issue 18, point 3): the change list as CSV (UTF-8 with a
 * byte-order mark, so Excel opens Chinese intact) and as JSON (the `org diff --json`
 * object), named after the two documents. Like the other exports they never throw: a
 * failure is told in an alert and nothing is downloaded.
 */
import { changesCsv } from '../../compare/csv.ts';
import { diffJson, type DocumentDiff } from '../../compare/diff.ts';
import { download, fileNameOf } from '../download.ts';
import { CSV_TYPE } from '../exportCsv.ts';
import type { Language } from '../strings.ts';

export type ComparisonExport = 'csv' | 'json';

export interface ComparisonExportInput {
  readonly base: { readonly name: string };
  readonly proposed: { readonly name: string };
  readonly diff: DocumentDiff;
  readonly language: Language;
}

/** The download's name: both documents' names. */
export function comparisonFileName(base: string, proposed: string, extension: string): string {
  return fileNameOf(`${base} → ${proposed}`, extension);
}

/** Downloads the comparison as CSV or JSON; resolves to an error message when it could not, else null. */
export function exportComparison(what: ComparisonExport, { base, proposed, diff, language }: ComparisonExportInput, save = download): string | null {
  try {
    if (what === 'csv') save(changesCsv(diff, language), comparisonFileName(base.name, proposed.name, 'csv'), CSV_TYPE);
    else save(`${JSON.stringify(diffJson(diff), null, 2)}\n`, comparisonFileName(base.name, proposed.name, 'json'), 'application/json');
    return null;
  } catch (cause) {
    return cause instanceof Error ? cause.message : String(cause);
  }
}
