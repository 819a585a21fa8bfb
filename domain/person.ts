import { z } from 'zod';
import { entityId, nameField, optionalEmail, optionalLine } from './fields';

export const personFields = z.object({
  name: nameField('A person’s name'),
  role: optionalLine('The role'),
  email: optionalEmail,
  organizationId: entityId.nullable(),
  /** Holds a role in the project under review: the TOC asks for operational users instead. */
  maintainer: z.boolean(),
});

export type PersonFields = z.output<typeof personFields>;

export interface Person extends PersonFields {
  id: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const PERSON_DEFAULTS: Omit<PersonFields, 'name'> = { role: null, email: null, organizationId: null, maintainer: false };
