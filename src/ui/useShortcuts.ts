/**
 * Keyboard gestures (ui.md): Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y redo,
 * Delete/Backspace remove, Ctrl/Cmd+C/V copy and paste (a manager with its team),
 * Tab a new report, Enter a new peer, arrows along the tree, F2 edit the title,
 * Escape clear the selection. Keys typed into a field are left to the field.
 */
import { useEffect } from 'react';
import { addRole, copyRoles, pasteRoles, removeRoles } from '../model/commands.ts';
import { roleTemplate, type TemplateKey } from '../model/templates.ts';
import type { Family, OrgDocument, Role } from '../schema/v1.ts';
import { derive } from '../store/derived.ts';
import type { OrgStore } from '../store/orgStore.ts';

/** The family a new report of a role usually has. */
const REPORT_OF: Record<Family, TemplateKey> = { 'head-am': 'am-lead', 'am-lead': 'am', 'senior-am': 'am', am: 'am', 'am-ops': 'am-ops', other: 'other' };

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

/** The role one arrow key away from `id` along the tree, in the layout direction. */
export function neighbour(doc: OrgDocument, id: string, key: string): string | undefined {
  const { index } = derive(doc);
  const at = index.indexOf.get(id);
  if (at === undefined) return undefined;
  const lr = doc.view.direction === 'LR';
  const up = lr ? 'ArrowLeft' : 'ArrowUp';
  const down = lr ? 'ArrowRight' : 'ArrowDown';
  const prev = lr ? 'ArrowUp' : 'ArrowLeft';
  const next = lr ? 'ArrowDown' : 'ArrowRight';
  if (key === up) {
    const m = index.managerOf[at]!;
    return m >= 0 ? doc.roles[m]!.id : undefined;
  }
  if (key === down) {
    const first = index.kids(at)[0];
    return first === undefined ? undefined : doc.roles[first]!.id;
  }
  const m = index.managerOf[at]!;
  const siblings = m >= 0 ? index.kids(m) : index.tops;
  const k = siblings.indexOf(at);
  if (k < 0) return undefined;
  const other = key === prev ? siblings[k - 1] : key === next ? siblings[k + 1] : undefined;
  return other === undefined ? undefined : doc.roles[other]!.id;
}

function addNear(store: OrgStore, role: Role, asReport: boolean): void {
  const state = store.getState();
  const key: TemplateKey = asReport ? REPORT_OF[role.family] : role.external ? 'external' : role.family;
  const result = state.run((d) => addRole(d, { role: roleTemplate(key, d), reportsTo: asReport ? role.id : role.reportsTo }));
  if (result.ok) state.focus(result.id);
}

/** Installs the keyboard gestures on the window while mounted. */
export function useShortcuts(store: OrgStore): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
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
          return true;
        }
        if (mod && key.toLowerCase() === 'v' && state.clipboard) {
          const clipboard = state.clipboard;
          const result = state.run((d) => pasteRoles(d, clipboard, selected?.id ?? null));
          if (result.ok && result.ids[0]) state.focus(result.ids[0]);
          return true;
        }
        if (mod || !onCanvasOrPage(event.target)) return false;
        if ((key === 'Delete' || key === 'Backspace') && state.selection.length > 0) {
          const ids = state.selection;
          state.run((d) => removeRoles(d, ids));
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
        if (key === 'F2') {
          const input = document.getElementById('inspector-title') as HTMLInputElement | null;
          input?.focus();
          input?.select();
          return true;
        }
        if (key === 'Escape') {
          state.select([]);
          return true;
        }
        if (key.startsWith('Arrow')) {
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
