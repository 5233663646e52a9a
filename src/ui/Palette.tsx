/**
 * The palette: one card per role family and one external role. Drag a card onto the
 * canvas (a loose role) or onto a role (a new report). Enter or click on a card adds
 * the role under the selected role, so the palette works from the keyboard too; the
 * manager stays selected, so repeated clicks build its team (with nothing selected, the
 * new loose role is selected: the next clicks build its team).
 */
import { addRole } from '../model/commands.ts';
import { roleTemplate, TEMPLATE_KEYS, type TemplateKey } from '../model/templates.ts';
import type { OrgState } from '../store/orgStore.ts';
import { useOrg, useOrgStore, useT } from './context.tsx';
import { translate } from './strings.ts';

/** The drag data type of a palette card. */
export const PALETTE_MIME = 'application/x-org-designer-template';

const selectCurrency = (s: OrgState) => s.doc.currency;

export function Palette() {
  const t = useT();
  const store = useOrgStore();
  const currency = useOrg(selectCurrency);
  const language = useOrg((s) => s.language);
  const add = (key: TemplateKey) => {
    const { selection, doc, run, focus } = store.getState();
    const manager = selection[0] ?? null;
    const result = run((d) => addRole(d, { role: roleTemplate(key, doc), reportsTo: manager }));
    if (result.ok && manager === null) focus(result.id);
  };
  return (
    <nav className="palette" aria-label={t('palette')}>
      <h2>{t('palette')}</h2>
      <p className="hint">{t('paletteHint')}</p>
      <ul>
        {TEMPLATE_KEYS.map((key) => {
          const template = roleTemplate(key, { currency });
          const title = language === 'zh-CN' ? (template.titles?.['zh-CN'] ?? template.title) : template.title;
          return (
            <li key={key}>
              <button
                type="button"
                className={`palette-card family-${key}`}
                data-palette={key}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData(PALETTE_MIME, key);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={() => add(key)}
                title={translate(language, 'paletteHint')}
              >
                <span className="palette-title">{title}</span>
                <span className="palette-meta">
                  {key === 'external' ? 'external' : template.family} · L{template.level}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
