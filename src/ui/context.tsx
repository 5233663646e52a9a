/** The store behind a React context (a fresh store per test), and hooks over it. */
import { createContext, useCallback, useContext } from 'react';
import { useStore } from 'zustand';
import type { OrgState, OrgStore } from '../store/orgStore.ts';
import { translate, type StringKey } from './strings.ts';

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
