/**
 * Opening the compare view from anywhere (the Documents dialog's "Compare with base" and
 * "Compare…"): the designer provides the opener, the view itself is loaded on first use.
 */
import { createContext, useContext } from 'react';

/** Opens the compare view of two library documents (the base first). */
export type OpenCompare = (baseId: string, proposedId: string) => void;

export const CompareContext = createContext<OpenCompare | null>(null);

/** The opener, or null outside the designer (then no Compare action is offered). */
export function useOpenCompare(): OpenCompare | null {
  return useContext(CompareContext);
}
