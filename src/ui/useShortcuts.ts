/**
 * Keyboard gestures (ui.md, designer.md): Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y redo,
 * Delete/Backspace remove, Ctrl/Cmd+C/V copy and paste (a manager with its team),
 * Tab a new report, Enter a new peer, Enter/Space on a focused card select it, arrows
 * follow the picture (navigate.ts), Ctrl/Cmd+/ collapse or expand, F2 edit the title,
 * typing a letter on a selected card types its new title, Escape clear the selection.
 * The view keys (+, -, 0, ?) are the canvas's (useViewKeys). Keys typed into a field are
 * left to the field.
 */
import { useEffect } from 'react';
import { addRole, copyRoles, pasteRoles, removeRoles, toggleCollapsed, type PasteLeftOut } from '../model/commands.ts';
import { localTitle } from '../model/labels.ts';
import { roleTemplate, type TemplateKey } from '../model/templates.ts';
import type { Family, OrgDocument, Role } from '../schema/v1.ts';
import { derive } from '../store/derived.ts';
import { isArrowKey, neighbour } from '../store/navigate.ts';
import type { OrgStore } from '../store/orgStore.ts';
import { translate, type Language } from './strings.ts';

/** The family a new report of a role usually has. */
const REPORT_OF: Record<Family, TemplateKey> = { 'head-am': 'am-lead', 'am-lead': 'am', 'senior-am': 'am', am: 'am', 'am-ops': 'am-ops', other: 'other' };

/**
 * The canvas's view keys: zoom in (+, or = without Shift), zoom out, fit, the shortcuts
 * sheet; Shift+1 the whole chart and Shift+2 the selection, as in Figma and Excalidraw
 * (by key position: Shift+1 types "!" on one keyboard and "+" on another).
 */
export type ViewAction = 'zoomIn' | 'zoomOut' | 'fit' | 'whole' | 'fitSelection' | 'shortcuts';
const VIEW_KEYS: Readonly<Record<string, ViewAction>> = { '+': 'zoomIn', '=': 'zoomIn', '-': 'zoomOut', '0': 'fit', '?': 'shortcuts' };
const SHIFT_DIGITS: Readonly<Record<string, ViewAction>> = { Digit1: 'whole', Digit2: 'fitSelection' };

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Plain keys (Enter, Tab, arrows, Delete) act on roles only from the canvas or the page itself, not from a focused control. */
function onCanvasOrPage(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !el || el === document.body || el === document.documentElement || !!el.closest?.('.react-flow');
}

/** A button has the focus (on the canvas too: Enter or Space on a card's collapse toggle presses it). */
function onButton(target: EventTarget | null): boolean {
  return !!(target as HTMLElement | null)?.closest?.('button, a[href], [role="button"]');
}

/** The role whose card has the focus, when a card has it. */
function focusedCard(target: EventTarget | null): string | undefined {
  const el = target as HTMLElement | null;
  if (!el?.classList?.contains('react-flow__node')) return undefined;
  return el.getAttribute('data-id') ?? undefined;
}

/** Set when typing on a card moved the focus to the title field: Enter there brings the focus back to the card, to go on building. */
let typingFromCard: string | null = null;

/** Gives the focus to a role's card when it is mounted (not scrolling the page: the canvas centres it). */
export function focusCard(id: string): boolean {
  const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  if (!el) return false;
  if (document.activeElement !== el) el.focus({ preventScroll: true });
  return true;
}

function addNear(store: OrgStore, role: Role, asReport: boolean): void {
  const state = store.getState();
  const key: TemplateKey = asReport ? REPORT_OF[role.family] : role.external ? 'external' : role.family;
  const result = state.run((d) => addRole(d, { role: roleTemplate(key, d), reportsTo: asReport ? role.id : role.reportsTo }));
  if (result.ok) state.focus(result.id);
}

/**
 * What a copy says it copied (designer.md, "Copy and paste"): the role and how many roles
 * under it came along, or how many roles a selection of several gave.
 */
function copyNotice(doc: OrgDocument, language: Language, selected: number, copied: readonly Role[], withTeams: boolean): string {
  if (selected > 1) return translate(language, 'copiedRoles', { count: copied.length });
  const title = localTitle(copied[0]!, language);
  const under = copied.length - 1;
  if (under === 1) return translate(language, 'copiedTeamOne', { title });
  if (under > 1) return translate(language, 'copiedTeam', { title, count: under });
  const at = derive(doc).index.indexOf.get(copied[0]!.id);
  const hasReports = !withTeams && at !== undefined && derive(doc).index.kids(at).length > 0;
  return translate(language, hasReports ? 'copiedRoleAlone' : 'copiedRole', { title });
}

