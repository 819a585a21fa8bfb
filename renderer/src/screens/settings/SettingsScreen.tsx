import { useState } from 'react';
import type { BackupInfo, Settings } from '../../../../services/views';
import { call, errorMessage } from '../../client';
import { AutosaveField } from '../../components/AutosaveField';
import { LoadedView } from '../../components/Loaded';
import { useRefresh } from '../../hooks/refresh';
import { useAction } from '../../hooks/useAction';
import { useOp } from '../../hooks/useOp';
import { applyTheme } from '../../theme';
import { applyDatePreferences } from '../../hooks/dates';
import { DateSettings } from './DateSettings';
import { Outcome } from '../../components/Outcome';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { platform } from '../../platform';

function SettingsForm({ settings }: { settings: Settings }) {
  const [current, setCurrent] = useState(settings);
  const [error, setError] = useState<string | null>(null);
  const update = async (patch: Partial<Settings>) => {
    setError(null);
    try {
      const saved = await call('updateSettings', patch);
      setCurrent(saved);
      applyTheme(saved.theme);
      applyDatePreferences(saved);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <fieldset className="card">
      <legend>Documents and appearance</legend>
      <AutosaveField
        label="Author name in Word documents"
        className="w-m"
        initial={settings.authorName}
        save={async (authorName) => {
          await call('updateSettings', { authorName });
        }}
        hint="Empty by default: documents then carry no author."
      />
      <div className="field-row">
        <div className="field w-s">
          <label htmlFor="page-size">Page size</label>
          <select id="page-size" value={current.pageSize} onChange={(e) => void update({ pageSize: e.target.value as Settings['pageSize'] })}>
            <option value="a4">A4</option>
            <option value="letter">Letter</option>
          </select>
        </div>
        <div className="field w-s">
          <label htmlFor="theme">Theme</label>
          <select id="theme" value={current.theme} onChange={(e) => void update({ theme: e.target.value as Settings['theme'] })}>
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
      </div>
      <DateSettings current={current} update={update} />
      <Outcome error={error} prefix="Not saved: " />
    </fieldset>
  );
}

/** Why each backup was made, in the words the restore confirmation uses. */
const REASONS: Record<BackupInfo['reason'], string> = {
  daily: 'daily',
  manual: 'made by hand',
  'before-migration': 'before an upgrade',
  'before-restore': 'before a restore',
};

function Backups() {
  const { generation, refresh } = useRefresh();
  const { state, reload } = useOp('listBackups', {}, [generation]);
  const { error, done, act } = useAction(refresh);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const when = (b: BackupInfo) => b.createdAt.replace('T', ' ').slice(0, 16);
  return (
    <section className="card" aria-labelledby="backups-title">
      <h3 id="backups-title">Backups</h3>
      <p className="hint">A backup is made automatically once a day and before every upgrade of the database; the last 7 days and 4 weeks are kept.</p>
      <div className="toolbar">
        <button type="button" onClick={() => void act(() => call('backupNow', {}), 'Backup written.')}>
          Back up now
        </button>
      </div>
      <Outcome error={error} done={done} />
      <LoadedView state={state} retry={() => void reload()}>
        {(backups) =>
          backups.length === 0 ? (
            <p className="muted">No backups yet.</p>
          ) : (
            <ul className="backups">
              {backups.map((b) => (
                <li key={b.file}>
                  <span>
                    {when(b)} · {REASONS[b.reason]} · {(b.bytes / 1024).toFixed(0)} KB
                  </span>
                  <button type="button" onClick={() => setConfirming(b)} aria-label={`Restore the backup of ${when(b)}…`}>
                    Restore…
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </LoadedView>
      {confirming && (
        <ConfirmDialog
          title="Restore a backup"
          confirmLabel="Replace my data with this backup"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const b = confirming;
            setConfirming(null);
            void act(
              () => call('restoreBackup', { file: b.file }),
              `Restored the backup of ${when(b)}. The data it replaced is kept in the list below, marked “before a restore”.`,
            );
          }}
        >
          <p data-testid="confirm-question">
            Replace all the data you have now with the backup of {when(confirming)}? Whatever you entered or changed since then will no longer be in the app.
          </p>
          <p>The database you have now is not deleted: it is kept in this list as a backup marked “before a restore”, so you can go back to it.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

export function SettingsScreen() {
  const settings = useOp('getSettings', {}, []);
  const info = useOp('appInfo', {}, []);
  return (
    <section className="screen" aria-labelledby="settings-title">
      <h2 id="settings-title" className="screen-title">
        Settings
      </h2>
      <LoadedView state={settings.state} retry={() => void settings.reload()}>
        {(value) => <SettingsForm settings={value} />}
      </LoadedView>
      <Backups />
      <LoadedView state={info.state} retry={() => void info.reload()}>
        {(value) => (
          <section className="card" aria-labelledby="data-title">
            <h3 id="data-title">Your data</h3>
            <p>
              Everything is kept in one file on this computer: <code>{value.databaseFile}</code>
            </p>
            <p className="hint">
              Start the app with <code>--data-dir DIR</code> (or set ADOPTION_DESK_DATA_DIR) to keep it elsewhere. Version {value.version}.
            </p>
            {platform.host === 'browser' && (
              <p className="hint" data-testid="browser-host">
                You are using Adoption Desk in your browser. <code>adoption-desk serve</code> keeps it running in its terminal until you
                press Ctrl+C there; closing this tab does not stop it, and only this browser can open it.
              </p>
            )}
          </section>
        )}
      </LoadedView>
    </section>
  );
}
