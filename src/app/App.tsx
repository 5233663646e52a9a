/**
 * The app shell: loads the first-run preset through the import pipeline and shows
 * the document. The interactive designer (canvas, inspector, findings) builds on it.
 */
import { useMemo } from 'react';
import { blankDocument } from '../model/blank.ts';
import { buildTreeIndex } from '../model/tree.ts';
import type { OrgDocument } from '../schema/v1.ts';
import { DEFAULT_PRESET, loadPreset } from './presets.ts';

function firstDocument(): { doc: OrgDocument; problem?: string } {
  const result = loadPreset(DEFAULT_PRESET);
  if (result?.ok) return { doc: result.doc };
  return { doc: blankDocument(), problem: result ? result.error.message : 'The default preset is missing.' };
}

export function App() {
  const { doc, problem } = useMemo(() => firstDocument(), []);
  const index = useMemo(() => buildTreeIndex(doc), [doc]);
  const rows = Array.from(index.preorder, (i) => ({ role: doc.roles[i]!, depth: index.depth[i]! }));
  return (
    <div className="shell">
      <header className="shell-header">
        <h1>Org Designer</h1>
        <span className="doc-name" data-testid="document-name">{doc.name}</span>
      </header>
      {problem && <p role="alert">{problem}</p>}
      <main>
        <p>
          {doc.roles.length} roles · {doc.currency}
          {doc.period ? ` · ${doc.period}` : ''}
        </p>
        <ul className="outline" aria-label="Roles">
          {rows.map(({ role, depth }) => (
            <li key={role.id} data-id={role.id} style={{ paddingLeft: `${Math.max(0, depth - 1) * 1.25}rem` }} className={role.external ? 'external' : undefined}>
              {role.title}
              {role.holder ? <span className="holder"> — {role.holder.name}</span> : null}
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
