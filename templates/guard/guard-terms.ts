import type { GuardAllowance, PublicationData } from '../adoption/model';
import { foldTerm } from './fold';
import { collectSecrets, type SecretKind } from './secrets';

/** One term the guard looks for, as the adopter screen lists it ("the guard looks for: …"). */
export interface GuardTerm {
  term: string;
  kind: SecretKind;
  /** Where it came from: "“Globex Inc.” without “Inc.”", "Ada Example: the family name". */
  from: string;
  /** For people's terms: whose. */
  person: string | null;
  /** The reviewer's allowances that release it (in one entry, or everywhere when entryNumber is null). */
  releasedBy: GuardAllowance[];
}

/**
 * What the guard looks for to protect one adopter, in the order the guard derives it
 * (organization, aliases, variants, website, people), each once; empty for a named adopter
 * without anonymous interviewees. Computed by the guard's own collectSecrets, so the list
 * is exactly what an export is scanned for.
 */
export function guardTermsOf(data: PublicationData, adopterNumber: number): GuardTerm[] {
  const adopter = data.adopters.find((a) => a.number === adopterNumber);
  if (!adopter) return [];
  const allowances = adopter.allowances.map((a) => ({ allowance: a, folded: foldTerm(a.term) }));
  return collectSecrets({ ...data, adopters: [adopter] }).map((s) => ({
    term: s.term,
    kind: s.kind,
    from: s.from ?? '',
    person: s.person ?? null,
    releasedBy: allowances.filter((a) => a.folded === s.folded).map((a) => a.allowance),
  }));
}
