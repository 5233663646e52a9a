/**
 * Form fields of the inspector. Each keeps a draft while the user types, validates
 * it as typed (the message shows at the field) and commits on Enter or blur, so one
 * field edit is one undo step and a wrong value never reaches the document: leaving a
 * field with a wrong value puts the document's value back.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from './context.tsx';
import { holdDraft } from './drafts.ts';

/** While `holding`, the draft is registered: committed if the page goes away (drafts.ts). */
export function useHeldDraft(holding: boolean, commit: () => void): void {
  const latest = useRef(commit);
  useLayoutEffect(() => {
    latest.current = commit;
  });
  useEffect(() => (holding ? holdDraft(() => latest.current()) : undefined), [holding]);
}

/** Validates a draft: null when it can be committed, else the message to show. */
export type Validate<T> = (value: T) => string | null;

interface FieldProps<T> {
  readonly label: string;
  readonly value: T;
  readonly validate?: Validate<T>;
  readonly commit: (value: T) => void;
}

function FieldShell({ id, label, error, children }: { id: string; label: string; error: string | null; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** Suggestions for a draft: [value, label] pairs, a few at most. */
export type Suggest = (draft: string) => readonly (readonly [string, string])[];

/**
 * A text (or optional text) field. Empty text commits `undefined` when `optional`.
 * `suggest` offers values while typing (a datalist built only then, so a field that
 * refers to one of 50,000 roles costs nothing until it is edited); `hint` says what
 * the current value stands for.
 */
export function TextField({ label, value, validate, commit, optional, multiline, inputId, suggest, hint }: FieldProps<string | undefined> & { optional?: boolean; multiline?: boolean; inputId?: string; suggest?: Suggest; hint?: string }) {
  const generated = useId();
  const id = inputId ?? generated;
  // null: not editing, the field shows the document's value.
  const [editing, setDraft] = useState<string | null>(null);
  const draft = editing ?? value ?? '';
  const parsed = optional && draft === '' ? undefined : draft;
  const error = editing === null ? null : validate ? validate(parsed) : null;
  const done = () => {
    if (!error && parsed !== value) commit(parsed);
    setDraft(null);
  };
  useHeldDraft(editing !== null, done);
  const common = {
    id,
    value: draft,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: done,
  };
  return (
    <FieldShell id={id} label={label} error={error}>
      {multiline ? (
        <textarea {...common} rows={3} />
      ) : (
        <input {...common} type="text" list={suggest && editing !== null ? `${id}-list` : undefined} onKeyDown={(e) => e.key === 'Enter' && done()} />
      )}
      {suggest && editing !== null && (
        <datalist id={`${id}-list`}>
          {suggest(draft).map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </datalist>
      )}
      {hint && editing === null && <span className="field-hint">{hint}</span>}
    </FieldShell>
  );
}

/** A number field; empty commits `undefined` when `optional`. */
export function NumberField({ label, value, validate, commit, optional, step }: FieldProps<number | undefined> & { optional?: boolean; step?: number }) {
  const t = useT();
  const id = useId();
  const [editing, setDraft] = useState<string | null>(null);
  const draft = editing ?? (value === undefined ? '' : String(value));
  const trimmed = draft.trim();
  const parsed = trimmed === '' ? undefined : Number(trimmed);
  const error =
    editing === null ? null : trimmed === '' && !optional ? t('required') : parsed !== undefined && !Number.isFinite(parsed) ? t('notANumber') : validate ? validate(parsed) : null;
  const done = () => {
    if (!error && parsed !== value) commit(parsed);
    setDraft(null);
  };
  useHeldDraft(editing !== null, done);
  return (
    <FieldShell id={id} label={label} error={error}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        step={step}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={done}
        onKeyDown={(e) => e.key === 'Enter' && done()}
      />
    </FieldShell>
  );
}

/** A select; commits on change. `options` are [value, label]. */
export function SelectField<T extends string>({ label, value, options, commit }: { label: string; value: T; options: readonly (readonly [T, string])[]; commit: (value: T) => void }) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={null}>
      <select id={id} value={value} onChange={(e) => commit(e.target.value as T)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A checkbox; commits on change. */
export function CheckField({ label, value, commit }: { label: string; value: boolean; commit: (value: boolean) => void }) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={value} onChange={(e) => commit(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
