import { isoNow } from '../db/clock';
import type { Store } from '../db/store';
import { SETTINGS_DEFAULTS, settingsFields, settingsUpdate, type SettingKey, type SettingsFields } from '../domain/settings';
import type { ServiceGroup } from './contract';
import type { Settings } from './views';

export const settingsInputs = {
  /** Only the settings to change; unknown names and bad values are refused. */
  update: settingsUpdate,
};

// The schema and the contract's Settings type must describe the same thing.
const sameShape: [SettingsFields, Settings] extends [Settings, SettingsFields] ? true : never = true;
void sameShape;

const KEYS = Object.keys(SETTINGS_DEFAULTS) as SettingKey[];

/**
 * The reviewer's settings. A setting without a row, or whose stored value no longer
 * passes its schema (a hand-edited file, an older app), reads as its default: settings
 * never stop the app from opening. Writes run as one change (one transaction, the
 * store's error translation); they add no undo step, since "undo" is for the DD's data.
 */
export function readSettings(store: Store): Settings {
  const rows = store.db.prepare<[], { key: string; value: string }>('SELECT key, value FROM setting').all();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const settings: Record<string, unknown> = { ...SETTINGS_DEFAULTS };
  for (const key of KEYS) {
    const raw = stored.get(key);
    if (raw === undefined) continue;
    try {
      const parsed = settingsFields.shape[key].safeParse(JSON.parse(raw));
      if (parsed.success) settings[key] = parsed.data;
    } catch {
      // Not JSON: keep the default.
    }
  }
  return settings as unknown as Settings;
}

export function settingsServices(store: Store): ServiceGroup<'getSettings' | 'updateSettings'> {
  return {
    getSettings: () => store.read(() => readSettings(store)),
    updateSettings: (changes) =>
      store.change('Change settings', () => {
        const write = store.db.prepare<[string, string, string]>(
          'INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
        );
        const at = isoNow(store.clock);
        for (const key of KEYS) {
          const value = changes[key];
          if (value !== undefined) write.run(key, JSON.stringify(value), at);
        }
        return readSettings(store);
      }),
  };
}
