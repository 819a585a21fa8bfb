import { domainToASCII, domainToUnicode } from 'node:url';
import { parse } from 'tldts';
import { isGenericOrganizationWord } from './generic-words';
import { sharedHostOf, sharedPageOwners } from './shared-hosts';
import { letterCount, separatorForms } from './term-forms';

/** A term found in a web address, with how (the caller says whose address it was). */
export interface DomainTerm {
  term: string;
  how: string;
}

/**
 * The rule for a domain's label (the registrable domain without its public suffix:
 * "globex" in globex.co.uk) and for a page owner on a shared host: a secret when it has at
 * least four letters and is not a generic word. Shorter labels are mostly abbreviations
 * that are also everyday words or acronyms in prose ("gap", "ing", "abc"), and a generic
 * one ("cloud", "data") would refuse every text that uses the word; the registrable domain
 * itself is always a secret, and the organization's name covers the rest.
 */
export function isDistinctiveLabel(label: string): boolean {
  return letterCount(label) >= 4 && !isGenericOrganizationWord(label);
}

/** The host and path of a website as recorded ("https://www.globex.example/x", or a bare "globex.example/x"). */
export function siteOf(address: string): { hostname: string; path: string } | null {
  const text = address.trim();
  if (!text) return null;
  // A bare host gets a scheme; anything with a scheme of its own (mailto:, ftp:) is not a website.
  const hasScheme = /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text);
  for (const candidate of hasScheme ? [text] : [`https://${text}`]) {
    try {
      const url = new URL(candidate);
      if (url.hostname && (url.protocol === 'http:' || url.protocol === 'https:')) {
        return { hostname: url.hostname.replace(/\.$/, ''), path: url.pathname };
      }
    } catch {
      // Not a URL as written: try it as a bare host.
    }
  }
  return null;
}

/** A label and the forms people write it in (globe-tex → "globe tex", "globetex"). */
function labelTerms(label: string, how: string): DomainTerm[] {
  if (!isDistinctiveLabel(label)) return [];
  return [{ term: label, how }, ...separatorForms(label).map((f) => ({ term: f.term, how: `${how}, ${f.how}` }))];
}

/**
 * What a host (and path) reveals of its owner. On a shared host (shared-hosts.ts) only the
 * page owner, never the host. Elsewhere the registrable domain from the public suffix list
 * (tldts; private suffixes such as github.io count, so globex.github.io is one owner's),
 * in its Unicode and punycode forms, and its label by isDistinctiveLabel. An IP address
 * is a secret as it is.
 */
export function hostTerms(hostname: string, path = ''): DomainTerm[] {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (sharedHostOf(host)) {
    // A short owner is no secret alone, but its own site (abc.github.io) is.
    return sharedPageOwners(host, path).flatMap(({ owner, how, site }) => [
      ...(site ? [{ term: site, how: 'its site' }] : []),
      ...labelTerms(owner, how),
    ]);
  }
  const ascii = domainToASCII(host) || host;
  const parsed = parse(ascii, { allowPrivateDomains: true });
  if (parsed.isIp) return [{ term: host, how: 'its address' }];
  if (!parsed.domain || !parsed.domainWithoutSuffix) return [];
  const unicode = domainToUnicode(parsed.domain) || parsed.domain;
  const terms: DomainTerm[] = [{ term: unicode, how: 'its registrable domain' }];
  if (parsed.domain !== unicode) terms.push({ term: parsed.domain, how: 'its registrable domain in punycode' });
  const label = parsed.domainWithoutSuffix;
  const unicodeLabel = domainToUnicode(label) || label;
  terms.push(...labelTerms(unicodeLabel, 'the name in its domain'));
  if (unicodeLabel !== label && isDistinctiveLabel(unicodeLabel)) terms.push({ term: label, how: 'the name in its domain, in punycode' });
  return terms;
}

/** What a website as recorded reveals of its owner (hostTerms of its host and path). */
export function websiteTerms(address: string): DomainTerm[] {
  const site = siteOf(address);
  return site ? hostTerms(site.hostname, site.path) : [];
}
