import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOAD_ERROR_CODES, MAX_FILE_BYTES, type ParseResult } from '../../src/schema/load.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import { formatPath } from '../../src/schema/path.ts';
import type { Migration } from '../../src/schema/migrations.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

function loadError(result: ParseResult) {
  if (result.ok) throw new Error('expected a load error');
  return result.error;
}
function loaded(result: ParseResult) {
  if (!result.ok) throw new Error(`expected a document, got ${result.error.message}`);
  return result;
}

describe('parseDocument: what bad input gets (format.md, Loading rules)', () => {
  it('refuses a file over 20 MB before parsing it', () => {
    const text = `{"format":"org-structure","pad":"${'x'.repeat(MAX_FILE_BYTES)}"}`;
    const error = loadError(parseDocument(text));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/20 MB/);
  });

  it('counts the size in UTF-8 bytes, not characters', () => {
    // 7 million CJK characters are 21 MB in UTF-8.
    const text = `{"name":"${'中'.repeat(7_000_000)}"}`;
    expect(loadError(parseDocument(text)).code).toBe('too-large');
  });

  it('refuses text that is not JSON, saying so', () => {
    const error = loadError(parseDocument(fixture('bad/not-json.json')));
    expect(error.code).toBe('not-json');
    expect(error.message).toMatch(/not JSON/);
  });

  it('refuses JSON that is not an object', () => {
    for (const text of [fixture('bad/array.json'), 'null', '42', '"text"', 'true']) {
      expect(loadError(parseDocument(text)).code).toBe('not-an-object');
    }
    expect(loadError(parseDocument('[]')).message).toMatch(/an array/);
  });

  it('refuses an object that is not an org document', () => {
    const error = loadError(parseDocument(fixture('bad/not-org-document.json')));
    expect(error.code).toBe('not-org-document');
    expect(error.message).toMatch(/"format" must be "org-structure"/);
  });

  it('refuses a version that is not a whole number', () => {
    const error = loadError(parseDocument(fixture('bad/bad-version.json')));
    expect(error.code).toBe('bad-version');
    expect(error.issues[0]?.path).toBe('version');
  });

  it('refuses a newer version, naming both versions', () => {
    const error = loadError(parseDocument(fixture('bad/newer-version.json')));
    expect(error.code).toBe('newer-version');
    expect(error.message).toContain('version 7');
    expect(error.message).toContain('version 1');
  });

  it.each([
    ['bad/wrong-type.json', 'roles[1].level'],
    ['bad/out-of-range.json', 'roles[1].level'],
    ['bad/unknown-enum.json', 'roles[0].family'],
    ['bad/missing-name.json', 'name'],
    ['bad/bad-currency.json', 'currency'],
  ])('refuses %s with the JSON path %s', (file, path) => {
    const error = loadError(parseDocument(fixture(file)));
    expect(error.code).toBe('invalid');
    expect(error.issues[0]?.path).toBe(path);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });

  it('says what was expected', () => {
    expect(loadError(parseDocument(fixture('bad/out-of-range.json'))).message).toMatch(/8/);
    expect(loadError(parseDocument(fixture('bad/unknown-enum.json'))).message).toMatch(/head-am/);
  });

  it('refuses a duplicate role id, naming both places', () => {
    const error = loadError(parseDocument(fixture('bad/duplicate-id.json')));
    expect(error.code).toBe('duplicate-role-id');
    expect(error.issues[0]?.path).toBe('roles[2].id');
    expect(error.message).toContain('roles[0]');
    expect(error.message).toContain('"head"');
  });

  it('keeps every problem with its path (up to 200), and the one-line message counts the rest', () => {
    const roles = Array.from({ length: 8 }, (_, i) => ({ id: `r${i}`, title: 'x', level: 0 }));
    const error = loadError(parseDocument(JSON.stringify({ format: 'org-structure', version: 1, name: 'x', currency: 'CNY', roles })));
    expect(error.issues.map((i) => i.path)).toEqual(roles.map((_, i) => `roles[${i}].level`));
    expect(error.message).toMatch(/and 7 more problems/);
    const many = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, title: 'x', level: 0 }));
    expect(loadError(parseDocument(JSON.stringify({ format: 'org-structure', version: 1, name: 'x', currency: 'CNY', roles: many }))).issues).toHaveLength(200);
  });

  it('refuses more than 50,000 roles', () => {
    const roles = Array.from({ length: 50_001 }, (_, i) => ({ id: `r${i}`, title: 'x', level: 1 }));
    const error = loadError(parseDocument(JSON.stringify({ format: 'org-structure', version: 1, name: 'x', currency: 'CNY', roles })));
    expect(error.code).toBe('invalid');
    expect(error.issues[0]?.path).toBe('roles');
  });

  it('only uses error codes of the closed set', () => {
    for (const file of ['bad/not-json.json', 'bad/array.json', 'bad/not-org-document.json', 'bad/bad-version.json', 'bad/newer-version.json', 'bad/wrong-type.json', 'bad/duplicate-id.json']) {
      expect(LOAD_ERROR_CODES).toContain(loadError(parseDocument(fixture(file))).code);
    }
  });
});

