import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResults } from '../../../services/views';
import { parseRoute } from '../../../renderer/src/router';
import { hitHref, matchedWord, placedHits } from '../../../renderer/src/screens/search/hits';
import { landingTarget } from '../../../renderer/src/screens/interview/landing';

/**
 * A search hit opens the interview on the field that matched: the link it makes must read
 * back, through the router and the landing, as that field and the word to select.
 */
const hit = (fields: Partial<SearchHit>): SearchHit => ({
  kind: 'summary',
  title: 'Adopter 1 - Acme Corp · summary',
  snippet: 'runs the [[Kestrel]] gateway',
  organizationId: 1,
  adopterId: 7,
  interviewId: 9,
  questionKey: null,
  ...fields,
});

/** Where the link of `h` (found in project 3) lands, read back as the interview screen reads it. */
function landing(h: SearchHit) {
  const href = hitHref(3, h);
  if (!href) return null;
  const route = parseRoute(href);
  return { route, target: route.name === 'interview' && route.focus ? landingTarget(route.focus) : null };
}

describe('where a search hit lands', () => {
  it('the notes of one question: that question’s box, the matched word as written', () => {
    const { route, target } = landing(hit({ kind: 'answer', questionKey: 'q4', snippet: 'a [[ptarmigan]] mesh' }))!;
    expect(route).toMatchObject({ name: 'interview', projectId: 3, adopterId: 7, interviewId: 9 });
    expect(target).toEqual({ selector: '[data-testid="notes-q4"]', word: 'ptarmigan' });
  });

  it('the summary, the raw notes and a quote, each its own field', () => {
    expect(landing(hit({ kind: 'summary' }))!.target).toEqual({ selector: '[data-testid="summary"]', word: 'Kestrel' });
    expect(landing(hit({ kind: 'notes' }))!.target).toEqual({ selector: '[data-testid="raw-notes"]', word: 'Kestrel' });
    expect(landing(hit({ kind: 'quote' }))!.target).toEqual({ selector: '[data-testid="quote"]', word: 'Kestrel' });
  });

  it('a word with a colon, a slash or a space survives the address', () => {
    const { target } = landing(hit({ kind: 'answer', questionKey: 'q2', snippet: '[[dev/test: ok]] it' }))!;
    expect(target).toEqual({ selector: '[data-testid="notes-q2"]', word: 'dev/test: ok' });
  });

  it('an organization opens its adopter; one in no project opens nothing', () => {
    expect(landing(hit({ kind: 'organization', interviewId: null }))!.route).toEqual({ name: 'adopter', projectId: 3, adopterId: 7 });
    expect(hitHref(null, hit({ kind: 'organization', interviewId: null, adopterId: null }))).toBeNull();
  });

  it('the leak link’s own address still lands on the summary, and an unknown place nowhere', () => {
    expect(landingTarget('summary:Initech')).toEqual({ selector: '[data-testid="summary"]', word: 'Initech' });
    expect(landingTarget('answer:q1"]x:word')).toBeNull();
    expect(landingTarget('elsewhere:word')).toBeNull();
  });

  it('the matched word is the first marked one, or none', () => {
    expect(matchedWord('a [[b]] c [[d]]')).toBe('b');
    expect(matchedWord('nothing marked')).toBe('');
  });
});

describe('narrowing the hits by field and adopter', () => {
  const results: SearchResults = {
    query: 'kestrel',
    total: 4,
    groups: [
      { project: { id: 3, name: 'Globex Mesh', slug: 'globex-mesh' }, hits: [hit({ kind: 'answer', questionKey: 'q1' }), hit({ kind: 'notes', adopterId: 8 }), hit({ kind: 'quote' })] },
      { project: { id: 4, name: 'Initrode Queue', slug: 'initrode-queue' }, hits: [hit({ kind: 'summary', adopterId: 20 })] },
    ],
  };
  const kinds = (field: Parameters<typeof placedHits>[1], adopterId: number | null = null) => placedHits(results, field, adopterId).map((p) => p.hit.kind);

  it('notes are both the per-question boxes and the raw notes; each field keeps list order across projects', () => {
    expect(kinds('')).toEqual(['answer', 'notes', 'quote', 'summary']);
    expect(kinds('notes')).toEqual(['answer', 'notes']);
    expect(kinds('quote')).toEqual(['quote']);
    expect(kinds('summary')).toEqual(['summary']);
    expect(kinds('organization')).toEqual([]);
  });

  it('an adopter keeps only its own hits, with their project', () => {
    expect(placedHits(results, '', 8).map((p) => [p.hit.kind, p.project?.name])).toEqual([['notes', 'Globex Mesh']]);
  });
});
