/**
 * Every document that loads can be written (issue 16): the loader bounds rule parameters,
 * the one open-ended value of the format, on both validators; unknown parameter names of
 * known rules are noted; Import writes a document once before accepting it; Export JSON
 * reports a failure in an alert and never throws.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { acceptWritable, loadForImport, unwritablePath } from '../../src/io/accept.ts';
import { compactDocumentJson, serializeDocument } from '../../src/io/serialize.ts';
import { MAX_PARAM_DEPTH, MAX_PARAM_VALUES } from '../../src/schema/bounds.ts';
import { parseFast } from '../../src/schema/fast.ts';
import { loadDocument, type ParseResult } from '../../src/schema/load.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';
import { createOrgStore } from '../../src/store/orgStore.ts';
import { exportJson } from '../../src/ui/exportJson.ts';
import { loadLanguage } from '../../src/ui/strings.ts';
import { docOf } from '../helpers/doc.ts';

/** A document whose `settings.rules` is `rules` (JSON text, inserted as it is). */
const withRules = (rules: string): string =>
  `{"format":"org-structure","version":1,"name":"Deep","currency":"CNY","roles":[{"id":"a","title":"A","level":4}],"settings":{"rules":${rules}}}`;
/** An array nested `depth` deep, as text: `[[…[1]…]]`. */
const nested = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** The same result from every way of loading: the fast path (then zod), zod alone, and the app's async loader. */
async function loadEveryWay(text: string): Promise<ParseResult> {
  const result = parseDocument(text);
  expect(isDeepStrictEqual(parseDocument(text, { fastPath: false }), result)).toBe(true);
  expect(isDeepStrictEqual(await loadDocument(text), result)).toBe(true);
  return result;
}

function refusal(result: ParseResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

function loaded(result: ParseResult) {
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('the loader bounds rule parameters', () => {
  it('refuses a 20,000-deep parameter on both paths, naming the path where it is too deep', async () => {
    const text = withRules(`{"SPAN-001":{"params":{"minSpan":2,"x":${nested(20_000)}}}}`);
    expect(parseFast(JSON.parse(text))).toBeUndefined();
    const error = refusal(await loadEveryWay(text));
    const path = `settings.rules["SPAN-001"].params.x${'[0]'.repeat(MAX_PARAM_DEPTH)}`;
    expect(error.code).toBe('invalid');
    expect(error.issues[0]!.path).toBe(path);
    expect(error.message.startsWith(`${path}: arrays and objects nest more than 32 levels deep here`)).toBe(true);
  });

  it('loads a parameter nested to the bound, and writes it back unchanged', async () => {
    const text = withRules(`{"NOPE-1":{"params":{"x":${nested(MAX_PARAM_DEPTH)},"y":{"a":[{"b":null}]}}}}`);
    const { doc } = loaded(await loadEveryWay(text));
    const written = serializeDocument(doc);
    expect(JSON.parse(written)).toEqual(JSON.parse(text));
    expect(serializeDocument(loaded(parseDocument(written)).doc)).toBe(written);
    expect(JSON.parse(compactDocumentJson(doc))).toEqual(JSON.parse(text));
  });

  it('refuses one level more, in objects as in arrays, in any rule', async () => {
    const deepObject = `${'{"k":'.repeat(MAX_PARAM_DEPTH + 1)}1${'}'.repeat(MAX_PARAM_DEPTH + 1)}`;
    const error = refusal(await loadEveryWay(withRules(`{"NOPE-1":{"params":{"ok":1}},"STR-005":{"params":{"deep":${deepObject}}}}`)));
    expect(error.issues[0]!.path).toBe(`settings.rules["STR-005"].params.deep${'.k'.repeat(MAX_PARAM_DEPTH)}`);
    refusal(await loadEveryWay(withRules(`{"NOPE-1":{"params":{"x":${nested(MAX_PARAM_DEPTH + 1)}}}}`)));
  });

  it(`holds ${MAX_PARAM_VALUES} values in all, over every rule's parameters`, async () => {
    const list = (n: number) => `[${Array(n).fill(0).join(',')}]`;
    // Each parameter counts as one value, and so does each element of a list.
    loaded(await loadEveryWay(withRules(`{"SPAN-001":{"params":{"x":${list(MAX_PARAM_VALUES - 1)}}}}`)));
    const error = refusal(await loadEveryWay(withRules(`{"SPAN-001":{"params":{"x":${list(5000)}}},"NOPE-1":{"params":{"y":${list(4999)},"z":1}}}`)));
    expect(error.issues[0]!.path).toBe('settings.rules["NOPE-1"].params');
    expect(error.message).toMatch(/more than 10,000 values/);
    refusal(await loadEveryWay(withRules(`{"SPAN-001":{"params":{"x":${list(MAX_PARAM_VALUES)}}}}`)));
  });
});

describe('rule parameters against the rule catalogue', () => {
  it('notes an unknown parameter of a known rule and keeps it; unknown rules are not checked', async () => {
    const text = withRules('{"SPAN-001":{"params":{"minSpan":2,"minspan":4}},"SPAN-003":{"params":{"x":1}},"NOPE-1":{"params":{"y":1}}}');
    const { doc, notes } = loaded(await loadEveryWay(text));
    expect(notes).toEqual([
      { code: 'unknown-parameter', path: 'settings.rules["SPAN-001"].params.minspan', message: 'settings.rules["SPAN-001"].params.minspan: rule SPAN-001 has no such parameter; it is kept in the file but has no effect.' },
      { code: 'unknown-parameter', path: 'settings.rules["SPAN-003"].params.x', message: 'settings.rules["SPAN-003"].params.x: rule SPAN-003 has no such parameter; it is kept in the file but has no effect.' },
    ]);
    expect(doc.settings.rules['SPAN-001']!.params).toEqual({ minSpan: 2, minspan: 4 });
    expect(JSON.parse(serializeDocument(doc)).settings).toEqual(JSON.parse(text).settings);
  });

  it('caps those notes', async () => {
    const params = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`p${i}`, i]));
    const { notes } = loaded(await loadEveryWay(withRules(JSON.stringify({ 'SPAN-001': { params } }))));
    expect(notes).toHaveLength(51);
    expect(notes.at(-1)!.message).toBe('30 more unknown rule parameters kept.');
  });
});

