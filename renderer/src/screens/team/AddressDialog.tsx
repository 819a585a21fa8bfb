import { useId, useState, type ReactNode } from 'react';
import { errorMessage } from '../../client';
import { Dialog } from '../../components/Dialog';
import './team.css';

/**
 * A dialog asking for the team repository's address (Share, Join): what it needs said first,
 * then the address; a refusal is shown under it in words, and what was typed stays so it can
 * be corrected. `run` resolves once the dialog's work is done (the caller closes it).
 */
export function AddressDialog(props: {
  title: string;
  intro: ReactNode;
  hint?: string;
  action: string;
  running: string;
  run: (address: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.run(address);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form
        className="stack team-dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {props.intro}
        <div className="field w-full">
          <label htmlFor={`${id}-address`}>Address of the team’s private repository</label>
          {props.hint && (
            <p className="hint" id={`${id}-hint`}>
              {props.hint}
            </p>
          )}
          <input
            id={`${id}-address`}
            data-autofocus
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            aria-describedby={described || undefined}
            aria-invalid={error ? true : undefined}
            spellCheck={false}
            autoComplete="off"
          />
          {error && (
            <p className="error" role="alert" id={`${id}-error`}>
              {error}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || address.trim() === ''}>
            {busy ? props.running : props.action}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
