/**
 * Import's last step: a document is written once before it is accepted, so that the
 * designer never holds a document it cannot save (autosave) or export (Export JSON).
 * The loader's bounds (schema/bounds.ts) already keep every document that loads
 * writable; this is the check that holds whatever the reason, and it names where
 * writing fails so that the file can be repaired.
 */
import { loadDocument, type ParseOptions, type ParseResult } from '../schema/load.ts';
import { formatPath, type PathSegment } from '../schema/path.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { serializeDocument } from './serialize.ts';

export interface ImportOptions extends ParseOptions {
  /** The writer to try; tests inject one that fails. */
  readonly serialize?: (doc: OrgDocument) => string;
}

/** `loadDocument`, then a refusal (code `invalid`, with the JSON path) when the document it gives cannot be written. Never throws. */
export async function loadForImport(text: string, options: ImportOptions = {}): Promise<ParseResult> {
  return acceptWritable(await loadDocument(text, options), options.serialize);
}

/** The result as it was when its document can be written (or it is a refusal already), else the refusal naming where writing fails. */
export function acceptWritable(result: ParseResult, serialize: (doc: OrgDocument) => string = serializeDocument): ParseResult {
  if (!result.ok) return result;
  try {
    serialize(result.doc);
    return result;
  } catch (cause) {
    const path = unwritablePath(result.doc);
    const problem = `cannot be saved (${cause instanceof Error ? cause.message : String(cause)})`;
    const message = path
      ? `${path}: this value ${problem}, so the file was not imported. Simplify or remove it, then import the file again.`
      : `The document ${problem}, so the file was not imported.`;
    return { ok: false, error: { code: 'invalid', message, issues: [{ path, message: problem }] } };
  }
}

/**
 * The path of the first part of `doc` that cannot be written on its own: a role, a rule
 * parameter or setting, the view; '' when each part can be and only the whole cannot
 * (the text would be too long). Only run after a failure: each try is one
 * `JSON.stringify` of that part, at most a few per role and per parameter.
 */
export function unwritablePath(doc: OrgDocument): string {
  const fails = (value: unknown): boolean => {
    try {
      JSON.stringify(value, null, 2);
      return false;
    } catch {
      return true;
    }
  };
  const at = (...segs: PathSegment[]) => formatPath(segs);
  for (let i = 0; i < doc.roles.length; i++) if (fails(doc.roles[i])) return at('roles', i);
  const rules = doc.settings.rules;
  for (const id of Object.keys(rules)) {
    const setting = rules[id]!;
    const params = setting.params;
    if (params !== undefined) for (const name of Object.keys(params)) if (fails(params[name])) return at('settings', 'rules', id, 'params', name);
    if (fails(setting)) return at('settings', 'rules', id);
  }
  if (fails(doc.view)) return at('view');
  return '';
}
