/**
 * The Export JSON action. Writing a document can fail (JSON.stringify throws on values
 * nested too deep or text too long for the browser); the action then tells the user in
 * an alert, in their language, and never throws: an uncaught error in a click handler
 * shows nothing and downloads nothing.
 */
import { serializeDocument } from '../io/serialize.ts';
import type { OrgDocument } from '../schema/v1.ts';
import type { OrgStore } from '../store/orgStore.ts';
import { download, fileNameOf } from './download.ts';
import { translate } from './strings.ts';

export interface ExportJsonDeps {
  /** The writer; tests inject one that fails. */
  readonly serialize?: (doc: OrgDocument) => string;
  /** Offers the text as a file; tests inject one, as Node has no download. */
  readonly save?: (text: string, fileName: string) => void;
}

/** Downloads the store's document as JSON, or shows an alert saying why it could not. Never throws. */
export function exportJson(store: OrgStore, { serialize = serializeDocument, save = download }: ExportJsonDeps = {}): void {
  const { doc, language } = store.getState();
  try {
    save(serialize(doc), fileNameOf(doc.name, 'json'));
  } catch (cause) {
    store.getState().showAlert(translate(language, 'exportJsonFailed', { reason: cause instanceof Error ? cause.message : String(cause) }));
  }
}
