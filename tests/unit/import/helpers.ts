/** Shared by the import tests: fixtures and tables. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTable, type Table } from '../../../src/import/index.ts';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/import');

export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(FIXTURES, name)));

export async function tableOf(bytes: Uint8Array | string, fileName = 'file.csv', sheet?: string): Promise<Table> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const result = await readTable(data, fileName, sheet === undefined ? {} : { sheet });
  if (!result.ok) throw new Error(result.message);
  return result.table;
}

export const fixtureTable = (name: string, sheet?: string): Promise<Table> => tableOf(fixtureBytes(name), name, sheet);
