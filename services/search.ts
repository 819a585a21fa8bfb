import { DeskError } from '../domain/errors';
import type { Store } from '../db/store';
import type { ServiceGroup } from './contract';

// Placeholder replaced by the full-text search implementation (FTS5).
export function searchServices(store: Store): ServiceGroup<'search'> {
  void store;
  return {
    search: () => {
      throw new DeskError('INTERNAL', 'Search is not available yet.');
    },
  };
}
