/**
 * Live search in the toolbar (docs/designer.md, "Search"): results as you type, in a
 * listbox under the field (the WAI-ARIA combobox pattern). Each result shows the title
 * in the UI language, the holder, the id and the manager's title, so roles of the same
 * title read apart. Arrows move, Enter selects the highlighted role and centres it,
 * Escape closes the list and a second Escape clears the field. With the list closed,
 * Enter goes on to the next result.
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Role } from '../schema/v1.ts';
import { localTitle, vacancyWords } from '../model/labels.ts';
import { useOrg, useOrgStore, useT } from './context.tsx';
import { managerOf, searchRoles, splitMatch } from './search.ts';
import './search.css';

/** The text with the query marked, when it contains it. */
function Marked({ text, query }: { text: string; query: string }): ReactNode {
  const parts = splitMatch(text, query);
  if (!parts) return text;
  return (
    <>
      {parts[0]}
      <mark>{parts[1]}</mark>
      {parts[2]}
    </>
  );
}

export function SearchBox() {
  const t = useT();
  const store = useOrgStore();
  const roles = useOrg((s) => s.doc.roles);
  const language = useOrg((s) => s.language);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  /** The highlighted result; `moved` once the arrows have moved it (then it is the active descendant). */
  const [active, setActive] = useState({ index: 0, moved: false });
  /** The result Enter chose last for this query (Enter with the list closed goes on to the next). */
  const [chosen, setChosen] = useState<number | null>(null);
  const listId = useId();
  const list = useRef<HTMLUListElement>(null);

  // One pass over the roles per query, only while the list is shown or Enter walks the results.
  const outcome = useMemo(() => (query.trim() ? searchRoles({ roles }, query) : null), [roles, query]);
  const shown = outcome?.shown ?? [];
  const count = shown.length;
  const index = count === 0 ? -1 : Math.min(active.index, count - 1);
  const expanded = open && outcome !== null;
  const optionId = (i: number) => `${listId}-${i}`;

  useEffect(() => {
    if (expanded && index >= 0) list.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [expanded, index]);

  const choose = (i: number) => {
    const role = roles[shown[i]!];
    if (!role) return;
    setActive({ index: i, moved: active.moved });
    setChosen(i);
    setOpen(false);
    store.getState().focus(role.id);
  };
  const move = (delta: number) => {
    if (count === 0) return;
    const from = expanded ? index : delta > 0 ? -1 : count;
    setActive({ index: Math.max(0, Math.min(count - 1, from + delta)), moved: true });
    setOpen(true);
  };

  const numberOf = (n: number) => n.toLocaleString(language);
  const summary =
    outcome === null
      ? ''
      : outcome.total === 0
        ? t('noMatch', { query: query.trim() })
        : outcome.total > count
          ? t('searchShowing', { shown: numberOf(count), total: numberOf(outcome.total) })
          : t(outcome.total === 1 ? 'searchOne' : 'searchCount', { count: numberOf(outcome.total) });

  return (
    <div className="search-combo">
      <input
        type="text"
        className="search"
        role="combobox"
        // The English hook after the words of the language, as the toolbar's other controls.
        aria-label={language === 'en' ? 'Search roles' : `${t('search')} Search roles`}
        aria-autocomplete="list"
        aria-expanded={expanded && count > 0}
        aria-controls={listId}
        aria-activedescendant={expanded && active.moved && index >= 0 ? optionId(index) : undefined}
        autoComplete="off"
        spellCheck={false}
        title={t('search')}
        placeholder={t('searchPlaceholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive({ index: 0, moved: false });
          setChosen(null);
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          switch (e.key) {
            case 'ArrowDown':
            case 'ArrowUp':
              e.preventDefault();
              move(e.key === 'ArrowDown' ? 1 : -1);
              break;
            case 'PageDown':
            case 'PageUp':
              if (!expanded) return;
              e.preventDefault();
              move(e.key === 'PageDown' ? 10 : -10);
              break;
            case 'Enter':
              e.preventDefault();
              if (count === 0) setOpen(true);
              else if (expanded) choose(index);
              else choose(chosen === null ? index : (chosen + 1) % count); // the list closed: the next result, as Enter did before
              break;
            case 'Escape':
              if (expanded) setOpen(false);
              else if (query) {
                setQuery('');
                setActive({ index: 0, moved: false });
                setChosen(null);
              } else return;
              e.preventDefault();
              e.stopPropagation();
              break;
          }
        }}
      />
      <div className="search-popup" hidden={!expanded}>
        <div className="search-summary" aria-hidden="true">
          {summary}
        </div>
        <ul id={listId} ref={list} role="listbox" aria-label={t('search')} hidden={count === 0}>
          {shown.map((roleIndex, i) => (
            <Option
              key={roleIndex}
              id={optionId(i)}
              index={i}
              role={roles[roleIndex]!}
              manager={managerOf({ roles }, roles[roleIndex]!)}
              query={query}
              language={language}
              selected={i === index}
              reportsTo={(title) => t('searchReportsTo', { title })}
              onPick={() => choose(i)}
              onHover={() => i !== index && setActive({ index: i, moved: true })}
            />
          ))}
        </ul>
      </div>
      <div className="visually-hidden" role="status">
        {expanded ? summary : ''}
      </div>
    </div>
  );
}

interface OptionProps {
  readonly id: string;
  readonly index: number;
  readonly role: Role;
  readonly manager: Role | undefined;
  readonly query: string;
  readonly language: 'en' | 'zh-CN';
  readonly selected: boolean;
  readonly reportsTo: (title: string) => string;
  readonly onPick: () => void;
  readonly onHover: () => void;
}

function Option({ id, index, role, manager, query, language, selected, reportsTo, onPick, onHover }: OptionProps) {
  const title = localTitle(role, language);
  const q = query.trim().toLowerCase();
  // A title in the other language is shown too when it is what matched (客户 typed in English).
  const other = title.toLowerCase().includes(q) ? undefined : [role.title, ...Object.values(role.titles)].find((x) => x && x.toLowerCase().includes(q));
  const holder = role.holder?.name || vacancyWords(role, language);
  const managerTitle = manager ? localTitle(manager, language) : role.reportsTo;
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      data-index={index}
      data-id={role.id}
      className={selected ? 'search-option is-active' : 'search-option'}
      onMouseDown={(e) => e.preventDefault()}
      onMouseMove={onHover}
      onClick={onPick}
    >
      <span className="search-line">
        <span className="search-title">
          <Marked text={title} query={q} />
          {other && (
            <span className="search-other">
              {' · '}
              <Marked text={other} query={q} />
            </span>
          )}
        </span>
        <code className="search-id">
          <Marked text={role.id} query={q} />
        </code>
      </span>
      <span className="search-line search-meta">
        {holder && (
          <span className={role.holder?.name ? 'search-holder' : 'search-holder is-vacant'}>
            <Marked text={holder} query={q} />
          </span>
        )}
        {managerTitle && (
          <span className="search-manager">
            {reportsTo(managerTitle)}
          </span>
        )}
      </span>
    </li>
  );
}
