import type { PublicationAdopter, PublicationData } from '../adoption/model';
import { websiteTerms } from './domains';
import { emailTerms } from './email';
import { foldTerm } from './fold';
import { organizationVariants } from './organization-variants';
import { personNameTerms } from './person-parts';

export type SecretKind =
  | 'organization'
  | 'alias'
  | 'variant'
  | 'website'
  | 'person'
  | 'surname'
  | 'given-name'
  | 'email'
  | 'email-domain';

/** How a refusal names each kind: "'Globex', a way of writing the name of Adopter 3". */
export const SECRET_KIND_WORDS: Record<SecretKind, string> = {
  organization: 'the organization of',
  alias: 'another name of',
  variant: 'a way of writing the name of',
  website: 'the website of',
  person: 'a person of',
  surname: 'the surname of a person of',
  'given-name': 'a given name of a person of',
  email: 'the e-mail address of a person of',
  'email-domain': 'the e-mail domain of a person of',
};

/** Something public output must never contain, and whose secret it is. */
export interface Secret {
  term: string;
  folded: string;
  kind: SecretKind;
  /** The adopter it protects. */
  adopterNumber: number;
  /** For people: who (the report names them so the reviewer can find the spot). */
  person?: string;
  /** Why the guard looks for it: "“Globex Inc.” without “Inc.”", "Ada Example: the family name". */
  from?: string;
}

type RawSecret = Omit<Secret, 'folded'>;

interface RecordedPerson {
  name: string;
  email: string | null;
}

/**
 * A person's secrets: the name and its parts (person-parts.ts) and the e-mail address.
 * The e-mail domain only when the whole organization is anonymous: for an anonymous
 * person in a named organization the domain names the organization, which is public.
 */
function personSecrets(adopterNumber: number, person: RecordedPerson, withDomain: boolean): RawSecret[] {
  const out: RawSecret[] = personNameTerms(person.name).map((t) => ({
    term: t.term,
    kind: t.kind,
    adopterNumber,
    person: person.name,
    from: `${person.name}: ${t.from}`,
  }));
  if (person.email) {
    const email = emailTerms(person.email);
    out.push({ term: email.address, kind: 'email', adopterNumber, person: person.name, from: `${person.name}: the e-mail address` });
    if (withDomain) {
      for (const d of email.domain) {
        out.push({ term: d.term, kind: 'email-domain', adopterNumber, person: person.name, from: `${person.name}: the e-mail address ${email.address}, ${d.how}` });
      }
    }
  }
  return out;
}

/** Everyone recorded for an anonymous organization, once: its contacts and candidates, and everyone interviewed. */
function everyoneOf(adopter: PublicationAdopter): RecordedPerson[] {
  const seen = new Set<string>();
  const people: RecordedPerson[] = [];
  for (const p of [...adopter.interviews.flatMap((i) => i.participants), ...adopter.organization.people]) {
    const key = `${p.name}\u0000${p.email ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    people.push({ name: p.name, email: p.email });
  }
  return people;
}

/**
 * The secrets of one adopter, in the order a reviewer reads them: for an anonymous
 * adopter its organization's name, aliases and their variants (organization-variants.ts),
 * what its website reveals (domains.ts), and every person recorded under the organization
 * or interviewed; for a named adopter, its anonymous interviewees.
 */
function adopterSecrets(adopter: PublicationAdopter): RawSecret[] {
  const { number } = adopter;
  if (!adopter.anonymous) {
    const anonymous = adopter.interviews.flatMap((i) => i.participants).filter((p) => p.anonymous);
    return anonymous.flatMap((p) => personSecrets(number, p, false));
  }
  const { organization } = adopter;
  const raw: RawSecret[] = organizationVariants(organization.name, organization.aliases).map((t) => ({ ...t, adopterNumber: number }));
  if (organization.website) {
    for (const t of websiteTerms(organization.website)) {
      raw.push({ term: t.term, kind: 'website', adopterNumber: number, from: `the website ${organization.website}: ${t.how}` });
    }
  }
  for (const person of everyoneOf(adopter)) raw.push(...personSecrets(number, person, true));
  return raw;
}

/** The words of the names the section prints: the named adopters' interviewees who are not anonymous. */
function printedNameWords(data: PublicationData): Set<string> {
  const words = new Set<string>();
  for (const adopter of data.adopters.filter((a) => !a.anonymous)) {
    for (const p of adopter.interviews.flatMap((i) => i.participants)) {
      if (!p.anonymous) for (const word of p.name.split(/\s+/)) words.add(foldTerm(word));
    }
  }
  return words;
}

/**
 * Every secret in the data, each once per adopter (the first derivation of a folded term
 * is the one reported). Dropped: terms that fold to fewer than two letters or digits (they
 * would match everywhere and protect nothing), and a given name alone that a named
 * interviewee shares ("Ada" of an anonymous "Ada van der Berg" while the section prints
 * "Ada Example"): the section prints it anyway, so every export would be refused, and the
 * given name is the weakest of a person's secrets (person-parts.ts).
 */
export function collectSecrets(data: PublicationData): Secret[] {
  const seen = new Set<string>();
  const secrets: Secret[] = [];
  const printed = printedNameWords(data);
  for (const secret of data.adopters.flatMap(adopterSecrets)) {
    const folded = foldTerm(secret.term);
    if ([...folded.replace(/[^\p{L}\p{N}]/gu, '')].length < 2) continue;
    if (secret.kind === 'given-name' && printed.has(folded)) continue;
    const key = `${secret.adopterNumber}|${folded}`;
    if (seen.has(key)) continue;
    seen.add(key);
    secrets.push({ ...secret, folded });
  }
  return secrets;
}
