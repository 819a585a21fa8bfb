import { useEffect } from 'react';

export interface ToastMessage {
  text: string;
  tone: 'info' | 'error';
}

/** A short message after an action ("Undone: Edit summary"), read out by screen readers. */
export function Toast({ message, onDone }: { message: ToastMessage; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, 5000);
    return () => clearTimeout(timer);
  }, [message, onDone]);
  return (
    <div className={`toast toast-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
      {message.text}
      <button type="button" onClick={onDone} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
