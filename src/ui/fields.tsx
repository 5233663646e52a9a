/**
 * Form fields of the inspector. Each keeps a draft while the user types, validates
 * it as typed (the message shows at the field) and commits on Enter or blur, so one
 * field edit is one undo step and a wrong value never reaches the document: leaving a
 * field with a wrong value puts the document's value back, and Escape puts it back at
 * once (and leaves the field).
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
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

function FieldShell({ id, label, error, hint, className, children }: { id: string; label: string; error: string | null; hint?: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
      {!error && hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}

/** What describes a control: its error, else its hint. */
function describedBy(id: string, error: string | null, hint: unknown): string | undefined {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

/** Suggestions for a draft: [value, label] pairs, a few at most. */
export type Suggest = (draft: string) => readonly (readonly [string, string])[];

/**
 * The keys of a field with a draft: Enter commits it; Escape drops it (the field shows the
 * document's value again, the last valid one) and leaves the field without committing.
 */
function useDraftKeys(done: () => void, cancel: () => void) {
  const cancelled = useRef(false);
  return {
    onFocus: () => {
      cancelled.current = false;
    },
    onBlur: () => {
      if (cancelled.current) cancelled.current = false;
      else done();
    },
    onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
        if (e.currentTarget instanceof HTMLTextAreaElement) e.preventDefault();
        done();
      } else if (e.key === 'Escape' && !e.nativeEvent.isComposing) {
        e.preventDefault();
        cancel();
        cancelled.current = true;
        e.currentTarget.blur();
      }
    },
  };
}

const fieldSizing = typeof CSS !== 'undefined' && CSS.supports?.('field-sizing', 'content');

/** A one-line text that wraps: its textarea grows with the text (CSS field-sizing, else measured here). */
function useGrow(ref: RefObject<HTMLTextAreaElement | null>, value: string): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || fieldSizing) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
  }, [ref, value]);
}

/**
 * A text (or optional text) field. Empty text commits `undefined` when `optional`.
 * `wrap` shows it on as many lines as its text needs (it is still one line: Enter
 * commits), so a long value is never cut; `multiline` is a text of several lines.
 * `suggest` offers values while typing (a datalist built only then, so a field that
 * refers to one of 50,000 roles costs nothing until it is edited); `hint` says what
 * the current value stands for.
 */
export function TextField({
  label,
  value,
  validate,
  commit,
  optional,
  multiline,
  wrap,
  inputId,
  suggest,
  hint,
}: FieldProps<string | undefined> & { optional?: boolean; multiline?: boolean; wrap?: boolean; inputId?: string; suggest?: Suggest; hint?: string }) {
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
  const keys = useDraftKeys(done, () => setDraft(null));
  const area = useRef<HTMLTextAreaElement>(null);
  useGrow(area, wrap ? draft : '');
  const shownHint = editing === null ? hint : undefined;
  const common = {
    id,
    value: draft,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, error, shownHint),
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    ...keys,
  };
  return (
    <FieldShell id={id} label={label} error={error} hint={shownHint}>
      {multiline ? (
        <textarea {...common} onKeyDown={(e) => e.key === 'Escape' && keys.onKeyDown(e)} rows={3} />
      ) : wrap ? (
        <textarea {...common} ref={area} className="wrap" rows={1} />
      ) : (
        <input {...common} type="text" list={suggest && editing !== null ? `${id}-list` : undefined} />
      )}
      {suggest && editing !== null && <Suggestions id={`${id}-list`} options={suggest(draft)} />}
    </FieldShell>
  );
}

function Suggestions({ id, options }: { id: string; options: readonly (readonly [string, string])[] }) {
  return (
    <datalist id={id}>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </datalist>
  );
}

/**
 * A number field; empty commits `undefined` when `optional`. `validate` sees what was
 * typed as a number: `undefined` when empty, NaN when not a number.
 */
export function NumberField({ label, value, validate, commit, optional, step }: FieldProps<number | undefined> & { optional?: boolean; step?: number }) {
  const t = useT();
  const id = useId();
  const [editing, setDraft] = useState<string | null>(null);
  const draft = editing ?? (value === undefined ? '' : String(value));
  const trimmed = draft.trim();
  const parsed = trimmed === '' ? undefined : Number(trimmed);
  const error =
    editing === null
      ? null
      : ((validate ? validate(parsed) : null) ?? (trimmed === '' && !optional ? t('required') : parsed !== undefined && !Number.isFinite(parsed) ? t('notANumber') : null));
  const done = () => {
    if (!error && parsed !== value) commit(parsed);
    setDraft(null);
  };
  useHeldDraft(editing !== null, done);
  const keys = useDraftKeys(done, () => setDraft(null));
  return (
    <FieldShell id={id} label={label} error={error}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        step={step}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, null)}
        onChange={(e) => setDraft(e.target.value)}
        {...keys}
      />
    </FieldShell>
  );
}

/** An option of a select: [value, label], and a tooltip (the value's id in the format). */
export type Option<T extends string> = readonly [T, string] | readonly [T, string, string];

/**
 * A select; commits on change. Each option shows its label; its third item, when
 * given, is its tooltip (the id the format writes), shown on the select for the chosen one.
 */
export function SelectField<T extends string>({ label, value, options, commit, hint }: { label: string; value: T; options: readonly Option<T>[]; commit: (value: T) => void; hint?: ReactNode }) {
  const id = useId();
  const chosen = options.find((o) => o[0] === value);
  return (
    <FieldShell id={id} label={label} error={null} hint={hint}>
      <select id={id} value={value} title={chosen?.[2]} aria-describedby={describedBy(id, null, hint)} onChange={(e) => commit(e.target.value as T)}>
        {options.map(([v, text, tip]) => (
          <option key={v} value={v} title={tip}>
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

/**
 * A field whose value its owner keeps (a new row's target or reason, before the row is
 * added): `onChange` on every key, `onEnter` and `onEscape` for those keys. `suggest`
 * offers values while it has text; `wrap` lets its text run on several lines.
 */
export function DraftField({
  label,
  value,
  onChange,
  onEnter,
  onEscape,
  error,
  hint,
  suggest,
  wrap,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onEnter: () => void;
  onEscape: () => void;
  error: string | null;
  hint?: ReactNode;
  suggest?: Suggest;
  wrap?: boolean;
  autoFocus?: boolean;
}) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  useGrow(area, wrap ? value : '');
  const common = {
    id,
    value,
    autoFocus,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, error, hint),
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.nativeEvent.isComposing) return;
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        onEnter();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        onEscape();
      }
    },
  };
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      {wrap ? <textarea {...common} ref={area} className="wrap" rows={1} /> : <input {...common} type="text" list={suggest && value !== '' ? `${id}-list` : undefined} />}
      {suggest && value !== '' && <Suggestions id={`${id}-list`} options={suggest(value)} />}
    </FieldShell>
  );
}
