/**
 * `loadDocument` (the app: zod loaded on demand) and `parseDocument` (Node: zod imported)
 * run the same pipeline and give the same result for every input: valid documents (fast
 * path), invalid ones (worded by zod), migrated ones, and refusals before validation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadDocument, MAX_FILE_BYTES, type ParseOptions } from '../../src/schema/load.ts';
import type { Migration } from '../../src/schema/migrations.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import { serializeDocument } from '../../src/io/serialize.ts';
import { generateOrg } from '../../src/model/generate.ts';

const filesIn = (dir: string): [string, string][] =>
  readdirSync(new URL(dir, import.meta.url)).map((name) => [name, readFileSync(new URL(`${dir}${name}`, import.meta.url), 'utf8')]);

const fromV0: Migration = (input) => {
  const { positions, ...rest } = input as { positions: { id: string; title: string; grade: number }[] } & Record<string, unknown>;
  return { ...rest, version: 1, roles: positions.map((p) => ({ id: p.id, title: p.title, level: p.grade, extra: true })) };
};
const v0 = { migrations: new Map([[0, fromV0]]) };
const throwing = { migrations: new Map<number, Migration>([[0, () => { throw new Error('no positions'); }]]) };

const cases: [string, string, ParseOptions?][] = [
  ...filesIn('../fixtures/good/').map(([name, text]): [string, string] => [`good/${name}`, text]),
  ...filesIn('../fixtures/bad/').map(([name, text]): [string, string] => [`bad/${name}`, text]),
  ...filesIn('../../presets/').map(([name, text]): [string, string] => [`preset ${name}`, text]),
  ['good/version-0.json migrated', readFileSync(new URL('../fixtures/good/version-0.json', import.meta.url), 'utf8'), v0],
  ['a migration that throws', '{"format":"org-structure","version":0}', throwing],
  ['a migrated document zod refuses', '{"format":"org-structure","version":0,"positions":[{"id":"a","title":"A","grade":9}]}', v0],
  ['generated, zod alone', serializeDocument(generateOrg({ roles: 300, seed: 7 })), { fastPath: false }],
  ['generated', serializeDocument(generateOrg({ roles: 300, seed: 7 }))],
  ['empty name and a bad level', '{"format":"org-structure","version":1,"name":"","currency":"CNY","roles":[{"id":"a","title":"A","level":0}]}'],
  ['a long title in astral characters', JSON.stringify({ format: 'org-structure', version: 1, name: 'x', currency: 'CNY', roles: [{ id: 'a', title: '😀'.repeat(100), level: 1 }] })],
  ['duplicate ids after zod', '{"format":"org-structure","version":1,"name":"x","currency":"CNY","roles":[{"id":"a","title":"😀😀","level":1,"x":1},{"id":"a","title":"B","level":1}]}'],
  ['too large', ' '.repeat(MAX_FILE_BYTES + 1)],
  ['not text', 42 as unknown as string],
];

describe('loadDocument and parseDocument', () => {
  it.each(cases)('give the same result: %s', async (_name, text, options) => {
    const parsed = parseDocument(text, options);
    const loaded = await loadDocument(text, options);
    // Not toStrictEqual: it reads `constructor`, which is plain data in hostile-keys.json.
    expect(isDeepStrictEqual(loaded, parsed)).toBe(true);
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(parsed)); // key order too
  });

  it('cover both outcomes and both validators', () => {
    const results = cases.map(([, text, options]) => parseDocument(text, options));
    expect(results.some((r) => r.ok)).toBe(true);
    expect(results.some((r) => !r.ok && r.error.code === 'invalid' && r.error.issues.length > 0)).toBe(true);
    expect(results.some((r) => r.ok && r.notes.some((n) => n.code === 'migrated'))).toBe(true);
  });
});
