import { useEffect, useState } from 'react';
import { call, errorMessage } from '../client';
import { useToast } from '../hooks/toast';

/**
 * The day's automatic backup runs after the first screen is shown (db/daily-backup.ts). When it
 * could not be written, the window says so where the reviewer works — in the desktop app and in
 * a browser tab alike — with a way to try again; nothing is lost meanwhile, so it can be dismissed.
 */
export function BackupNotice() {
  const toast = useToast();
  const [warning, setWarning] = useState<string | null>(null);
  const [retry, setRetry] = useState<{ kind: 'idle' } | { kind: 'running' } | { kind: 'failed'; message: string }>({ kind: 'idle' });

  useEffect(() => {
    let live = true;
    // A store in recovery mode refuses: its own screen says what is wrong.
    call('dailyBackupNotice', {})
      .then(({ warning: said }) => live && setWarning(said))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);

  if (!warning) return null;
  const backUpNow = async () => {
    setRetry({ kind: 'running' });
    try {
      const written = await call('backupNow', {});
      setWarning(null);
      toast({ text: `Backup written: ${written.file}.`, tone: 'info' });
    } catch (error) {
      setRetry({ kind: 'failed', message: errorMessage(error) });
    }
  };
  return (
    <section className="backup-notice" aria-label="Today’s backup" data-testid="backup-notice">
      <p role="alert">{warning}</p>
      {retry.kind === 'failed' && <p className="error">Backing up again failed too: {retry.message}</p>}
      <div className="cluster">
        <button type="button" onClick={() => void backUpNow()} disabled={retry.kind === 'running'}>
          {retry.kind === 'running' ? 'Backing up…' : 'Back up now'}
        </button>
        <button type="button" className="quiet" onClick={() => setWarning(null)}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