/** What a paste says: how many roles, and what stayed with the originals (holders, budgets, department-wide rights). */
function pasteNotice(language: Language, copied: readonly Role[], leftOut: PasteLeftOut): string {
  const one = copied.length === 1;
  const parts: string[] = [];
  if (leftOut.holders > 0) parts.push(translate(language, one ? 'pasteHolder' : 'pasteHolders'));
  if (leftOut.budgets > 0) parts.push(translate(language, 'pasteBudgets'));
  if (leftOut.rights > 0) parts.push(translate(language, 'pasteRights'));
  const values = { title: localTitle(copied[0]!, language), count: copied.length };
  if (parts.length === 0) return translate(language, one ? 'pastedRole' : 'pastedRoles', values);
  const what = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(parts);
  return translate(language, one ? 'pastedRoleWithout' : 'pastedRolesWithout', { ...values, what });
}

/** Installs the keyboard gestures on the window while mounted. */
export function useShortcuts(store: OrgStore): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) {
        // Enter commits the title typed from a card (the field's own handler): back to the card.
        const el = event.target as HTMLElement;
        if (event.key === 'Enter' && el.id === 'inspector-title' && typingFromCard) {
          const id = typingFromCard;
          typingFromCard = null;
          if (store.getState().selection[0] === id) setTimeout(() => focusCard(id), 0);
        }
        return;
      }
      const state = store.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key;
      const selected = state.selection[0] === undefined ? undefined : state.doc.roles.find((r) => r.id === state.selection[0]);
      const handled = (() => {
        if (mod && key.toLowerCase() === 'z') {
          if (event.shiftKey) state.redo();
          else state.undo();
          return true;
        }
        if (mod && key.toLowerCase() === 'y') {
          state.redo();
          return true;
        }
        if (mod && key.toLowerCase() === 'c' && state.selection.length > 0) {
          const seen = new Set<string>();
          const copied = state.selection.flatMap((id) => copyRoles(state.doc, id, !event.shiftKey)).filter((r) => !seen.has(r.id) && seen.add(r.id));
          state.setClipboard(copied);
          if (copied.length > 0) state.showNotice(copyNotice(state.doc, state.language, state.selection.length, copied, !event.shiftKey));
          return true;
        }
        if (mod && key.toLowerCase() === 'v' && state.clipboard) {
          const clipboard = state.clipboard;
          const result = state.run((d) => pasteRoles(d, clipboard, selected?.id ?? null));
          if (result.ok) {
            if (result.ids[0]) state.focus(result.ids[0]);
            state.showNotice(pasteNotice(state.language, clipboard, result.leftOut));
          }
          return true;
        }
        if (mod && key === '/' && selected && onCanvasOrPage(event.target)) {
          const { index } = derive(state.doc);
          const at = index.indexOf.get(selected.id);
          if (at !== undefined && index.kids(at).length > 0) state.run((d) => toggleCollapsed(d, selected.id));
          return true;
        }
        if (mod || !onCanvasOrPage(event.target)) return false;
        if ((key === 'Delete' || key === 'Backspace') && state.selection.length > 0) {
          const ids = state.selection;
          state.run((d) => removeRoles(d, ids));
          return true;
        }
        if ((key === 'Enter' || key === ' ') && onButton(event.target)) return false;
        const card = focusedCard(event.target);
        if ((key === 'Enter' || key === ' ') && card !== undefined && !(state.selection.length === 1 && state.selection[0] === card)) {
          state.select([card]);
          return true;
        }
        if (key === 'Escape' && state.selection.length > 0) {
          state.select([]);
          return true;
        }
        if (!selected) return false;
        if (key === 'Tab' && !event.shiftKey) {
          addNear(store, selected, true);
          return true;
        }
        if (key === 'Enter') {
          addNear(store, selected, false);
          return true;
        }
        if (key === 'F2' || isTitleCharacter(event)) {
          // A letter typed on the selected card starts its new title (the mind-map habit):
          // the field takes the focus before the character arrives, and its text is
          // selected, so the character replaces it. F2 edits the title as it is.
          const input = document.getElementById('inspector-title') as HTMLInputElement | null;
          if (!input) return false;
          typingFromCard = selected.id;
          input.focus();
          input.select();
          return key === 'F2';
        }
        if (isArrowKey(key)) {
          const id = neighbour(state.doc, selected.id, key);
          if (id) state.focus(id);
          return true;
        }
        return false;
      })();
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

/** A character that starts typing a title: printable, no Ctrl/Cmd/Alt, not a space and not a view key. */
function isTitleCharacter(event: KeyboardEvent): boolean {
  return event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey && !Object.hasOwn(VIEW_KEYS, event.key) && !(event.shiftKey && Object.hasOwn(SHIFT_DIGITS, event.code));
}

/** Installs the canvas's view keys (+ / = zoom in, - zoom out, 0 fit, ? the shortcuts sheet) from the canvas or the page. */
export function useViewKeys(run: (action: ViewAction) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || !onCanvasOrPage(event.target)) return;
      const shifted = event.shiftKey && Object.hasOwn(SHIFT_DIGITS, event.code) ? SHIFT_DIGITS[event.code] : undefined;
      const action = shifted ?? (Object.hasOwn(VIEW_KEYS, event.key) ? VIEW_KEYS[event.key] : undefined);
      if (!action) return;
      event.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);
}
