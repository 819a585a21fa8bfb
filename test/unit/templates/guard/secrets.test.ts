import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../domain/errors';
import { publishAdoptionSection } from '../../../../templates/adoption/publish';
import { describeLeak, type LeakHit } from '../../../../templates/guard/scan';
import { collectSecrets, SECRET_KIND_WORDS, type SecretKind } from '../../../../templates/guard/secrets';
import { adopter, interview, person, publication } from '../../../fixtures/publication';

/**
 * Adopter 1 is Acme, named, with an anonymous interviewee; Adopter 2 is "Global Initech
 * Cloud Ltd", anonymous, with a GitHub organization as its website, an interviewee and two
 * more people recorded under the organization (a contact and a candidate's contact).
 */
function data(acmeSummary = 'Acme is happy.', initechSummary = 'The platform team runs it.') {
  return publication([
    adopter(1, {
      org: { name: 'Acme Corp', industry: 'Media', website: 'https://acme.example' },
      interviews: [
        interview({
          summary: acmeSummary,
          participants: [person('Ada Example', { email: 'ada@acme.example' }), person('Cyrus Hidden', { anonymous: true, email: 'cyrus@acme.example' })],
        }),
      ],
    }),
    adopter(2, {
      anonymous: true,
      org: {
        name: 'Global Initech Cloud Ltd',
        aliases: ['Initrode'],
        industry: 'Finance',
        website: 'https://github.com/initech-oss',
        people: [
          { name: 'Priya van der Sample', email: 'priya@initech.example' },
          { name: 'Dee Candidate', email: 'dee.candidate@gmail.com' },
        ],
      },
      interviews: [interview({ summary: initechSummary, participants: [person('Bo Tester', { email: 'bo@initech.example' })] })],
    }),
  ]);
}

const secretsOf = (number: number) => collectSecrets(data()).filter((s) => s.adopterNumber === number);

function outcome(acme: string, initech?: string): string {
  try {
    publishAdoptionSection(data(acme, initech));
    return 'published';
  } catch (error) {
    if (error instanceof DeskError) return error.code;
    throw error;
  }
}

describe('the secrets of an anonymous adopter', () => {
  it('its name, alias and their variants, each saying where it came from', () => {
    const organization = secretsOf(2).filter((s) => ['organization', 'alias', 'variant'].includes(s.kind));
    expect(organization.map((s) => [s.kind, s.term])).toEqual(
      expect.arrayContaining([
        ['organization', 'Global Initech Cloud Ltd'],
        ['alias', 'Initrode'],
        ['variant', 'Global Initech Cloud'],
        ['variant', 'Initech'],
      ]),
    );
    expect(organization.find((s) => s.term === 'Global Initech Cloud')?.from).toBe('“Global Initech Cloud Ltd” without “Ltd”');
    expect(organization.map((s) => s.term.toLowerCase())).not.toContain('global');
    expect(organization.map((s) => s.term.toLowerCase())).not.toContain('cloud');
  });

  it('the owner of its GitHub page, never github.com', () => {
    const website = secretsOf(2).filter((s) => s.kind === 'website');
    expect(website.map((s) => s.term)).toEqual(['initech-oss', 'initech oss', 'initechoss']);
    expect(website[0]!.from).toBe('the website https://github.com/initech-oss: its owner on github.com');
    expect(secretsOf(2).map((s) => s.folded)).not.toContain('github.com');
    expect(secretsOf(2).map((s) => s.folded)).not.toContain('github');
  });

  it('everyone recorded under the organization, interviewed or not, with every part of their names', () => {
    const people = secretsOf(2).filter((s) => s.person);
    expect(new Set(people.map((s) => s.person))).toEqual(new Set(['Bo Tester', 'Priya van der Sample', 'Dee Candidate']));
    expect(people.map((s) => [s.kind, s.term])).toEqual(
      expect.arrayContaining([
        ['person', 'Priya van der Sample'],
        ['given-name', 'Priya'],
        ['surname', 'Sample'],
        ['person', 'Dee Candidate'],
        ['given-name', 'Dee'],
        ['surname', 'Candidate'],
        ['surname', 'Tester'],
      ]),
    );
    expect(people.map((s) => s.term)).not.toContain('van');
    expect(people.map((s) => s.term)).not.toContain('der');
    // "Bo" has two letters: a given name that short is a secret only in the full name.
    expect(people.map((s) => s.term)).not.toContain('Bo');
    expect(people.find((s) => s.term === 'Priya')?.from).toBe('Priya van der Sample: a given name');
  });

  it('their e-mail addresses, and the domain unless it is a public mail provider', () => {
    const mail = secretsOf(2).filter((s) => s.kind === 'email' || s.kind === 'email-domain');
    expect(mail.map((s) => [s.kind, s.term])).toEqual([
      ['email', 'bo@initech.example'],
      ['email-domain', 'initech.example'],
      ['email', 'priya@initech.example'],
      ['email', 'dee.candidate@gmail.com'],
    ]);
    expect(secretsOf(2).map((s) => s.folded)).not.toContain('gmail.com');
  });

  it('each folded term once per adopter: the first derivation is the one kept', () => {
    const folded = secretsOf(2).map((s) => s.folded);
    expect(new Set(folded).size).toBe(folded.length);
    // "initech" is the organization's word before it is the e-mail domain's label.
    expect(secretsOf(2).find((s) => s.folded === 'initech')?.kind).toBe('variant');
  });
});

