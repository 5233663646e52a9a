/** The bundled presets, read from the project's presets/ folder (Node side of the CLI). */
import { readFile } from 'node:fs/promises';

export const PRESET_NAMES = [
  'china-account-management',
  'lean-player-coach-pod',
  'global-matrix',
  'tiered-coverage-pods',
  'anti-patterns',
] as const;

const PRESETS_DIR = new URL('../../presets/', import.meta.url);

/** The text of a preset by name (with or without `.json`), or undefined when there is none. */
export async function readPreset(name: string): Promise<string | undefined> {
  const base = name.replace(/\.json$/, '');
  if (!(PRESET_NAMES as readonly string[]).includes(base)) return undefined;
  return readFile(new URL(`${base}.json`, PRESETS_DIR), 'utf8');
}
