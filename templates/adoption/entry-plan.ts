import type { PublicationAdopter, PublicationInterview, PublicationPerson } from './model';

/** What an adopter's entry is made of, decided once for the section, the Word copy and the checks. */
export interface EntryPlan {
  adopter: PublicationAdopter;
  /** The interview whose summary is published: the latest one that has a summary. */
  source: PublicationInterview | null;
  approved: boolean;
  /** Months of every interview, oldest first, without repeats. */
  months: string[];
  /** Everyone interviewed, in order, without repeats (by name). */
  people: PublicationPerson[];
}

const byDate = (a: PublicationInterview, b: PublicationInterview) =>
  (a.date ?? a.month ?? '').localeCompare(b.date ?? b.month ?? '') || a.id - b.id;

export function planEntry(adopter: PublicationAdopter): EntryPlan {
  const interviews = [...adopter.interviews].sort(byDate);
  const source = interviews.filter((i) => i.summary.trim() !== '').at(-1) ?? null;
  const people: PublicationPerson[] = [];
  for (const person of interviews.flatMap((i) => i.participants)) {
    if (!people.some((p) => p.name === person.name)) people.push(person);
  }
  return {
    adopter,
    source,
    approved: source?.approvedAt != null,
    months: [...new Set(interviews.map((i) => i.month).filter((m): m is string => m !== null))].sort(),
    people,
  };
}
