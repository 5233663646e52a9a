/** The presets bundled into the app, as text, loaded through the one import pipeline. */
import { parseDocument, type ParseResult } from '../schema/parse.ts';

const texts = import.meta.glob('/presets/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The first-run document. */
export const DEFAULT_PRESET = 'china-account-management';

/** The text of a bundled preset by file name (without `.json`). */
export function presetText(name: string): string | undefined {
  return texts[`/presets/${name}.json`];
}

/** Loads a bundled preset through parseDocument. */
export function loadPreset(name: string): ParseResult | undefined {
  const text = presetText(name);
  return text === undefined ? undefined : parseDocument(text);
}

/** File names of the bundled presets. */
export const PRESET_FILES: readonly string[] = Object.keys(texts).map((k) => k.replace(/^\/presets\/|\.json$/g, ''));
