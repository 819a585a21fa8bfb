import type { PublicationAdopter, PublicationData } from '../adoption/model';
import { foldTerm } from './fold';

export type SecretKind = 'organization' | 'alias' | 'website' | 'person' | 'surname' | 'email';

/** Something public output must never contain, and whose secret it is. */
export interface Secret {
  term: string;
  folded: string;
  kind: SecretKind;
  /** The adopter it protects. */
  adopterNumber: number;
  /** For people: who (the report names them so the reviewer can find the spot). */
  person?: string;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The last word of a name, the part people use alone ("Example" in "Ada Example"). */
function surnameOf(name: string): string | null {
  const words = name.trim().split(/\s+/);
  return words.length > 1 ? words[words.length - 1]! : null;
}

function personSecrets(adopter: PublicationAdopter, person: { name: string; email: string | null }): Omit<Secret, 'folded'>[] {
  const out: Omit<Secret, 'folded'>[] = [{ term: person.name, kind: 'person', adopterNumber: adopter.number, person: person.name }];
  const surname = surnameOf(person.name);
  if (surname) out.push({ term: surname, kind: 'surname', adopterNumber: adopter.number, person: person.name });
  if (person.email) out.push({ term: person.email, kind: 'email', adopterNumber: adopter.number, person: person.name });
  return out;
}

/**
 * Every secret in the data: for an anonymous adopter its organization's name, aliases
 * and website domain and everyone who took part; for an anonymous person in a named
 * organization, that person. Terms that fold to fewer than two letters are dropped
 * (they would match everywhere and protect nothing).
 */
export function collectSecrets(data: PublicationData): Secret[] {
  const raw: Omit<Secret, 'folded'>[] = [];
  for (const adopter of data.adopters) {
    const people = adopter.interviews.flatMap((i) => i.participants);
    if (adopter.anonymous) {
      const { organization } = adopter;
      raw.push({ term: organization.name, kind: 'organization', adopterNumber: adopter.number });
      for (const alias of organization.aliases) raw.push({ term: alias, kind: 'alias', adopterNumber: adopter.number });
      const host = hostOf(organization.website);
      if (host) raw.push({ term: host, kind: 'website', adopterNumber: adopter.number });
      for (const person of people) raw.push(...personSecrets(adopter, person));
    } else {
      for (const person of people.filter((p) => p.anonymous)) raw.push(...personSecrets(adopter, person));
    }
  }
  const seen = new Set<string>();
  const secrets: Secret[] = [];
  for (const secret of raw) {
    const folded = foldTerm(secret.term);
    if ([...folded.replace(/[^\p{L}\p{N}]/gu, '')].length < 2) continue;
    const key = `${secret.adopterNumber}|${folded}`;
    if (seen.has(key)) continue;
    seen.add(key);
    secrets.push({ ...secret, folded });
  }
  return secrets;
}
