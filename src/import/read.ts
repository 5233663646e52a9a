/**
 * Reading a spreadsheet file into a Table: CSV/TSV/TXT through papaparse (delimiter, quotes,
 * embedded newlines), .xlsx through read-excel-file loaded on demand (xlsx.ts). Never throws.
 */
import Papa from 'papaparse';
import { MAX_FILE_BYTES } from '../schema/load.ts';
import { messagesIn, type Messages } from './messages.ts';
import { decodeTableText } from './text.ts';
import type { ReadOptions, ReadResult, Table } from './types.ts';

/** The delimiters a CSV may use, in the order papaparse tries them. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Bytes of a .csv/.tsv/.txt/.xlsx file → a table, or a message in `options.language`. Never throws. The .xlsx reader is imported here only, on demand. */
export async function readTable(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<ReadResult> {
  const say = messagesIn(options.language);
  try {
    if (bytes.length > MAX_FILE_BYTES) {
      return { ok: false, message: say.fileTooLarge({ mb: MAX_FILE_BYTES / 1024 / 1024 }) };
    }
    const lower = fileName.toLowerCase();
    if (lower.endsWith('.xls') || isOleFile(bytes)) {
      return { ok: false, message: say.oldExcel() };
    }
    if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm') || isZip(bytes)) {
      const { readWorkbook } = await import('./xlsx.ts');
      return await readWorkbook(bytes, options.sheet, say);
    }
    return readDelimited(bytes, lower.endsWith('.tsv') || lower.endsWith('.tab') ? '\t' : undefined, say);
  } catch (cause) {
    return { ok: false, message: say.unreadable({ reason: cause instanceof Error ? cause.message : String(cause) }) };
  }
}

/** CSV-like text: the delimiter is the one given, else Excel's `sep=` line, else papaparse's guess among DELIMITERS. */
export function readDelimited(bytes: Uint8Array, delimiter?: string, say: Messages = messagesIn('en')): ReadResult {
  const decoded = decodeTableText(bytes, say);
  if (!decoded.ok) return decoded;
  let text = decoded.text;
  // Excel writes and reads a first line `sep=;` naming the delimiter.
  const sep = /^sep=(.)\r?\n/.exec(text);
  if (sep) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
  }
  const parsed = Papa.parse<string[]>(text, {
    delimiter: delimiter ?? '',
    delimitersToGuess: [...DELIMITERS],
    skipEmptyLines: 'greedy',
  });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    return { ok: false, message: say.unclosedQuote({ row: quoteError.row ?? '?' }) };
  }
  return toTable(parsed.data, { encoding: decoded.encoding, delimiter: parsed.meta.delimiter }, say);
}

/** Rows of cells → a Table: the first row is the header; cells trimmed; empty rows dropped; rows as long as the header. */
export function toTable(grid: readonly (readonly string[])[], extra: Omit<Table, 'headers' | 'rows'>, say: Messages = messagesIn('en')): ReadResult {
  const rows = grid.map((row) => row.map((cell) => cell.trim())).filter((row) => row.some((cell) => cell !== ''));
  const head = rows[0];
  if (!head) return { ok: false, message: say.noRows() };
  // Columns after the last named one that hold nothing are dropped (a trailing delimiter on every line).
  let width = Math.max(...rows.map((r) => r.length));
  while (width > 0 && (head[width - 1] ?? '') === '' && rows.every((r) => (r[width - 1] ?? '') === '')) width--;
  const headers = Array.from({ length: width }, (_, i) => head[i] || say.unnamedColumn({ column: i + 1 }));
  const data = rows.slice(1).map((r) => (r.length === width ? r : Array.from({ length: width }, (_, i) => r[i] ?? '')));
  return { ok: true, table: { headers, rows: data, ...extra } };
}

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** The compound-file signature of .xls (and other old Office files). */
const isOleFile = (b: Uint8Array): boolean => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
