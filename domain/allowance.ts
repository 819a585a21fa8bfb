import { z } from 'zod';
import { entityId, nameField } from './fields';

/** A term released from the anonymity guard for one adopter, and why. */
export const allowanceFields = z.object({
  adopterId: entityId,
  term: nameField('The allowed term'),
  /** Only in this entry (normally the adopter's own); null: anywhere in the section. */
  entryNumber: z.number().int().min(1).nullable(),
  note: z.string().trim().max(500, 'A note is at most 500 characters.'),
});
export type AllowanceFields = z.output<typeof allowanceFields>;

export interface Allowance extends AllowanceFields {
  id: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}
