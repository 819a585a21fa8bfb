import { z } from 'zod';
import { entityId } from './fields';

/**
 * A consistency warning the reviewer dismissed for one adopter. `warningKey` is the
 * fingerprint of the warning and of the text it was about (templates/adoption/warnings.ts):
 * when that text changes the fingerprint does, and the warning shows again.
 */
export const dismissalFields = z.object({
  adopterId: entityId,
  /** The warning's code ("MISSPELLED_NAME"), kept for the record. */
  code: z.string().min(1).max(64),
  warningKey: z.string().regex(/^[0-9a-f]{64}$/, 'A warning key is the 64-character fingerprint the warnings list gives.'),
  /** The warning as it read when dismissed, for the record. */
  message: z.string().max(2000),
});
export type DismissalFields = z.output<typeof dismissalFields>;

export interface Dismissal extends DismissalFields {
  id: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}
