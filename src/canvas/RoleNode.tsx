/** A role card on the canvas. Memoized: a frame re-renders only the cards whose data object or selection changed. */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { isVacant } from '../model/facts.ts';
import type { Role } from '../schema/v1.ts';
import type { RoleFindings } from '../store/derived.ts';
import type { OrgState } from '../store/orgStore.ts';
import { useOrg } from '../ui/context.tsx';
import { familyLabel, poolWords, vacancyWords } from '../ui/labels.ts';
import './cards.css';

export interface RoleNodeData extends Record<string, unknown> {
  readonly role: Role;
  /** The title in the UI's language. */
  readonly title: string;
  /** assistant(r) of model/facts.ts: marked, under an in-scope manager (styled as staff only then, as the rules count it). */
  readonly assistant: boolean;
  readonly findings: RoleFindings | undefined;
  /** Roles hidden under this collapsed role (0 when expanded). */
  readonly hiddenCount: number;
  readonly hasReports: boolean;
  readonly collapsed: boolean;
  readonly direction: 'TB' | 'LR';
  readonly dropTarget: boolean;
  readonly onToggleCollapse: (id: string) => void;
  readonly labels: { readonly collapse: string; readonly expand: string; readonly vacant: string; readonly level: string };
}

export type RoleFlowNode = Node<RoleNodeData, 'role'>;

const selectLanguage = (s: OrgState) => s.language;

function RoleNodeView({ data, selected }: NodeProps<RoleFlowNode>) {
  const { role, title, assistant, findings, hiddenCount, hasReports, collapsed, direction, dropTarget, labels } = data;
  const vertical = direction === 'TB';
  const className = ['role-card', `family-${role.family}`, role.external ? 'external' : '', assistant ? 'assistant' : '', selected ? 'selected' : '', dropTarget ? 'drop-target' : '']
    .filter(Boolean)
    .join(' ');
  const vacant = isVacant(role);
  // The card's words in the UI language: the family's name, the openings ("vacant", "2 of 6 open").
  const language = useOrg(selectLanguage);
  const vacancy = vacancyWords(role, language);
  const pool = poolWords(role);
  return (
    <div className={className} data-family={role.family}>
      <Handle id="main" type="target" position={vertical ? Position.Top : Position.Left} />
      <Handle id="start" type="target" position={vertical ? Position.Left : Position.Top} className="handle-side" isConnectable={false} />
      <Handle id="end" type="target" position={vertical ? Position.Right : Position.Bottom} className="handle-side" isConnectable={false} />
      <Handle id="dotted-out" type="source" position={vertical ? Position.Right : Position.Bottom} className="handle-side" isConnectable={false} />
      <div className="role-card-head">
        <span className="role-title" title={title}>{title}</span>
        {findings && (
          <span className={`badge badge-${findings.worst}`} data-severity={findings.worst} aria-label={`${findings.count} ${findings.worst}`}>
            {findings.count}
          </span>
        )}
      </div>
      <div className="role-meta">
        <span className="role-family">{familyLabel(role.family, language)}</span>
        <span>{labels.level} {role.level}</span>
        {pool && <span>{pool}</span>}
        {vacancy && <span className="vacancy">{vacancy}</span>}
      </div>
      <div className="role-holder">{role.holder?.name ?? (vacant ? '—' : '')}</div>
      {hasReports && (
        <button
          type="button"
          className="collapse-toggle nodrag"
          aria-label={`${collapsed ? labels.expand : labels.collapse} ${role.title}`}
          onClick={(e) => {
            e.stopPropagation();
            data.onToggleCollapse(role.id);
          }}
        >
          {collapsed ? `+${hiddenCount}` : '−'}
        </button>
      )}
      <Handle id="out" type="source" position={vertical ? Position.Bottom : Position.Right} />
    </div>
  );
}

/** A card draws its data and selection only: a card that merely moved (React Flow passes its new position) is not rendered again. */
export const RoleNode = memo(RoleNodeView, (a, b) => a.data === b.data && a.selected === b.selected);
