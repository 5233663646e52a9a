/**
 * .xlsx → Table, through read-excel-file (its "universal" build: no worker, no eval).
 * Imported only by read.ts's dynamic `import()`, so the library stays out of the app's entry.
 *
 * fflate, which read-excel-file unzips with, inflates entries over 512 kB in a Web Worker
 * made from a blob: URL, which the app's Content-Security-Policy (script-src 'self') blocks,
 * so a large sheet would never finish. The workbook is therefore unzipped here synchronously
 * and handed over re-zipped without compression, which fflate copies without a worker.
 */
import { unzipSync, zipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import type { Messages } from './messages.ts';
import { toTable } from './read.ts';
import type { ReadResult } from './types.ts';

type Cell = string | number | boolean | Date | null | undefined;

export async function readWorkbook(bytes: Uint8Array, sheet: string | undefined, say: Messages): Promise<ReadResult> {
  let stored: Uint8Array;
  try {
    const entries = unzipSync(bytes, { filter: (file) => /\.(xml|rels)$/i.test(file.name) });
    stored = zipSync(entries, { level: 0 });
  } catch {
    return { ok: false, message: say.notZip() };
  }
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    const buffer = stored.buffer.slice(stored.byteOffset, stored.byteOffset + stored.byteLength) as ArrayBuffer;
    sheets = (await readXlsxFile(buffer)) as { sheet: string; data: Cell[][] }[];
  } catch (cause) {
    return { ok: false, message: say.workbookUnreadable({ reason: cause instanceof Error ? cause.message : String(cause) }) };
  }
  const names = sheets.map((s) => s.sheet);
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.sheet === sheet);
  if (!chosen) {
    return names.length === 0
      ? { ok: false, message: say.noSheets() }
      : { ok: false, message: say.noSuchSheet({ sheet: sheet ?? '', sheets: names }) };
  }
  const grid = chosen.data.map((row) => row.map(cellText));
  const result = toTable(grid, { encoding: 'xlsx', sheets: names, sheet: chosen.sheet }, say);
  return result.ok || names.length < 2 ? result : { ok: false, message: say.emptySheet({ sheet: chosen.sheet, sheets: names }) };
}

/** A cell as text: dates as YYYY-MM-DD, numbers without grouping (ids stay ids). */
function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}
