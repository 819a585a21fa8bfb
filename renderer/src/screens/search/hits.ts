import type { SearchHit, SearchKind, SearchResults } from '../../../../services/views';
import { hrefFor } from '../../router';

/** The fields a search can be narrowed to, as the reviewer names them; notes are the per-question boxes and the raw notes. */
export const FIELD_FILTERS = [
  { value: 'notes', label: 'Notes', kinds: ['answer', 'notes'] },
  { value: 'summary', label: 'Summaries', kinds: ['summary'] },
  { value: 'quote', label: 'Quotes', kinds: ['quote'] },
  { value: 'organization', label: 'Organization names', kinds: ['organization'] },
] as const satisfies readonly { value: string; label: string; kinds: readonly SearchKind[] }[];

export type FieldFilter = (typeof FIELD_FILTERS)[number]['value'] | '';

/** A hit with the project it was found in, in the order the results list shows them. */
export interface PlacedHit {
  hit: SearchHit;
  project: { id: number; name: string } | null;
  href: string | null;
}

/** The first word the search matched, as written in the text: what the landing selects. */
export const matchedWord = (snippet: string): string => /\[\[(.*?)\]\]/u.exec(snippet)?.[1] ?? '';

/**
 * Where a hit opens: the interview with the matching field to land on (route `focus`,
 * read by interview/landing.ts), or the adopter for an organization's name.
 */
export function hitHref(projectId: number | null, hit: SearchHit): string | null {
  if (projectId === null || hit.adopterId === null) return null;
  if (hit.interviewId === null) return hrefFor({ name: 'adopter', projectId, adopterId: hit.adopterId });
  const word = matchedWord(hit.snippet);
  const focus = hit.kind === 'answer' ? `answer:${hit.questionKey ?? ''}:${word}` : hit.kind === 'organization' ? undefined : `${hit.kind}:${word}`;
  return hrefFor({ name: 'interview', projectId, adopterId: hit.adopterId, interviewId: hit.interviewId, ...(focus ? { focus } : {}) });
}

/** The hits in list order, narrowed to a field and an adopter (the project is narrowed by the search itself). */
export function placedHits(results: SearchResults, field: FieldFilter, adopterId: number | null): PlacedHit[] {
  const kinds: readonly SearchKind[] | null = FIELD_FILTERS.find((f) => f.value === field)?.kinds ?? null;
  return results.groups.flatMap((group) =>
    group.hits
      .filter((hit) => (kinds === null || kinds.includes(hit.kind)) && (adopterId === null || hit.adopterId === adopterId))
      .map((hit) => ({ hit, project: group.project, href: hitHref(group.project?.id ?? null, hit) })),
  );
}

/** Goes to a hit; the same address again still lands on the field (the hash alone would not change). */
export function openHref(href: string): void {
  if (window.location.hash === href) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else window.location.hash = href;
}
