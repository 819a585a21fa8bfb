import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { parseTypedDate, parseTypedMonth, type TypedDate } from '../../../domain/typed-date';
import { errorMessage } from '../client';
import { useDates } from '../hooks/dates';
import { useSaveStatus } from '../hooks/saveStatus';
import './date-field.css';

interface Props {
  label: string;
  /** The stored day ("2025-06-03") or month ("2025-06"), or null when none is set. */
  value: string | null;
  /** A day (the default) or a month, like an interview's published month. */
  precision?: 'day' | 'month';
  /**
   * Keeps a day the reviewer typed or picked (null: the box was emptied). A rejection is
   * shown under the box as "Not saved: …", and the box keeps what was typed.
   */
  commit: (day: string | null) => Promise<void> | void;
  /** Without it, emptying the box is refused (a step that needs its day). */
  optional?: boolean;
  hint?: string;
  testId?: string;
  /** The commit writes to the store (the window's save line follows it); false for a day a later button uses. */
  saves?: boolean;
  /** Told when the box holds a date not taken (refused, or waiting for "which day?"), so a step can wait for it. */
  onUnread?: (unread: boolean) => void;
}

/** What differs between a day field and a month field. */
const WORDS = {
  day: { parse: parseTypedDate, which: 'which day is it?', write: 'write a date, like 2025-06-03 or 3 June 2025.', placeholder: 'e.g. 3 June 2025' },
  month: { parse: parseTypedMonth, which: 'which month is it?', write: 'write a month, like June 2025 or 2025-06.', placeholder: 'e.g. June 2025' },
};

/** `refused`: a typed date the field could not take, or (`saveFailed`) one the store refused. */
type Status = { kind: 'idle' } | { kind: 'refused'; message: string; saveFailed?: boolean } | { kind: 'asking'; result: Extract<TypedDate, { kind: 'ambiguous' }> };

/**
 * One date field for the whole app (days, and months with `precision="month"`): typed in any common form ("2025-06-03", "3 June 2025",
 * "June 3, 2025", "3/6/2025" when its order is clear or set in Settings) or picked from the
 * browser's calendar; shown in the format chosen in Settings. A date that cannot be read is
 * refused in words and nothing is saved; "3/6/2025" asks which day it is.
 */
export function DateField({ label, value, precision = 'day', commit, optional = true, hint, testId, saves = true, onUnread }: Props) {
  const { show, typedOrder } = useDates();
  const words = WORDS[precision];
  const [text, setText] = useState(value ? show(value) : '');
  const [status, setShownStatus] = useState<Status>({ kind: 'idle' });
  const editing = useRef(false);
  const picker = useRef<HTMLInputElement>(null);
  const id = useId();
  const { report } = useSaveStatus();
  // A field that writes to the store shares the window's one save line: a typed date that was
  // refused, or waits for "which day?", is not saved, and the line says so.
  const setStatus = (next: Status) => {
    setShownStatus(next);
    const unread = next.kind === 'refused' || next.kind === 'asking';
    onUnread?.(unread);
    if (saves) report(id, unread ? { kind: 'failed', message: `${label}: ${next.kind === 'refused' ? next.message : words.which}` } : null);
  };
  useEffect(() => () => report(id, null), [report, id]);

  // What the store holds now: the screen may not reload after a save, so the field keeps track.
  const stored = useRef(value);
  // A new value from the store, or a new format from Settings, replaces the box unless the reviewer is typing.
  useEffect(() => {
    stored.current = value;
  }, [value]);
  useEffect(() => {
    if (!editing.current) setText(stored.current ? show(stored.current) : '');
  }, [value, show]);

  const keep = async (day: string | null) => {
    editing.current = false;
    setText(day ? show(day) : '');
    if (day === stored.current) {
      setStatus({ kind: 'idle' });
      return;
    }
    try {
      if (saves) report(id, { kind: 'saving' });
      await commit(day);
      stored.current = day;
      setStatus({ kind: 'idle' });
    } catch (error) {
      editing.current = true;
      setStatus({ kind: 'refused', message: errorMessage(error), saveFailed: true });
    }
  };

  const read = () => {
    if (!editing.current) return;
    const result = words.parse(text, typedOrder);
    switch (result.kind) {
      case 'empty':
        if (optional) void keep(null);
        else setStatus({ kind: 'refused', message: `${label}: ${words.write}` });
        return;
      case 'date':
        void keep(result.day);
        return;
      case 'ambiguous':
        setStatus({ kind: 'asking', result });
        return;
      case 'refused':
        setStatus({ kind: 'refused', message: result.message });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      read();
    } else if (event.key === 'Escape' && editing.current) {
      editing.current = false;
      setText(stored.current ? show(stored.current) : '');
      setStatus({ kind: 'idle' });
    }
  };

  const openPicker = () => {
    const input = picker.current;
    if (!input) return;
    input.value = stored.current ?? '';
    try {
      input.showPicker();
    } catch {
      // Without a calendar popup (an older engine), the typed field still takes every form.
      input.focus();
    }
  };

  const describedBy = [hint ? `${id}-hint` : null, status.kind !== 'idle' ? `${id}-status` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field w-date date-field">
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      <div className="date-field-box">
        <input
          id={id}
          value={text}
          data-testid={testId}
          autoComplete="off"
          placeholder={words.placeholder}
          aria-describedby={describedBy}
          aria-invalid={status.kind === 'refused' ? true : undefined}
          onChange={(e) => {
            editing.current = true;
            setText(e.target.value);
            if (status.kind !== 'idle') setStatus({ kind: 'idle' });
          }}
          onBlur={read}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="small date-field-pick" onClick={openPicker} aria-label="Pick from a calendar" aria-describedby={`${id}-label`} title="Pick from a calendar">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
            <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" />
          </svg>
        </button>
        {/* The browser's own calendar, opened by the button; it never takes focus from the keyboard. */}
        <input
          ref={picker}
          type={precision === 'month' ? 'month' : 'date'}
          className="date-field-native"
          tabIndex={-1}
          aria-hidden="true"
          data-testid={testId ? `${testId}-picker` : undefined}
          onChange={(e) => {
            if (e.target.value) void keep(e.target.value);
          }}
        />
      </div>
      {/* Under the box: date fields sit in a row of boxes (the call's date, month, duration), and a hint above one would push it out of line. */}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {status.kind === 'refused' && (
        <p id={`${id}-status`} className="error" role="alert">
          {status.saveFailed ? `Not saved: ${status.message}` : `${status.message} Nothing was saved.`}
        </p>
      )}
      {status.kind === 'asking' && (
        <div id={`${id}-status`} className="date-field-ask" role="group" aria-label={status.result.question}>
          <p>{status.result.question}</p>
          <div className="cluster">
            <button type="button" className="small" onClick={() => void keep(status.result.dayFirst.day)}>
              {status.result.dayFirst.label}
            </button>
            <button type="button" className="small" onClick={() => void keep(status.result.monthFirst.day)}>
              {status.result.monthFirst.label}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
