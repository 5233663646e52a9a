/**
 * The presets bundled with the app, loaded through the one import pipeline. Each is
 * a separate chunk: the first-run preset is fetched while the app starts (only when
 * there is no saved document), the others when the gallery opens.
 */
import { loadDocument } from '../schema/load.ts';
import type { OrgDocument } from '../schema/v1.ts';

const lazyTexts = import.meta.glob('/presets/*.json', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

/** The first-run document's file name. */
export const DEFAULT_PRESET = 'china-account-management';

/** Presets in gallery order: the default first. */
const ORDER = [DEFAULT_PRESET, 'lean-player-coach-pod', 'tiered-coverage-pods', 'global-matrix', 'anti-patterns'];

export interface BundledPreset {
  readonly file: string;
  readonly doc: OrgDocument;
}

const fileOf = (path: string): string => path.replace(/^\/presets\/|\.json$/g, '');
const load = async (text: string): Promise<OrgDocument | undefined> => {
  const result = await loadDocument(text);
  return result.ok ? result.doc : undefined;
};

/** The first-run document (undefined only if the bundled preset were broken, which the preset tests rule out). */
export async function defaultPreset(): Promise<OrgDocument | undefined> {
  const text = lazyTexts[`/presets/${DEFAULT_PRESET}.json`];
  return text ? load(await text()) : undefined;
}

let all: Promise<readonly BundledPreset[]> | null = null;

/** Every bundled preset that loads, in gallery order. */
export function bundledPresets(): Promise<readonly BundledPreset[]> {
  all ??= Promise.all(
    Object.entries(lazyTexts).map(async ([path, text]) => {
      const doc = await load(await text());
      return doc ? [{ file: fileOf(path), doc }] : [];
    }),
  ).then((lists) => {
    const rank = (file: string) => (ORDER.includes(file) ? ORDER.indexOf(file) : ORDER.length);
    return lists.flat().sort((a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file));
  });
  return all;
}
