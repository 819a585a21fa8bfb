import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../domain/errors';
import { publishAdoptionSection, previewAdoptionSection } from '../../../templates/adoption/publish';
import { findSecret, fold, indexWords } from '../../../templates/guard/fold';
import { type scanForLeaks } from '../../../templates/guard/scan';
import { collectSecrets } from '../../../templates/guard/secrets';
import { adopter, interview, person, publication } from '../../fixtures/publication';

/** Adopter 1 is public; Adopter 2 is Globex, anonymous, with Bo Sample as interviewee. */
function withSummary(summary: string, extra: Parameters<typeof adopter>[1] = {}) {
  return publication([
    adopter(1, { org: { name: 'Acme', industry: 'Media' }, interviews: [interview({ summary: 'Acme is happy.', participants: [person('Ada Example')] })] }),
    adopter(2, {
      anonymous: true,
      org: { name: 'Globex', industry: 'Finance', aliases: ['Globex Pay', 'GlbxCorp'], website: 'https://www.globex.example/' },
      interviews: [interview({ summary, participants: [person('Bo Sample', { email: 'bo.sample@globex.example', role: 'SRE' })] })],
      ...extra,
    }),
  ]);
}

function refused(summary: string) {
  try {
    publishAdoptionSection(withSummary(summary));
  } catch (error) {
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).code).toBe('LEAK_DETECTED');
    return error as DeskError;
  }
  throw new Error(`not refused: ${summary}`);
}

describe('the anonymity guard refuses', () => {
  it.each([
    ['the plain name', 'Globex runs it in production.'],
    ['a different case', 'GLOBEX runs it.'],
    ['accents', 'Glöbéx runs it.'],
    ['full-width letters (NFKC)', 'Ｇｌｏｂｅｘ runs it.'],
    ['a possessive', "Globex's platform team runs it."],
    ['a curly possessive', 'Globex’s platform team runs it.'],
    ['markup splitting the name', 'G**lobex** runs it.'],
    ['emphasis around part', '_Glo_bex runs it.'],
    ['an escape inside', 'Glo\\bex runs it.'],
    ['an HTML tag inside', 'Glo<b>bex</b> runs it.'],
    ['a zero-width space inside', 'Glo\u200bbex runs it.'],
    ['a character reference', 'Gl&#111;bex runs it.'],
    ['an alias across a line break', 'The Globex\nPay team runs it.'],
    ['another alias', 'GlbxCorp runs it.'],
    ['the website domain', 'See globex.example for details.'],
    ['a name inside a link URL', 'See [the blog](https://blog.globex.example/post).'],
    ['a name in raw HTML attributes', 'See <a href="https://globex.example">the blog</a>.'],
    ['an autolink', 'See <https://globex.example/x>.'],
    ['the interviewee’s full name', 'Bo Sample explained the setup.'],
    ['the interviewee’s surname', 'Mr. Sample explained the setup.'],
    ['the interviewee’s e-mail', 'Write to bo.sample@globex.example.'],
    ['a name split over a line break', 'Bo\nSample explained.'],
  ])('%s', (_label, summary) => {
    const error = refused(summary);
    const report = error.details as ReturnType<typeof scanForLeaks>;
    expect(report.leaks.length).toBeGreaterThan(0);
    expect(report.leaks[0]).toMatchObject({ adopterNumber: 2, entryNumber: 2, part: 'markdown' });
    expect(error.message).toMatch(/Adopter 2/);
  });

  it('a leak in ANOTHER adopter’s entry, with the place and an excerpt', () => {
    const data = withSummary('Fine text.');
    data.adopters[0]!.interviews[0]!.summary = 'Acme learned it from Globex engineers.';
    try {
      publishAdoptionSection(data);
      throw new Error('not refused');
    } catch (error) {
      const report = (error as DeskError).details as ReturnType<typeof scanForLeaks>;
      expect(report.leaks).toEqual([
        expect.objectContaining({ term: 'Globex', kind: 'organization', adopterNumber: 2, entryNumber: 1, line: 8, excerpt: 'Acme learned it from Globex engineers.' }),
      ]);
      expect((error as DeskError).message).toContain("'Globex', the organization of Adopter 2, in Adopter 1's entry, line 8");
    }
  });

  it('an anonymous person in a named organization is protected anywhere', () => {
    const data = publication([
      adopter(1, { org: { name: 'Acme', industry: 'Media' }, interviews: [interview({ summary: 'Cy Hidden set it up.', participants: [person('Cy Hidden', { anonymous: true })] })] }),
    ]);
    expect(() => publishAdoptionSection(data)).toThrow(/'Cy Hidden', a person of Adopter 1/);
  });
});

