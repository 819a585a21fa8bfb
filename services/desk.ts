import type { Clock } from '../db/clock';
import type { OpenOptions } from '../db/open';
import { openStore, type Store } from '../db/store';
import { backupServices } from './backups';
import type { Services } from './contract';
import { createServices } from './create-services';
import { OPERATION_NAMES } from './operations';

export interface Desk {
  readonly store: Store;
  /** Stable object: front doors keep it while the store underneath may be reopened (restore). */
  services: Services;
  close(): void;
}

export type DeskOptions = OpenOptions & { clock?: Clock };

/**
 * Opens the database at `file` and returns the services over it: what every front door
 * starts with. Restoring a backup replaces the file, so the services are a facade that
 * always calls into the current store.
 */
export function openDesk(file: string, options: DeskOptions = {}): Desk {
  let store = openStore(file, options);
  let inner: Services;
  const host = {
    store: () => store,
    replaceDatabase(swap: (file: string) => void) {
      store.close();
      try {
        swap(file);
      } finally {
        store = openStore(file, options);
        inner = build();
      }
    },
  };
  const build = (): Services => ({ ...createServices(store), ...backupServices(host) });
  inner = build();
  const services = Object.fromEntries(
    OPERATION_NAMES.map((name) => [name, (input: never) => (inner[name] as (i: never) => unknown)(input)]),
  ) as unknown as Services;
  return {
    get store() {
      return store;
    },
    services,
    close: () => store.close(),
  };
}
