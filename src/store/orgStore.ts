/**
 * The designer's one store: the document, its undo history, the selection and the
 * messages shown to the user. It holds no React Flow nodes: the canvas derives them.
 *
 * Every change of the document goes through `run` (a pure command) or `replace`
 * (a loaded document), and each call is one history entry: a gesture calls it once.
 * Selection, hover, measurement and in-flight drag positions never touch history.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CommandResult } from '../model/commands.ts';
import type { OrgDocument, Role } from '../schema/v1.ts';
import type { Language } from '../ui/strings.ts';
import { rulesApi } from './rules.ts';

/** Undo keeps at least this many steps. */
export const HISTORY_DEPTH = 500;

export interface Message {
  readonly id: number;
  readonly kind: 'error' | 'info';
  readonly text: string;
  /** Every problem behind it, one line each (an import's refusal lists them all: "roles[3].level: …"). */
  readonly details?: readonly string[];
}

export interface OrgState {
  /** The library id of the open document. */
  readonly documentId: string;
  readonly doc: OrgDocument;
  readonly past: readonly OrgDocument[];
  readonly future: readonly OrgDocument[];
  /** Selected role ids; the first is the one the inspector shows. */
  readonly selection: readonly string[];
  /** The latest refusal or load error (shown with role="alert"), or null. */
  readonly alert: Message | null;
  /** A passing note (e.g. unknown fields dropped on import), or null. */
  readonly notice: Message | null;
  readonly clipboard: readonly Role[] | null;
  readonly language: Language;
  /**
   * The rules load after the first paint (store/rules.ts): 'loading' until their chunk and
   * their words in the UI language are in, then 'ready' (views showing findings re-render),
   * or 'failed' when the chunk could not load.
   */
  readonly rules: 'loading' | 'ready' | 'failed';
  /** A request to centre the canvas on a role; `seq` makes a repeated request new. */
  readonly focusRequest: { readonly id: string; readonly seq: number } | null;
  /** Counts whole-document loads (replace, reset): the canvas fits the view when it changes. */
  readonly generation: number;
  /**
   * Undo with an empty history goes back to the document open before this one was
   * created (New, a preset, Import), through this: set by the workspace, null when none.
   */
  readonly undoOpen: (() => void) | null;

  /** Runs a command; on success one history entry, on refusal an alert. Returns the result. */
  run<T extends object>(command: (doc: OrgDocument) => CommandResult<T>): CommandResult<T>;
  /** Replaces the document (import, preset, New): one undoable step. */
  replace(doc: OrgDocument): void;
  /** Starts over from a document with an empty history (first load, reload from autosave). */
  reset(doc: OrgDocument): void;
  /** Opens another document of the library: its history starts empty, its selection too. */
  open(id: string, doc: OrgDocument, undoOpen?: (() => void) | null): void;
  undo(): void;
  redo(): void;
  select(ids: readonly string[]): void;
  setClipboard(roles: readonly Role[] | null): void;
  showAlert(text: string, details?: readonly string[]): void;
  showNotice(text: string): void;
  dismissAlert(): void;
  dismissNotice(): void;
  setLanguage(language: Language): void;
  setRules(status: OrgState['rules']): void;
  /** Selects a role and asks the canvas to centre it. */
  focus(id: string): void;
}

export type OrgStore = StoreApi<OrgState>;

let messageId = 0;
const message = (kind: Message['kind'], text: string): Message => ({ id: ++messageId, kind, text });

/** Keeps the selection to roles that still exist. */
function keepExisting(selection: readonly string[], doc: OrgDocument): readonly string[] {
  if (selection.length === 0) return selection;
  // One pass over the roles against the (small) selection: no set of every id per edit.
  const wanted = new Set(selection);
  const found = new Set<string>();
  for (const role of doc.roles) if (wanted.has(role.id)) found.add(role.id);
  return found.size === wanted.size ? selection : selection.filter((id) => found.has(id));
}

/** Creates a store; tests make a fresh one each. */
export function createOrgStore(initial: OrgDocument, language: Language = 'en', documentId = ''): OrgStore {
  return createStore<OrgState>()((set, get) => {
    const commit = (doc: OrgDocument) => {
      const { doc: before, past, selection } = get();
      if (doc === before) return;
      const nextPast = past.length >= HISTORY_DEPTH ? [...past.slice(past.length - HISTORY_DEPTH + 1), before] : [...past, before];
      set({ doc, past: nextPast, future: [], selection: keepExisting(selection, doc), alert: null });
    };
    return {
      documentId,
      doc: initial,
      past: [],
      future: [],
      selection: [],
      alert: null,
      notice: null,
      clipboard: null,
      language,
      rules: rulesApi() ? 'ready' : 'loading',
      focusRequest: null,
      generation: 0,
      undoOpen: null,

      run(command) {
        const result = command(get().doc);
        if (result.ok) commit(result.doc);
        else set({ alert: message('error', result.reason) });
        return result;
      },
      replace(doc) {
        commit(doc);
        set({ selection: [], generation: get().generation + 1 });
      },
      reset(doc) {
        set({ doc, past: [], future: [], selection: [], alert: null, generation: get().generation + 1 });
      },
      open(id, doc, undoOpen = null) {
        set({ documentId: id, doc, past: [], future: [], selection: [], alert: null, generation: get().generation + 1, undoOpen });
      },
      undo() {
        const { past, future, doc, selection, undoOpen } = get();
        const previous = past.at(-1);
        if (!previous) {
          undoOpen?.();
          return;
        }
        set({ doc: previous, past: past.slice(0, -1), future: [doc, ...future], selection: keepExisting(selection, previous) });
      },
      redo() {
        const { past, future, doc, selection } = get();
        const next = future[0];
        if (!next) return;
        set({ doc: next, past: [...past, doc], future: future.slice(1), selection: keepExisting(selection, next) });
      },
      select(ids) {
        set({ selection: ids });
      },
      setClipboard(roles) {
        set({ clipboard: roles });
      },
      showAlert(text, details) {
        set({ alert: details && details.length > 0 ? { ...message('error', text), details } : message('error', text) });
      },
      showNotice(text) {
        set({ notice: message('info', text) });
      },
      dismissAlert() {
        set({ alert: null });
      },
      dismissNotice() {
        set({ notice: null });
      },
      setRules(status) {
        set({ rules: status });
      },
      setLanguage(next) {
        set({ language: next });
      },
      focus(id) {
        set({ selection: [id], focusRequest: { id, seq: (get().focusRequest?.seq ?? 0) + 1 } });
      },
    };
  });
}
