/** The "Role profile": what the source documents say of this family's role, quoted (a section of the inspector). */
import { DOCUMENTS, roleProfile } from '../model/profiles.ts';
import type { Family } from '../schema/v1.ts';
import { translate, type Language } from './strings.ts';

/** Whether the source documents describe this family's role. */
export function hasRoleProfile(family: Family): boolean {
  return roleProfile(family).length > 0;
}

export function RoleProfile({ family, language }: { family: Family; language: Language }) {
  const sections = roleProfile(family);
  if (sections.length === 0) return null;
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string>) => translate(language, key, values);
  return (
    <div className="role-profile">
      {sections.map((section) => (
        <section key={section.document}>
          <p className="source-name">{t('fromDocument', { document: DOCUMENTS[section.document] })}</p>
          {(
            [
              ['responsibilities', section.responsibilities],
              ['skills', section.skills],
              ['careerPath', section.careerPath],
            ] as const
          ).map(([key, lines]) =>
            lines.length > 0 ? (
              <div key={key}>
                <h3>{t(key)}</h3>
                <ul>
                  {lines.map((line) => (
                    <li key={line}>
                      <q>{line}</q>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null,
          )}
        </section>
      ))}
    </div>
  );
}
