import { useId } from 'react';
import { useAutosave } from '../hooks/useAutosave';
import './inline-field.css';

/**
 * A text box inside a table row, named by `label` (the column says what it is): it saves
 * itself like every field, and says under it when what it shows is not saved.
 */
export function InlineField({ label, initial, save, testId }: { label: string; initial: string; save: (value: string) => Promise<void>; testId?: string }) {
  const { value, change, flush, state } = useAutosave(initial, save, label);
  const statusId = useId();
  return (
    <>
      <input
        className="inline-field"
        aria-label={label}
        value={value}
        onChange={(e) => change(e.target.value)}
        onBlur={() => void flush()}
        onKeyDown={(e) => e.key === 'Enter' && void flush()}
        autoComplete="off"
        aria-invalid={state.kind === 'failed' ? true : undefined}
        aria-describedby={state.kind === 'failed' ? statusId : undefined}
        data-testid={testId}
      />
      {state.kind === 'failed' && (
        <p id={statusId} className="error" role="alert">
          Not saved: {state.message}
        </p>
      )}
    </>
  );
}
