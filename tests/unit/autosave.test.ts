import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ASIDE_PREFIX, Autosaver, DOCUMENT_KEY, STAMP_KEY, type KeyValueStorage, type SaveStatus } from '../../src/store/autosave.ts';
import { compactDocumentJson } from '../../src/io/serialize.ts';
import { renameDocument } from '../../src/model/commands.ts';
import { docOf } from '../helpers/doc.ts';

class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  failWrites: Error | null = null;
  getItem(key: string) { return this.data.get(key) ?? null; }
  setItem(key: string, value: string) {
    if (this.failWrites) throw this.failWrites;
    this.data.set(key, value);
  }
  removeItem(key: string) { this.data.delete(key); }
}

const doc = docOf([{ id: 'head', level: 5 }]);
const renamed = (name: string) => {
  const r = renameDocument(doc, name);
  if (!r.ok) throw new Error(r.reason);
  return r.doc;
};
const quotaError = () => Object.assign(new Error('quota'), { name: 'QuotaExceededError' });

describe('Autosaver', () => {
  let storage: MemoryStorage;
  let statuses: SaveStatus[];
  const saver = (tabId = 'tab-a') => new Autosaver({ storage, tabId, onStatus: (s) => statuses.push(s) });
  beforeEach(() => {
    vi.useFakeTimers();
    storage = new MemoryStorage();
    statuses = [];
  });
  afterEach(() => vi.useRealTimers());

  it('restores nothing from empty storage, then saves throttled', async () => {
    const a = saver();
    expect(await a.restore()).toEqual({ kind: 'empty' });
    a.schedule(renamed('One'));
    a.schedule(renamed('Two'));
    expect(storage.getItem(DOCUMENT_KEY)).toBeNull();
    vi.advanceTimersByTime(300);
    expect(storage.getItem(DOCUMENT_KEY)).toBe(compactDocumentJson(renamed('Two')));
    expect(statuses.at(-1)?.kind).toBe('saved');
  });

  it('never writes before the saved document has been read', () => {
    const a = saver();
    a.schedule(renamed('Early'));
    a.flush();
    vi.advanceTimersByTime(1000);
    expect(storage.data.size).toBe(0);
  });

  it('flushes at once (page hidden)', async () => {
    const a = saver();
    await a.restore();
    a.schedule(renamed('Now'));
    a.flush();
    expect(storage.getItem(DOCUMENT_KEY)).toContain('"Now"');
  });

  it('restores what it saved, through the import pipeline', async () => {
    const a = saver();
    await a.restore();
    a.schedule(renamed('Kept'));
    a.flush();
    const restored = await saver('tab-b').restore();
    expect(restored.kind).toBe('loaded');
    expect(restored.kind === 'loaded' && restored.doc).toEqual(renamed('Kept'));
  });

  it('keeps a corrupt saved document aside before writing anything', async () => {
    storage.setItem(DOCUMENT_KEY, '{"format":"org-structure", broken');
    const a = saver();
    const restored = await a.restore();
    expect(restored.kind).toBe('unreadable');
    const keptAs = restored.kind === 'unreadable' ? restored.keptAs : null;
    expect(keptAs?.startsWith(ASIDE_PREFIX)).toBe(true);
    expect(storage.getItem(keptAs!)).toBe('{"format":"org-structure", broken');
    a.schedule(renamed('Fresh'));
    a.flush();
    expect(storage.getItem(DOCUMENT_KEY)).toContain('"Fresh"');
  });

  it('writes nothing while the saved document is being read (zod loads for an invalid one)', async () => {
    const invalid = '{"format":"org-structure","version":1,"name":"","currency":"CNY","roles":[]}';
    storage.setItem(DOCUMENT_KEY, invalid);
    const a = saver();
    const reading = a.restore();
    a.schedule(renamed('Too early'));
    a.flush();
    expect(storage.getItem(DOCUMENT_KEY)).toBe(invalid);
    const restored = await reading;
    expect(restored).toMatchObject({ kind: 'unreadable', error: { code: 'invalid', message: expect.stringMatching(/^name: /) } });
    expect(storage.getItem(DOCUMENT_KEY)).toBe(invalid);
    a.schedule(renamed('Fresh'));
    a.flush();
    expect(storage.getItem(DOCUMENT_KEY)).toContain('"Fresh"');
  });

  it('writes nothing when a corrupt document cannot be kept aside', async () => {
    storage.setItem(DOCUMENT_KEY, 'garbage');
    storage.failWrites = quotaError();
    const a = saver();
    expect(await a.restore()).toMatchObject({ kind: 'unreadable', keptAs: null });
    storage.failWrites = null;
    a.schedule(renamed('Fresh'));
    a.flush();
    expect(storage.getItem(DOCUMENT_KEY)).toBe('garbage');
    expect(statuses).toContainEqual({ kind: 'paused', reason: 'unreadable' });
  });

  it('refuses a saved document from a newer version and leaves it untouched until overwritten', async () => {
    const newer = '{"format":"org-structure","version":9,"name":"Future","currency":"CNY","roles":[]}';
    storage.setItem(DOCUMENT_KEY, newer);
    const a = saver();
    const restored = await a.restore();
    expect(restored.kind).toBe('newer');
    expect(restored.kind === 'newer' && restored.error.message).toMatch(/version 9/);
    a.schedule(renamed('Mine'));
    a.flush();
    expect(storage.getItem(DOCUMENT_KEY)).toBe(newer);
    a.overwrite(renamed('Mine'));
    expect(storage.getItem(DOCUMENT_KEY)).toContain('"Mine"');
  });

  it('reports a full storage and keeps trying; the document in memory is not affected', async () => {
    const a = saver();
    await a.restore();
    storage.failWrites = quotaError();
    a.schedule(renamed('Big'));
    a.flush();
    expect(statuses.at(-1)).toMatchObject({ kind: 'error' });
    expect((statuses.at(-1) as { message: string }).message).toMatch(/storage is full/);
    expect(a.hasUnsaved).toBe(true);
    storage.failWrites = null;
    a.flush();
    expect(storage.getItem(DOCUMENT_KEY)).toContain('"Big"');
    expect(a.hasUnsaved).toBe(false);
  });

  it('never silently overwrites another tab\'s newer save', async () => {
    const a = saver('tab-a');
    const b = saver('tab-b');
    await a.restore();
    await b.restore();
    a.schedule(renamed('From A'));
    a.flush();
    expect(b.isForeignChange(storage.getItem(STAMP_KEY))).toBe(true);
    expect(a.isForeignChange(storage.getItem(STAMP_KEY))).toBe(false);
    b.schedule(renamed('From B'));
    b.flush();
    expect(storage.getItem(DOCUMENT_KEY)).toContain('"From A"');
    expect(statuses.at(-1)).toEqual({ kind: 'conflict' });
    // B chooses: take A's version, then B's later edits save normally.
    const adopted = await b.adoptStored();
    expect(adopted.kind === 'loaded' && adopted.doc.name).toBe('From A');
    b.schedule(renamed('B after adopting'));
    b.flush();
    expect(storage.getItem(DOCUMENT_KEY)).toContain('"B after adopting"');
    // A now sees B's save as foreign, and may keep its own version explicitly.
    a.schedule(renamed('A again'));
    a.flush();
    expect(storage.getItem(DOCUMENT_KEY)).toContain('"B after adopting"');
    a.overwrite(renamed('A again'));
    expect(storage.getItem(DOCUMENT_KEY)).toContain('"A again"');
  });
});
