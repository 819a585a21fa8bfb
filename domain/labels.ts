import { anonymousLabel, type AdopterFields } from './adopter';
import type { OrganizationFields } from './organization';

/**
 * The label public output shows after "Adopter N - ": the anonymous label for an anonymous
 * adopter; for a named one, its own label when it has one (a DD imported as written keeps
 * "Globex - financial services" whatever the shared organization's record says), else
 * "Organization/Industry" (or the organization alone).
 */
export function publicAdopterLabel(
  adopter: Pick<AdopterFields, 'anonymous' | 'publicLabel'> & { namedLabel?: string | null },
  organization: Pick<OrganizationFields, 'name' | 'industry'>,
): string {
  if (adopter.anonymous) return anonymousLabel(adopter, organization.industry);
  if (adopter.namedLabel) return adopter.namedLabel;
  return organization.industry ? `${organization.name}/${organization.industry}` : organization.name;
}
