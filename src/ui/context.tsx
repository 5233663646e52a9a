/** The store and the workspace behind React contexts (fresh ones per test), and hooks over them. */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { SaveStatus } from '../store/autosave.ts';
import type { OrgState, OrgStore } from '../store/orgStore.ts';
import type { Workspace } from '../store/workspace.ts';
import { translate, type StringKey } from './strings.ts';
import type { RuleTexts } from '../rules/texts.ts';
import { rulesApi, type RulesApi } from '../store/rules.ts';

export const StoreContext = createContext<OrgStore | null>(null);

/** The store itself, for actions and reads outside render. */
export function useOrgStore(): OrgStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useOrgStore needs a StoreContext provider.');
  return store;
}

/** A slice of the store's state; re-renders only when the slice changes. */
export function useOrg<T>(selector: (state: OrgState) => T): T {
  return useStore(useOrgStore(), selector);
}

const selectLanguage = (s: OrgState) => s.language;

/** The translate function of the current language. */
export function useT(): (key: StringKey, values?: Readonly<Record<string, string | number>>) => string {
  const language = useOrg(selectLanguage);
  return useCallback((key, values) => translate(language, key, values), [language]);
}

const selectRules = (s: OrgState) => s.rules;

/** The rules once loaded (they load after the first paint: store/rules.ts), else null; re-renders when they arrive. */
export function useRules(): RulesApi | null {
  useOrg(selectRules);
  return rulesApi();
}

/** The rules' texts (titles, explanations, finding messages) in the UI language, once the rules are loaded. */
export function useRuleTexts(): RuleTexts | null {
  const language = useOrg(selectLanguage);
  return useRules()?.ruleTexts(language) ?? null;
}

/** The workspace (library, autosave, other tabs) behind a React context. */
export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace needs a WorkspaceContext provider.');
  return workspace;
}

/** The save status, re-rendering when it changes. */
export function useSaveStatus(): SaveStatus {
  const workspace = useWorkspace();
  return useSyncExternalStore(
    useCallback((listener: () => void) => workspace.subscribeStatus(listener), [workspace]),
    () => workspace.status,
  );
}

/** A number that changes whenever the library does (lists read it again then). */
export function useLibraryRevision(): number {
  const workspace = useWorkspace();
  return useSyncExternalStore(
    useCallback((listener: () => void) => workspace.subscribeLibrary(listener), [workspace]),
    () => workspace.libraryRevision,
  );
}
