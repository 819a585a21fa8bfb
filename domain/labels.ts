import { anonymousLabel, type AdopterFields } from './adopter';
import type { OrganizationFields } from './organization';

/**
 * The label public output shows after "Adopter N - ": "Organization/Industry" (or the
 * organization alone) for a named adopter, the anonymous label for an anonymous one.
 */
export function publicAdopterLabel(
  adopter: Pick<AdopterFields, 'anonymous' | 'publicLabel'>,
  organization: Pick<OrganizationFields, 'name' | 'industry'>,
): string {
  if (adopter.anonymous) return anonymousLabel(adopter, organization.industry);
  return organization.industry ? `${organization.name}/${organization.industry}` : organization.name;
}
