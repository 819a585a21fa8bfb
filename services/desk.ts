import type { Clock } from '../db/clock';
import type { OpenOptions } from '../db/open';
import { openStore, type Store } from '../db/store';
import type { Services } from './contract';
import { createServices } from './create-services';

export interface Desk {
  store: Store;
  services: Services;
  close(): void;
}

/** Opens the database at `file` and returns the services over it: what every front door starts with. */
export function openDesk(file: string, options: OpenOptions & { clock?: Clock } = {}): Desk {
  const store = openStore(file, options);
  return { store, services: createServices(store), close: () => store.close() };
}
