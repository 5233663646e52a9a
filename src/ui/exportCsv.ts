/**
 * The Export CSV actions: the document's roles, and its findings, as CSV files (io/csv.ts,
 * docs/export.md "CSV"). Like Export JSON (exportJson.ts) they never throw: a failure is
 * told in an alert, in the user's language, and nothing is downloaded.
 *
 * io/csv.ts (and papaparse with it) is loaded on the first export rather than with the
 * app: most sessions never export CSV, and the entry bundle stays small. So the actions
 * are async; their promise always resolves.
 */
import type { Finding } from '../rules/types.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { derive } from '../store/derived.ts';
import type { OrgStore } from '../store/orgStore.ts';
import { download, fileNameOf } from './download.ts';
import { translate, type Language, type StringKey } from './strings.ts';

/** The MIME type of the downloads; the text starts with a byte-order mark as well, for Excel. */
export const CSV_TYPE = 'text/csv;charset=utf-8';

export interface ExportCsvDeps {
  /** Writes the roles CSV; tests inject one that fails. Default: io/csv.ts, loaded on first use. */
  readonly documentCsv?: (doc: OrgDocument) => string | Promise<string>;
  /** Writes the findings CSV; tests inject one that fails. Default: io/csv.ts, loaded on first use. */
  readonly findingsCsv?: (doc: OrgDocument, findings: readonly Finding[], language: Language) => string | Promise<string>;
  /** Offers the text as a file; tests inject one, as Node has no download. */
  readonly save?: (text: string, fileName: string, type: string) => void;
}

const loadCsv = () => import('../io/csv.ts');

/** Downloads the store's document as CSV (one row per role), or shows an alert saying why it could not. */
export async function exportCsv(store: OrgStore, { documentCsv = async (doc) => (await loadCsv()).documentCsv(doc), save = download }: ExportCsvDeps = {}): Promise<void> {
  const { doc, language } = store.getState();
  await attempt(store, language, 'exportCsvFailed', async () => save(await documentCsv(doc), fileNameOf(doc.name, 'csv'), CSV_TYPE));
}

/** Downloads the findings of the store's document as CSV, or shows an alert saying why it could not. */
export async function exportFindingsCsv(store: OrgStore, { findingsCsv = async (doc, findings, language) => (await loadCsv()).findingsCsv(doc, findings, language), save = download }: ExportCsvDeps = {}): Promise<void> {
  const { doc, language } = store.getState();
  await attempt(store, language, 'exportFindingsCsvFailed', async () => {
    const text = await findingsCsv(doc, derive(doc).findings, language);
    // "<name> findings.csv": beside the roles CSV of the same document, and told apart from it.
    save(text, fileNameOf(`${doc.name} ${translate(language, 'findingsFileSuffix')}`, 'csv'), CSV_TYPE);
  });
}

/** Runs an export; any failure (the writer, loading io/csv.ts, the download) becomes the alert `key`. */
async function attempt(store: OrgStore, language: Language, key: StringKey, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (cause) {
    store.getState().showAlert(translate(language, key, { reason: cause instanceof Error ? cause.message : String(cause) }));
  }
}
