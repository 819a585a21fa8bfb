import publicMailDomains from 'email-providers/all.json';
import { getDomain } from 'tldts';
import { hostTerms, type DomainTerm } from './domains';

/** Public mail providers (gmail.com, outlook.com, web.de… from the maintained email-providers list). */
const PUBLIC_MAIL = new Set<string>(publicMailDomains);

/** True for a domain anyone can have an address at: its host or its registrable domain is a public provider. */
export function isPublicMailDomain(domain: string): boolean {
  const host = domain.toLowerCase().replace(/\.$/, '');
  const registrable = getDomain(host);
  return PUBLIC_MAIL.has(host) || (registrable !== null && PUBLIC_MAIL.has(registrable));
}

/**
 * What an e-mail address reveals: the address, and what its domain says of the
 * organization (domains.ts: the registrable domain and its label) unless anyone can have
 * an address there (gmail.com), which names nobody.
 */
export function emailTerms(address: string): { address: string; domain: DomainTerm[] } {
  const email = address.trim();
  const at = email.lastIndexOf('@');
  const domain = at > 0 ? email.slice(at + 1) : '';
  return { address: email, domain: domain && !isPublicMailDomain(domain) ? hostTerms(domain) : [] };
}
