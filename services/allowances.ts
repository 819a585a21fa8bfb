import { allowanceScope } from '../domain/vocabulary';
import { DeskError } from '../domain/errors';
import type { Store } from '../db/store';
import { foldTerm } from '../templates/guard/fold';
import { guardTermsOf } from '../templates/guard/guard-terms';
import type { ServiceGroup } from './contract';
import { publicationData } from './publication-data';

/**
 * Allowances: the terms a reviewer released from the anonymity guard for one adopter it
 * protects (an anonymous one, or a named one with anonymous interviewees). Each is one
 * change, so the app's Undo (and the toast's) can take it back.
 */
export function allowanceServices(store: Store): ServiceGroup<'listAllowances' | 'addAllowance' | 'removeAllowance' | 'noteAllowance'> {
  const { adopter, allowance } = store.tables;
  return {
    listAllowances: ({ adopterId }) => store.read(() => allowance.list({ adopter_id: adopterId }, { orderBy: 'id' })),
    addAllowance: ({ adopterId, term, entryNumber, note }) =>
      store.change(`Allow “${term}”`, () => {
        const a = adopter.getLive(adopterId);
        // A named organization may still have anonymous interviewees: their names are guarded, and can be false positives.
        if (!a.anonymous && guardTermsOf(publicationData(store, a.projectId), a.number).length === 0) {
          throw new DeskError('VALIDATION', `Adopter ${a.number} is not anonymous; there is nothing to allow.`);
        }
        const scope = entryNumber === undefined ? a.number : entryNumber;
        // The guard compares folded terms, so "Payment" and "payment" are one allowance.
        const same = allowance.list({ adopter_id: adopterId }).find((x) => foldTerm(x.term) === foldTerm(term) && x.entryNumber === scope);
        if (same) {
          throw new DeskError('DUPLICATE', `Adopter ${a.number} already allows “${same.term}” ${allowanceScope(same, a.number)}.`);
        }
        return allowance.insert({ adopterId, term, entryNumber: scope, note: note ?? '' });
      }),
    noteAllowance: ({ id, version, note }) => store.change('Note an allowance', () => allowance.update(id, version, { note })),
    removeAllowance: ({ id }) =>
      store.change('Remove an allowance', () => {
        const removed = allowance.get(id);
        allowance.remove(id);
        return removed;
      }),
  };
}
