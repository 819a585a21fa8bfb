import type { Store } from '../db/store';
import { guardTermsOf } from '../templates/guard/guard-terms';
import type { ServiceGroup } from './contract';
import { publicationData } from './publication-data';

/** What the anonymity guard looks for to protect one adopter (the adopter screen's list), read from the store. */
export function guardTermServices(store: Store): ServiceGroup<'listGuardTerms'> {
  return {
    listGuardTerms: ({ adopterId }) =>
      store.read(() => {
        const adopter = store.tables.adopter.getLive(adopterId);
        return guardTermsOf(publicationData(store, adopter.projectId), adopter.number);
      }),
  };
}