describe('Import writes a document once before accepting it', () => {
  const good = serializeDocument(docOf([{ id: 'a' }]));

  it('accepts what loads and can be written, as loadDocument gives it', async () => {
    expect(isDeepStrictEqual(await loadForImport(good), await loadDocument(good))).toBe(true);
  });

  it("passes the loader's refusals on, the 20,000-deep parameter among them", async () => {
    const error = refusal(await loadForImport(withRules(`{"SPAN-001":{"params":{"x":${nested(20_000)}}}}`)));
    expect(error.issues[0]!.path).toMatch(/^settings\.rules\["SPAN-001"\]\.params\.x\[0\]/);
  });

  it('refuses a document that cannot be written, naming the path', () => {
    // Past the loader's bounds, so built by hand: what any future way round them would give.
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const doc: OrgDocument = { ...docOf([{ id: 'a' }]), settings: { rules: { 'SPAN-001': { params: { minSpan: 2, x: deep } } } } };
    expect(() => serializeDocument(doc)).toThrow();
    const error = refusal(acceptWritable({ ok: true, doc, notes: [] }));
    expect(error.code).toBe('invalid');
    expect(error.issues[0]!.path).toBe('settings.rules["SPAN-001"].params.x');
    expect(error.message).toMatch(/^settings\.rules\["SPAN-001"\]\.params\.x: this value cannot be saved \(.+\), so the file was not imported\./);
    expect(unwritablePath({ ...doc, roles: [...doc.roles, { ...doc.roles[0]!, holder: { name: 'x', languages: [deep as string] } }] })).toBe('roles[1]');
  });

  it('refuses when only the whole cannot be written, with an injected writer', async () => {
    const error = refusal(await loadForImport(good, { serialize: () => { throw new RangeError('Invalid string length'); } }));
    expect(error).toEqual({
      code: 'invalid',
      message: 'The document cannot be saved (Invalid string length), so the file was not imported.',
      issues: [{ path: '', message: 'cannot be saved (Invalid string length)' }],
    });
  });
});

describe('Export JSON', () => {
  const failing = () => {
    throw new RangeError('Maximum call stack size exceeded');
  };

  it('shows an alert when the document cannot be written, and does not throw', () => {
    const store = createOrgStore(docOf([{ id: 'a' }]));
    const saved: string[] = [];
    expect(() => exportJson(store, { serialize: failing, save: (text) => saved.push(text) })).not.toThrow();
    expect(saved).toEqual([]);
    expect(store.getState().alert?.text).toBe('Export JSON failed: the document could not be written as JSON (Maximum call stack size exceeded). Nothing was downloaded.');
  });

  it('says so in Chinese too', async () => {
    await loadLanguage('zh-CN');
    const store = createOrgStore(docOf([{ id: 'a' }]), 'zh-CN');
    exportJson(store, { serialize: failing, save: () => {} });
    expect(store.getState().alert?.text).toBe('导出 JSON 失败：无法将文档写成 JSON（Maximum call stack size exceeded）。未下载任何文件。');
  });

  it('downloads the canonical text under the document name otherwise', () => {
    const doc = docOf([{ id: 'a' }], { name: 'China: AM' });
    const store = createOrgStore(doc);
    const saved: [string, string][] = [];
    exportJson(store, { save: (text, name) => saved.push([text, name]) });
    expect(saved).toEqual([[serializeDocument(doc), 'China- AM.json']]);
    expect(store.getState().alert).toBeNull();
  });
});
