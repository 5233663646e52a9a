/**
 * The fast path of `parseDocument` (src/schema/fast.ts) on chosen inputs; the property
 * test (tests/property/parse-fast.property.test.ts) compares it with zod on random ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../../src/schema/load.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import { parseFast } from '../../src/schema/fast.ts';
import { serializeDocument } from '../../src/io/serialize.ts';
import { generateOrg } from '../../src/model/generate.ts';

const fixtures = (dir: string): string[] =>
  readdirSync(new URL(`../fixtures/${dir}/`, import.meta.url)).map((name) => readFileSync(new URL(`../fixtures/${dir}/${name}`, import.meta.url), 'utf8'));
const envelope = { format: 'org-structure', version: 1, name: 'x', currency: 'CNY' };

/** Both paths' results, which must be equal (deep strict: `constructor` keys are data here). */
function bothPaths(text: string): ParseResult {
  const result = parseDocument(text);
  const zod = parseDocument(text, { fastPath: false });
  expect(isDeepStrictEqual(result, zod)).toBe(true);
  expect(JSON.stringify(result)).toBe(JSON.stringify(zod));
  return result;
}

describe('parseDocument: the fast path', () => {
  it('loads and refuses every fixture exactly as zod does', () => {
    for (const text of [...fixtures('good'), ...fixtures('bad')]) bothPaths(text);
  });

  it('takes a generated 10,000-role document, with nothing dropped, to the document zod builds', () => {
    const text = serializeDocument(generateOrg({ roles: 10_000, seed: 42 }));
    const fast = parseFast(JSON.parse(text));
    expect(fast?.dropped).toBe(false);
    expect(bothPaths(text).ok).toBe(true);
  });

  it('counts text in code points as zod does: 120 emoji are a title, 121 are not', () => {
    const title = '😀'.repeat(120); // 240 UTF-16 units, 120 code points: a valid title
    const text = JSON.stringify({ ...envelope, roles: [{ id: 'a', title, level: 1 }] });
    expect(parseFast(JSON.parse(text))?.doc.roles[0]!.title).toBe(title);
    const result = bothPaths(text);
    expect(result.ok && result.doc.roles[0]!.title).toBe(title);
    const over = JSON.stringify({ ...envelope, roles: [{ id: 'a', title: `${title}😀`, level: 1 }] });
    expect(parseFast(JSON.parse(over))).toBeUndefined();
    expect(bothPaths(over).ok).toBe(false);
  });

  it('reports dropped fields in the same notes, capped, as the zod path', () => {
    const roles = Array.from({ length: 200 }, (_, i) => ({ id: `r${i}`, title: 'x', level: 1, extra: i, holder: { name: 'n', shoe: 1 } }));
    const text = JSON.stringify({ ...envelope, roles });
    expect(parseFast(JSON.parse(text))?.dropped).toBe(true);
    const result = bothPaths(text);
    expect(result.ok && result.notes.at(-1)!.message).toMatch(/350 more unknown fields/);
  });

  it('keeps prototype keys inert', () => {
    const text = fixtures('good').find((t) => t.includes('"polluted"'))!;
    const fast = parseFast(JSON.parse(text))!;
    expect(fast.dropped).toBe(true);
    const { doc } = fast;
    for (const value of [doc, doc.roles[0], doc.roles[0]!.titles, doc.settings.rules, doc.settings.rules['SPAN-001']!.params, doc.view.positions]) {
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect((value as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(doc.view.positions, 'constructor')).toBe(true);
    expect(Object.hasOwn(doc.roles[0]!.titles, '__proto__')).toBe(false);
  });

  // A rule parameter is measured to its bound, however deep: tests/unit/load-bounds.test.ts.
  it('walks no deeper than the schema, however deep an unknown field is', () => {
    const depth = 100_000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const text = `{"format":"org-structure","version":1,"name":"x","currency":"CNY","roles":[{"id":"a","title":"A","level":1,"extra":${deep}}]}`;
    const fast = parseFast(JSON.parse(text));
    expect(fast?.dropped).toBe(true);
    for (const result of [parseDocument(text), parseDocument(text, { fastPath: false })]) {
      if (!result.ok) throw new Error(result.error.message);
      expect(result.notes.map((n) => n.path)).toEqual(['roles[0].extra']);
    }
  });
});
