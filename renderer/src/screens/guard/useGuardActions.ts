import { useCallback, useMemo } from 'react';
import type { Allowance } from '../../../../domain/allowance';
import type { Dismissal } from '../../../../domain/dismissal';
import type { LeakHit, Warning } from '../../../../services/views';
import { call, DeskCallError } from '../../client';
import { useUndoable } from '../../hooks/useUndoable';
import { allowedText, DROPPED_NOTE, quoted, scopeWords, withdrawnText } from './words';

/** Puts an allowance back as it was (its id is new: ids are never reused). */
const reAdd = (a: Allowance) => call('addAllowance', { adopterId: a.adopterId, term: a.term, entryNumber: a.entryNumber, note: a.note });

/**
 * What a reviewer can do about the guard and the warnings in one project: allow a word
 * from a refusal, withdraw an allowance, drop a term from what the guard looks for (and
 * take it back), dismiss a warning and show it again. Each is one change, named in a toast
 * with its Undo.
 */
export function useGuardActions(projectId: number) {
  const undoable = useUndoable();

  /** Hits and warnings name adopters by number; the store wants the id. */
  const adopterIdOf = useCallback(
    async (number: number) => {
      const found = (await call('listAdopters', { projectId })).find((a) => a.number === number);
      if (!found) throw new DeskCallError('NOT_FOUND', `There is no Adopter ${number} in this project any more.`);
      return found.id;
    },
    [projectId],
  );

  return useMemo(
    () => ({
      /** Releases the hit's term for its adopter, in the entry where it was found or everywhere. */
      allow: (hit: Pick<LeakHit, 'term' | 'adopterNumber' | 'entryNumber'>, everywhere: boolean) => {
        const entryNumber = everywhere ? null : hit.entryNumber;
        return undoable({
          run: async () => call('addAllowance', { adopterId: await adopterIdOf(hit.adopterNumber), term: hit.term, entryNumber }),
          done: () => allowedText(hit.term, hit.adopterNumber, entryNumber),
          undo: (added) => call('removeAllowance', { id: added.id }),
          undone: () => withdrawnText(hit.term, hit.adopterNumber),
        });
      },
      withdraw: (allowance: Allowance, adopterNumber: number) =>
        undoable({
          run: () => call('removeAllowance', { id: allowance.id }),
          done: () => `Removed the allowance ${quoted(allowance.term)} for Adopter ${adopterNumber} (${scopeWords(allowance.entryNumber, adopterNumber)}); the guard refuses it again.`,
          undo: reAdd,
          undone: () => `The allowance ${quoted(allowance.term)} for Adopter ${adopterNumber} is back.`,
        }),
      /** Says why a term is allowed; Undo puts the previous note back. */
      note: (allowance: Allowance, note: string) =>
        undoable({
          run: () => call('noteAllowance', { id: allowance.id, version: allowance.version, note }),
          done: (saved) => (saved.note ? `Noted for ${quoted(allowance.term)}: “${saved.note}”` : `Removed the note of ${quoted(allowance.term)}.`),
          undo: (saved) => call('noteAllowance', { id: saved.id, version: saved.version, note: allowance.note }),
          undone: () => `The note of ${quoted(allowance.term)} is as it was.`,
        }),
      /** "Not a secret": a term the guard derived that is an ordinary word, released everywhere and noted as dropped. */
      drop: (term: string, adopterId: number, adopterNumber: number) =>
        undoable({
          run: () => call('addAllowance', { adopterId, term, entryNumber: null, note: DROPPED_NOTE }),
          done: () => `Dropped ${quoted(term)} from what the guard looks for to protect Adopter ${adopterNumber}.`,
          undo: (added) => call('removeAllowance', { id: added.id }),
          undone: () => `The guard looks for ${quoted(term)} again.`,
        }),
      /** Takes back every allowance that releases a dropped term everywhere. */
      guardAgain: (term: string, releasedBy: readonly Allowance[], adopterNumber: number) =>
        undoable({
          run: async () => Promise.all(releasedBy.map((a) => call('removeAllowance', { id: a.id }))),
          done: () => `The guard looks for ${quoted(term)} again to protect Adopter ${adopterNumber}.`,
          undo: (removed) => Promise.all(removed.map(reAdd)),
          undone: () => `Dropped ${quoted(term)} again.`,
        }),
      dismiss: (warning: Warning) =>
        undoable({
          run: async () => call('dismissWarning', { adopterId: await adopterIdOf(warning.adopterNumber!), key: warning.key }),
          done: () => `Dismissed for Adopter ${warning.adopterNumber}: “${warning.message}” It comes back if the text changes.`,
          undo: (d: Dismissal) => call('restoreWarning', { id: d.id }),
          undone: () => `The warning is back: “${warning.message}”`,
        }),
      showAgain: (dismissal: Dismissal) =>
        undoable({
          run: () => call('restoreWarning', { id: dismissal.id }),
          done: () => `Showing again: “${dismissal.message}”`,
          undo: () => call('dismissWarning', { adopterId: dismissal.adopterId, key: dismissal.warningKey }),
          undone: () => `Dismissed again: “${dismissal.message}”`,
        }),
    }),
    [undoable, adopterIdOf],
  );
}
