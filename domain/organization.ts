import { z } from 'zod';
import { nameField, optionalLine, optionalUrl } from './fields';

/**
 * An organization can adopt several projects, so it lives once, outside any project.
 * Aliases are the other spellings the anonymity guard and the misspelling check must
 * know: product names, a parent company, a short form.
 */
export const organizationFields = z.object({
  name: nameField('An organization name'),
  aliases: z.array(nameField('An alias')).max(50, 'At most 50 aliases.'),
  website: optionalUrl('The website'),
  industry: optionalLine('The industry'),
});

export type OrganizationFields = z.output<typeof organizationFields>;

export interface Organization extends OrganizationFields {
  id: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const ORGANIZATION_DEFAULTS: Omit<OrganizationFields, 'name'> = { aliases: [], website: null, industry: null };
