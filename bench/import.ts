/**
 * Spreadsheet import's figures, in the page (bench/import.html): the importer's work on a
 * CSV of N rows — readTable, guessMapping, planImport, what the import dialog runs before
 * its preview shows — beside two baselines on the same organization: papaparse's parse of
 * the same text alone (the floor: the CSV must be parsed), and loading the organization's
 * JSON through loadDocument (what opening it in our own format costs).
 *
 * The CSV is the app's own export of a generated org (io/csv.ts): every column the
 * importer recognizes, managers by id, dotted lines — the most the planner has to do.
 */
import Papa from 'papaparse';
import { guessMapping, planImport, readTable } from '../src/import/index.ts';
import { DELIMITERS } from '../src/import/read.ts';
import { documentCsv } from '../src/io/csv.ts';
import { serializeDocument } from '../src/io/serialize.ts';
import { generateOrg } from '../src/model/generate.ts';
import { loadDocument } from '../src/schema/load.ts';

interface Inputs {
  readonly bytes: Uint8Array;
  readonly text: string;
  readonly json: string;
  readonly currency: string;
}

const inputs = new Map<number, Inputs>();
function inputsOf(rows: number): Inputs {
  let found = inputs.get(rows);
  if (!found) {
    const doc = generateOrg({ roles: rows, seed: 42 });
    const text = documentCsv(doc);
    // The bytes a File gives the dialog: the importer decodes them itself.
    inputs.set(rows, (found = { bytes: new TextEncoder().encode(text), text, json: serializeDocument(doc), currency: doc.currency }));
  }
  return found;
}

const api = {
  /** ms of one import of a CSV of `rows` rows (and of each step), and of both baselines on the same org. */
  async csv(rows: number) {
    const { bytes, text, json, currency } = inputsOf(rows);
    const t0 = performance.now();
    const read = await readTable(bytes, 'org.csv');
    const t1 = performance.now();
    if (!read.ok) throw new Error(read.message);
    const mapping = guessMapping(read.table);
    const t2 = performance.now();
    const plan = planImport(read.table, mapping, { name: 'Bench', currency });
    const t3 = performance.now();
    // A figure only counts when the import is whole: every row a role, no row refused.
    if (plan.roles !== rows || plan.problems.length > 0) throw new Error(`imported ${plan.roles} of ${rows} rows, ${plan.problems.length} problems: ${plan.problems[0]?.message ?? ''}`);

    const p0 = performance.now();
    const parsed = Papa.parse<string[]>(text, { delimiter: '', delimitersToGuess: [...DELIMITERS], skipEmptyLines: 'greedy' });
    const papaparse = performance.now() - p0;
    if (parsed.data.length !== rows + 1) throw new Error(`papaparse read ${parsed.data.length} rows`);

    const j0 = performance.now();
    const loaded = await loadDocument(json);
    const jsonMs = performance.now() - j0;
    if (!loaded.ok) throw new Error(loaded.error.message);
    return { ms: t3 - t0, read: t1 - t0, guess: t2 - t1, plan: t3 - t2, papaparse, json: jsonMs, bytes: bytes.length };
  },
};

declare global {
  interface Window {
    importBench: typeof api;
  }
}
window.importBench = api;
