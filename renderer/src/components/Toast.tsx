import { useEffect } from 'react';

export interface ToastMessage {
  text: string;
  tone: 'info' | 'error';
  /** One follow-up, usually Undo: the toast closes once it has run. */
  action?: { label: string; run: () => void };
}

/** Long enough to read the sentence and reach its Undo; a plain message goes sooner. */
const SHOWN_MS = { plain: 5000, withAction: 10000 };

/** A short message after an action ("Undone: Edit summary"), read out by screen readers. */
export function Toast({ message, onDone }: { message: ToastMessage; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, message.action ? SHOWN_MS.withAction : SHOWN_MS.plain);
    return () => clearTimeout(timer);
  }, [message, onDone]);
  return (
    <div className={`toast toast-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'} data-testid="toast">
      <span>{message.text}</span>
      {message.action && (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            onDone();
            message.action!.run();
          }}
        >
          {message.action.label}
        </button>
      )}
      <button type="button" onClick={onDone} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
