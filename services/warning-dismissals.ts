import { z } from 'zod';
import type { Dismissal } from '../domain/dismissal';
import { DeskError } from '../domain/errors';
import { entityId } from '../domain/fields';
import type { Store } from '../db/store';
import type { PublicationData } from '../templates/adoption/model';
import { consistencyWarnings, type Warning } from '../templates/adoption/warnings';
import type { ServiceGroup } from './contract';
import { publicationData } from './publication-data';

export const dismissalInputs = {
  dismiss: z.object({ adopterId: entityId, key: z.string().regex(/^[0-9a-f]{64}$/, 'Name the warning by the key the warnings list gives.') }).strict(),
  list: z.object({ adopterId: entityId }).strict(),
};

/**
 * The keys of the project's warnings the reviewer dismissed. A dismissal matches only
 * the warning it was made for, text included (warning-key.ts): after an edit the key
 * differs and the warning shows again, whatever is stored.
 */
export function dismissedWarningKeys(store: Store, data: PublicationData): Set<string> {
  const keys = new Set<string>();
  for (const a of data.adopters) for (const d of store.tables.dismissal.list({ adopter_id: a.id })) keys.add(d.warningKey);
  return keys;
}

/** The warnings to show: every consistency warning but those the reviewer dismissed (for the text as it stands). */
export function shownWarnings(store: Store, data: PublicationData): Warning[] {
  const dismissed = dismissedWarningKeys(store, data);
  return consistencyWarnings(data).filter((w) => !dismissed.has(w.key));
}

/** Dismissing a warning for one adopter, seeing what is dismissed, and showing it again. */
export function dismissalServices(store: Store): ServiceGroup<'dismissWarning' | 'listDismissedWarnings' | 'restoreWarning'> {
  const { adopter, dismissal } = store.tables;
  /** The adopter's warnings as they stand now. */
  const warningsOf = (adopterId: number) => {
    const a = adopter.getLive(adopterId);
    return { a, warnings: consistencyWarnings(publicationData(store, a.projectId)).filter((w) => w.adopterNumber === a.number) };
  };
  return {
    dismissWarning: ({ adopterId, key }) =>
      store.change('Dismiss a warning', () => {
        const { a, warnings } = warningsOf(adopterId);
        const warning = warnings.find((w) => w.key === key);
        if (!warning) {
          throw new DeskError('NOT_FOUND', `Adopter ${a.number} has no such warning any more: the text it was about changed. Nothing was dismissed.`);
        }
        if (dismissal.list({ adopter_id: adopterId, warning_key: key }).length > 0) {
          throw new DeskError('DUPLICATE', `That warning is already dismissed for Adopter ${a.number}.`);
        }
        return dismissal.insert({ adopterId, code: warning.code, warningKey: key, message: warning.message });
      }),
    // Only those still in force: a dismissal whose warning changed no longer hides anything.
    listDismissedWarnings: ({ adopterId }) =>
      store.read((): Dismissal[] => {
        const current = new Set(warningsOf(adopterId).warnings.map((w) => w.key));
        return dismissal.list({ adopter_id: adopterId }, { orderBy: 'id' }).filter((d) => current.has(d.warningKey));
      }),
    restoreWarning: ({ id }) =>
      store.change('Show a dismissed warning again', () => {
        const removed = dismissal.get(id);
        dismissal.remove(id);
        return removed;
      }),
  };
}