describe('a named adopter', () => {
  it('protects only its anonymous interviewee: name, parts and address — not the organization’s domain', () => {
    const secrets = secretsOf(1);
    expect(secrets.map((s) => [s.kind, s.term])).toEqual([
      ['person', 'Cyrus Hidden'],
      ['given-name', 'Cyrus'],
      ['surname', 'Hidden'],
      ['email', 'cyrus@acme.example'],
    ]);
  });
});

describe('a given name the section prints anyway', () => {
  it('is not a secret alone when a named interviewee shares it; the rest of the name still is', () => {
    const shared = data('Ada Example and Ada from the platform team set it up.');
    shared.adopters[1]!.organization.people.push({ name: 'Ada Quill', email: null });
    const terms = collectSecrets(shared).filter((s) => s.adopterNumber === 2 && s.person === 'Ada Quill');
    expect(terms.map((s) => [s.kind, s.term])).toEqual([
      ['person', 'Ada Quill'],
      ['surname', 'Quill'],
    ]);
    expect(() => publishAdoptionSection(shared)).not.toThrow();
    shared.adopters[0]!.interviews[0]!.summary = 'Quill set it up.';
    expect(() => publishAdoptionSection(shared)).toThrow(DeskError);
  });
});

describe('SECRET_KIND_WORDS', () => {
  it('names every kind, and the refusal reads with it', () => {
    const kinds: SecretKind[] = ['organization', 'alias', 'variant', 'website', 'person', 'surname', 'given-name', 'email', 'email-domain'];
    expect(Object.keys(SECRET_KIND_WORDS).sort()).toEqual([...kinds].sort());
    const hit: LeakHit = { term: 'Initech', kind: 'variant', adopterNumber: 2, part: 'markdown', line: 3, column: 1, entryNumber: 1, excerpt: 'Initech' };
    expect(describeLeak(hit)).toBe("'Initech', a way of writing the name of Adopter 2, in Adopter 1's entry, line 3");
    expect(describeLeak({ ...hit, term: 'Priya', kind: 'given-name', person: 'Priya van der Sample' })).toBe(
      "'Priya' (Priya van der Sample), a given name of a person of Adopter 2, in Adopter 1's entry, line 3",
    );
  });
});

describe('through the export', () => {
  it.each([
    ['the leading distinctive word', 'Acme learned it from Initech.'],
    ['the name without its legal form', 'Acme learned it from Global Initech Cloud.'],
    ['the GitHub organization', 'See github.com/initech-oss for the operator.'],
    ['a contact never interviewed', 'Priya van der Sample introduced us.'],
    ['a contact’s given name', 'Priya introduced us.'],
    ['a contact’s family name', 'Ms. Sample introduced us.'],
    ['a candidate’s contact', 'Dee Candidate introduced us.'],
    ['the e-mail domain', 'Mail arrives from initech.example.'],
    ['a public-mail address itself', 'Write to dee.candidate@gmail.com.'],
    ['an anonymous interviewee’s given name', 'Cyrus set it up.'],
  ])('refuses %s', (_label, acme) => {
    expect(outcome(acme)).toBe('LEAK_DETECTED');
  });

  it.each([
    ['github.com', 'Acme keeps its charts on github.com and its images on hub.docker.com.'],
    ['gmail.com', 'Acme’s contractors write from gmail.com addresses.'],
    ['generic words', 'The Global Cloud team runs it; cloud costs fell across the global fleet.'],
    ['the named organization’s own domain', 'Acme publishes its notes on acme.example.'],
    ['the two-letter given name alone', 'Bo is not a word anyone here uses, and nor is van or der.'],
  ])('publishes a named adopter’s text mentioning %s', (_label, acme) => {
    expect(outcome(acme)).toBe('published');
  });
});
