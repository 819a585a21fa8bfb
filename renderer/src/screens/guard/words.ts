import { allowanceScope } from '../../../../domain/vocabulary';

/**
 * The sentences of the guard's actions, in one place so the buttons, the toasts and the
 * tests say the same thing: "Allow ‘payment’ for Adopter 2 — only in its own entry".
 */
export const quoted = (term: string) => `‘${term}’`;

/** Where an allowance applies: `entryNumber` null is everywhere. */
export const scopeWords = (entryNumber: number | null, adopterNumber: number) => allowanceScope({ entryNumber }, adopterNumber);

export const allowLabel = (term: string, adopterNumber: number, entryNumber: number | null) =>
  `Allow ${quoted(term)} for Adopter ${adopterNumber} — ${scopeWords(entryNumber, adopterNumber)}`;

export const allowedText = (term: string, adopterNumber: number, entryNumber: number | null) =>
  `Allowed ${quoted(term)} for Adopter ${adopterNumber} — ${scopeWords(entryNumber, adopterNumber)}. The guard no longer refuses it there.`;

export const withdrawnText = (term: string, adopterNumber: number) => `Withdrawn: ${quoted(term)} for Adopter ${adopterNumber}; the guard refuses it again.`;

/** The note of an allowance made by dropping a term from what the guard looks for. */
export const DROPPED_NOTE = 'Dropped from what the guard looks for: not a secret.';