describe('parseDocument: what loads', () => {
  it('loads a minimal document and fills the defaults of format.md', () => {
    const { doc, notes } = loaded(parseDocument(fixture('good/minimal.json')));
    expect(notes).toEqual([]);
    const am = doc.roles[1]!;
    expect(am).toMatchObject({ reportsTo: 'head', headcount: 1, vacancies: 0, external: false, assistant: false, function: 'account-management', dottedLines: [], budgets: [] });
    expect(doc.roles[0]!.reportsTo).toBeNull();
    expect(doc.view).toEqual({ positions: {}, collapsed: [], direction: 'TB' });
    expect(doc.settings).toEqual({ rules: {} });
  });

  it('loads semantic problems a designer can be in the middle of (rules report them)', () => {
    const { doc } = loaded(parseDocument(fixture('good/semantic-problems.json')));
    expect(doc.roles.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('drops unknown fields with an info note naming each path', () => {
    const { doc, notes } = loaded(parseDocument(fixture('good/unknown-fields.json')));
    expect(notes.map((n) => n.path).sort()).toEqual(['colour', 'roles[0].holder.shoeSize', 'roles[0].nickname', 'view.zoom']);
    expect(notes.every((n) => n.code === 'unknown-field')).toBe(true);
    expect(doc.roles[0]!.holder).toEqual({ name: 'Li Wei' });
    expect(Object.hasOwn(doc, 'colour')).toBe(false);
  });

  it('keeps prototype keys inert', () => {
    const { doc, notes } = loaded(parseDocument(fixture('good/hostile-keys.json')));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    for (const value of [doc, doc.roles[0], doc.roles[0]!.titles, doc.settings.rules, doc.view.positions]) {
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect((value as Record<string, unknown>).polluted).toBeUndefined();
    }
    // Role ids such as "constructor" are ordinary data.
    expect(doc.roles.map((r) => r.id)).toEqual(['constructor', 'prototype']);
    expect(Object.hasOwn(doc.view.positions, 'constructor')).toBe(true);
    expect(Object.hasOwn(doc.view.positions, '__proto__')).toBe(false);
    expect(Object.keys(doc.settings.rules)).toEqual(['SPAN-001']);
    expect(notes.some((n) => n.path === '__proto__' || n.path === '["__proto__"]')).toBe(true);
    // Hostile strings are kept verbatim as text.
    expect(doc.name).toBe('<script>alert(1)</script>');
  });

  it('caps the notes when a file has very many unknown fields', () => {
    const roles = Array.from({ length: 200 }, (_, i) => ({ id: `r${i}`, title: 'x', level: 1, extra: i }));
    const { notes } = loaded(parseDocument(JSON.stringify({ format: 'org-structure', version: 1, name: 'x', currency: 'CNY', roles })));
    expect(notes.length).toBeLessThanOrEqual(51);
    expect(notes.at(-1)!.message).toMatch(/150 more unknown fields/);
  });
});

describe('migrations', () => {
  // A synthetic version 0: roles were "positions", the level was "grade", the manager "manager".
  const fromV0: Migration = (input) => {
    const v0 = input as { positions: { id: string; title: string; grade: number; manager?: string }[] } & Record<string, unknown>;
    const { positions, ...rest } = v0;
    return {
      ...rest,
      version: 1,
      roles: positions.map((p) => ({ id: p.id, title: p.title, level: p.grade, reportsTo: p.manager ?? null })),
    };
  };

  it('migrates an older version step by step, with a note', () => {
    const { doc, notes } = loaded(parseDocument(fixture('good/version-0.json'), { migrations: new Map([[0, fromV0]]) }));
    expect(doc.version).toBe(1);
    expect(doc.roles.map((r) => [r.id, r.level, r.reportsTo])).toEqual([['head', 5, null], ['am-1', 2, 'head']]);
    expect(notes).toEqual([{ code: 'migrated', path: '', message: 'Upgraded from format version 0 to 1.' }]);
  });

  it('refuses an older version it has no migration for', () => {
    const error = loadError(parseDocument(fixture('good/version-0.json')));
    expect(error.code).toBe('unsupported-version');
  });

  it('turns a migration that throws into a load error', () => {
    const broken: Migration = () => {
      throw new Error('positions missing');
    };
    const error = loadError(parseDocument('{"format":"org-structure","version":0}', { migrations: new Map([[0, broken]]) }));
    expect(error.code).toBe('migration-failed');
    expect(error.message).toMatch(/positions missing/);
  });

  it('validates what a migration returns', () => {
    const sloppy: Migration = () => ({ format: 'org-structure', version: 1, name: 'x', currency: 'CNY', roles: [{ id: 'a', title: 'A' }] });
    const error = loadError(parseDocument('{"format":"org-structure","version":0}', { migrations: new Map([[0, sloppy]]) }));
    expect(error.code).toBe('invalid');
    expect(error.issues[0]?.path).toBe('roles[0].level');
  });
});

describe('formatPath', () => {
  it('writes indexes in brackets and odd keys quoted', () => {
    expect(formatPath(['roles', 12, 'level'])).toBe('roles[12].level');
    expect(formatPath(['view', 'positions', 'a b'])).toBe('view.positions["a b"]');
    expect(formatPath([])).toBe('');
  });
});
