/** The presets bundled into the app, as text, loaded through the one import pipeline. */
import { parseDocument } from '../schema/parse.ts';
import type { OrgDocument } from '../schema/v1.ts';

const texts = import.meta.glob('/presets/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The first-run document. */
export const DEFAULT_PRESET = 'china-account-management';

/** Presets in a stable order: the default first, then by file name. */
const ORDER = [DEFAULT_PRESET, 'lean-player-coach-pod', 'tiered-coverage-pods', 'global-matrix', 'anti-patterns'];

export interface BundledPreset {
  readonly file: string;
  readonly doc: OrgDocument;
}

let cached: readonly BundledPreset[] | null = null;

/** Every bundled preset that loads (a preset that does not is a bug the preset tests catch). */
export function bundledPresets(): readonly BundledPreset[] {
  if (!cached) {
    const list: BundledPreset[] = [];
    for (const [path, text] of Object.entries(texts)) {
      const result = parseDocument(text);
      if (result.ok) list.push({ file: path.replace(/^\/presets\/|\.json$/g, ''), doc: result.doc });
    }
    const rank = (file: string) => (ORDER.includes(file) ? ORDER.indexOf(file) : ORDER.length);
    cached = list.sort((a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file));
  }
  return cached;
}

/** The bundled preset with this file name. */
export function presetDocument(file: string): OrgDocument | undefined {
  return bundledPresets().find((p) => p.file === file)?.doc;
}
