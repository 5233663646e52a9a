/**
 * The library's figures, in the page (bench/storage.html, served with the app so it
 * shares the app's IndexedDB): save and restore beside a whole-document baseline, the
 * longest main-thread task a save after one edit adds, and seeding a library of many
 * documents for the Documents dialog to open.
 */
import { compactDocumentJson } from '../src/io/serialize.ts';
import { generateOrg } from '../src/model/generate.ts';
import { moveRole } from '../src/model/commands.ts';
import { loadDocument } from '../src/schema/load.ts';
import type { OrgDocument } from '../src/schema/v1.ts';
import { Autosaver } from '../src/store/autosave.ts';
import { openIdbLibrary, type IdbLibrary } from '../src/store/library.ts';
import { openDB } from 'idb';

let seq = 0;
const docs = new Map<number, OrgDocument>();
const documentOf = (roles: number) => {
  let doc = docs.get(roles);
  if (!doc) docs.set(roles, (doc = generateOrg({ roles, seed: 42 })));
  return doc;
};

/**
 * The longest gap between turns of a MessageChannel loop while `work` runs: any task
 * longer than a turn (what the save adds to the main thread) shows as a gap.
 */
async function longestTask(work: () => Promise<unknown>): Promise<number> {
  const channel = new MessageChannel();
  let last = performance.now();
  let longest = 0;
  let running = true;
  channel.port1.onmessage = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  await new Promise((r) => setTimeout(r, 20));
  longest = 0;
  last = performance.now();
  await work();
  await new Promise((r) => setTimeout(r, 20));
  running = false;
  channel.port1.close();
  return longest;
}

/** The naive way, the baseline: the whole document's text as one value in one put. */
async function naiveDb() {
  return openDB('org-designer-bench-baseline', 1, { upgrade: (db) => db.createObjectStore('docs') });
}

async function library(): Promise<IdbLibrary> {
  return openIdbLibrary();
}

const api = {
  /** ms to save a new document of `roles` roles (ours), and the whole text in one put (baseline). */
  async save(roles: number) {
    const doc = documentOf(roles);
    const lib = await library();
    const saver = new Autosaver({ library: lib, tabId: 'bench', throttleMs: 0 });
    const id = `bench-${roles}-${seq++}`;
    let start = performance.now();
    saver.attach(id, doc);
    await saver.flush();
    const ours = performance.now() - start;
    if (saver.status.kind !== 'saved') throw new Error(`not saved: ${JSON.stringify(saver.status)}`);
    const db = await naiveDb();
    start = performance.now();
    await db.put('docs', compactDocumentJson(doc), id);
    const baseline = performance.now() - start;
    return { id, ours, baseline };
  },
  /** ms to read a saved document back and load it (ours), and the one text read and loaded (baseline). */
  async restore(id: string) {
    const lib = await library();
    let start = performance.now();
    const text = await lib.text(id);
    const loaded = text === null ? null : await loadDocument(text);
    const ours = performance.now() - start;
    if (!loaded?.ok) throw new Error('not restored');
    const db = await naiveDb();
    start = performance.now();
    const whole = (await db.get('docs', id)) as string;
    const again = await loadDocument(whole);
    const baseline = performance.now() - start;
    if (!again.ok) throw new Error('baseline not restored');
    return { ours, baseline, roles: loaded.doc.roles.length };
  },
  /** The longest main-thread task while a save after one edit runs (ours), and while the whole text is written (baseline). */
  async editSave(roles: number) {
    const doc = documentOf(roles);
    const lib = await library();
    const saver = new Autosaver({ library: lib, tabId: 'bench', throttleMs: 0 });
    const id = `bench-edit-${roles}-${seq++}`;
    saver.attach(id, doc);
    await saver.flush();
    const am = doc.roles.find((r) => r.family === 'am')!;
    const target = doc.roles.find((r) => r.family === 'senior-am' && r.id !== am.reportsTo)!;
    const moved = moveRole(doc, am.id, target.id);
    if (!moved.ok) throw new Error(moved.reason);
    let ms = 0;
    const ours = await longestTask(async () => {
      const start = performance.now();
      saver.schedule(moved.doc);
      await saver.flush();
      ms = performance.now() - start;
    });
    const db = await naiveDb();
    const baseline = await longestTask(() => db.put('docs', compactDocumentJson(moved.doc), id));
    return { ours, baseline, ms };
  },
  /** Fills the library with `count` documents of `roles` roles (and `big` of 50,000 roles). */
  async seed(count: number, roles: number, big: number) {
    const lib = await library();
    for (let i = 0; i < count; i++) {
      const saver = new Autosaver({ library: lib, tabId: 'bench', throttleMs: 0 });
      saver.attach(`seed-${i}`, { ...documentOf(i < big ? 50_000 : roles), name: `Seeded ${i}` });
      await saver.flush();
    }
  },
  /** ms to read every whole document of the library (the baseline for listing it). */
  async readAll() {
    const lib = await library();
    const start = performance.now();
    for (const e of await lib.list()) await lib.text(e.id);
    return performance.now() - start;
  },
};

declare global {
  interface Window {
    storageBench: typeof api;
  }
}
window.storageBench = api;
