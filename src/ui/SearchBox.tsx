/** Search: finds a role by title (either language) or holder, selects it and centres it. Enter again: the next match. */
import { useRef, useState } from 'react';
import type { OrgDocument } from '../schema/v1.ts';
import { useOrgStore, useT } from './context.tsx';

/** Ids of the roles whose title, Chinese title or holder contains the query (case-insensitive). */
export function searchRoles(doc: OrgDocument, query: string): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return doc.roles
    .filter((r) => r.title.toLowerCase().includes(q) || Object.values(r.titles).some((x) => x.toLowerCase().includes(q)) || (r.holder?.name.toLowerCase().includes(q) ?? false) || r.id.toLowerCase() === q)
    .map((r) => r.id);
}

export function SearchBox() {
  const t = useT();
  const store = useOrgStore();
  const [query, setQuery] = useState('');
  const cursor = useRef(0);
  const run = () => {
    const state = store.getState();
    const matches = searchRoles(state.doc, query);
    if (matches.length === 0) {
      state.showNotice(t('noMatch', { query }));
      return;
    }
    const id = matches[cursor.current % matches.length]!;
    cursor.current++;
    state.focus(id);
  };
  return (
    <input
      type="search"
      className="search"
      aria-label="Search roles"
      placeholder={t('searchPlaceholder')}
      value={query}
      onChange={(e) => {
        setQuery(e.target.value);
        cursor.current = 0;
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') run();
      }}
    />
  );
}