describe('the anonymity guard lets through', () => {
  it.each([
    ['a longer word that contains the name', 'Globexian is not a word we care about.'],
    ['the anonymous label itself', 'Adopter 2 runs it.'],
    ['unrelated text', 'The platform team runs it in production.'],
  ])('%s', (_label, summary) => {
    expect(() => publishAdoptionSection(withSummary(summary))).not.toThrow();
  });

  it('a false positive only with an explicit allowance for that adopter, and reports it', () => {
    const data = publication([
      adopter(1, {
        anonymous: true,
        org: { name: 'Apple', industry: 'Agriculture' },
        interviews: [interview({ summary: 'They grow apple trees and use the project to schedule harvests.' })],
      }),
    ]);
    expect(() => publishAdoptionSection(data)).toThrow(DeskError);
    data.adopters[0]!.allowances = [{ term: 'apple', entryNumber: 1, note: 'the fruit' }];
    const published = publishAdoptionSection(data);
    expect(published.allowed).toEqual([expect.objectContaining({ term: 'Apple', entryNumber: 1, allowedBy: 'apple (the fruit)' })]);
    // The allowance is scoped: the same word in another entry is still refused.
    data.adopters.push(adopter(2, { interviews: [interview({ summary: 'Apple runs it too.' })] }));
    expect(() => publishAdoptionSection(data)).toThrow(/in Adopter 2's entry/);
  });

  it('the preview reports without refusing, so the UI can show every hit', () => {
    const preview = previewAdoptionSection(withSummary('Globex and Bo Sample.'));
    expect(preview.guard.leaks.map((l) => l.term)).toEqual(['Globex', 'Bo Sample', 'Sample']);
  });
});

describe('secrets and folding', () => {
  it('collects name, aliases, domain, people, surnames and e-mails of anonymous adopters only', () => {
    const secrets = collectSecrets(withSummary('x'));
    expect(secrets.map((s) => [s.kind, s.term])).toEqual([
      ['organization', 'Globex'],
      ['alias', 'Globex Pay'],
      ['alias', 'GlbxCorp'],
      ['variant', 'Globex-Pay'],
      ['variant', 'GlobexPay'],
      ['website', 'globex.example'],
      ['person', 'Bo Sample'],
      ['surname', 'Sample'],
      ['email', 'bo.sample@globex.example'],
    ]);
  });

  it('maps folded text back to the original', () => {
    const folded = fold('Hé **Glöbex**\n\nrocks');
    expect(folded.text).toBe('he globex rocks');
    const at = folded.text.indexOf('globex');
    expect(folded.map[at]).toBe(5);
    const words = fold('globexian globex');
    expect(findSecret(words, indexWords(words), 'globex')).toEqual([10]);
  });
});

describe('the word index', () => {
  it('finds exactly what a plain search from boundary to boundary finds', async () => {
    const fc = await import('fast-check');
    const text = fc.stringMatching(/^[abAB1 .'é@_-]{0,40}$/);
    fc.assert(
      fc.property(text, fc.stringMatching(/^[ab1 .'é@-]{1,6}$/), (haystack, needle) => {
        const folded = fold(haystack, 'plain');
        const expected: number[] = [];
        for (let at = 0; at + needle.length <= folded.text.length; at++) {
          if (folded.text.startsWith(needle, at) && folded.boundary[at] && folded.boundary[at + needle.length]) expected.push(at);
        }
        expect(findSecret(folded, indexWords(folded), needle)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
