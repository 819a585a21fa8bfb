import { useId, type ReactNode } from 'react';
import { useAutosave } from '../hooks/useAutosave';

interface Props {
  label: string;
  initial: string;
  save: (value: string) => Promise<void>;
  multiline?: boolean;
  rows?: number;
  hint?: ReactNode;
  placeholder?: string;
  /** Lets the parent follow the text as it is typed (live preview). */
  onInput?: (value: string) => void;
  testId?: string;
  inputRef?: (element: HTMLTextAreaElement | HTMLInputElement | null) => void;
  /** A width by content from the design system (styles.css): 'w-xs', 'w-date', 'w-s', 'w-m', 'w-l', 'w-full'. */
  className?: string;
}

/** A text field that saves itself; its own line says when what is shown is not saved. */
export function AutosaveField({ label, initial, save, multiline, rows = 4, hint, placeholder, onInput, testId, inputRef, className }: Props) {
  const { value, change, flush, state } = useAutosave(initial, save, label);
  const id = useId();
  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;
  const common = {
    id,
    value,
    placeholder,
    'data-testid': testId,
    'aria-describedby': [hint ? hintId : null, state.kind === 'failed' ? statusId : null].filter(Boolean).join(' ') || undefined,
    'aria-invalid': state.kind === 'failed' ? true : undefined,
    onBlur: () => void flush(),
  };
  const onChange = (next: string) => {
    change(next);
    onInput?.(next);
  };
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={rows} ref={inputRef} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} ref={inputRef} onChange={(e) => onChange(e.target.value)} autoComplete="off" />
      )}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {state.kind === 'failed' && (
        <p id={statusId} className="error" role="alert">
          Not saved: {state.message}
        </p>
      )}
    </div>
  );
}
