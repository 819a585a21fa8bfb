import { describe, expect, it } from 'vitest';
import { personNameTerms } from '../../../../templates/guard/person-parts';

const terms = (name: string) => personNameTerms(name).map((t) => t.term);
const kinds = (name: string) => Object.fromEntries(personNameTerms(name).map((t) => [t.term, t.kind]));

describe('the parts of a person’s name', () => {
  it('"Ada van der Berg" gives the full name, "Berg" and "Ada" — not "van" or "der"', () => {
    expect(personNameTerms('Ada van der Berg')).toEqual([
      { term: 'Ada van der Berg', kind: 'person', from: 'the recorded name' },
      { term: 'Ada', kind: 'given-name', from: 'a given name' },
      { term: 'Berg', kind: 'surname', from: 'the family name' },
    ]);
  });

  it.each([
    ['Ada von Example', ['von']],
    ['Ada de la Example', ['de', 'la']],
    ['Ada da Example', ['da']],
    ['Ada di Example', ['di']],
    ['Ada du Example', ['du']],
    ['Ada del Example', ['del']],
    ['Ada della Example', ['della']],
    ['Ada le Example', ['le']],
    ['Ada van den Example', ['van', 'den']],
    ['Omar bin Example', ['bin']],
    ['Omar ibn Example', ['ibn']],
    ['Omar al Example', ['al']],
    ['Omar el Example', ['el']],
  ])('particles are never parts: %s', (name, particles) => {
    const all = terms(name).map((t) => t.toLowerCase());
    expect(all).toContain('example');
    for (const p of particles) expect(all).not.toContain(p);
  });

  it.each([
    ['Mr. Ada Example', 'Mr.'],
    ['Mrs Ada Example', 'Mrs'],
    ['Ms. Ada Example', 'Ms.'],
    ['Dr. Ada Example', 'Dr.'],
    ['Prof. Ada Example', 'Prof.'],
  ])('titles are not parts, and the name is also guarded without them: %s', (name, title) => {
    expect(terms(name)).toEqual([name, 'Ada Example', 'Ada', 'Example']);
    expect(terms(name)).not.toContain(title);
  });

  it.each([
    ['Ada Example Jr.', 'Jr.'],
    ['Ada Example Sr.', 'Sr.'],
    ['Ada Example II', 'II'],
    ['Ada Example III', 'III'],
    ['Ada Example IV', 'IV'],
    ['Ada Example, PhD', 'PhD'],
    ['Ada Example MD', 'MD'],
    ['Ada Example, Esq.', 'Esq.'],
  ])('suffixes are not surnames: %s', (name, suffix) => {
    expect(kinds(name)).toMatchObject({ Example: 'surname', Ada: 'given-name', 'Ada Example': 'person' });
    expect(terms(name)).not.toContain(suffix);
    expect(terms(name).map((t) => t.replace(/[.,]/g, ''))).not.toContain(suffix.replace(/[.,]/g, ''));
  });

  it('a hyphenated family name gives the whole and each part', () => {
    expect(kinds('Ada Berg-Example')).toEqual({ 'Ada Berg-Example': 'person', Ada: 'given-name', 'Berg-Example': 'surname', Berg: 'surname', Example: 'surname' });
  });

  it('a hyphenated given name gives the whole and each part of three letters or more', () => {
    expect(terms('Jo-Ann Example')).toEqual(['Jo-Ann Example', 'Jo-Ann', 'Ann', 'Example']);
  });

  it('family name first: every part is a secret anyway', () => {
    expect(terms('Tanaka Hiroshi')).toEqual(expect.arrayContaining(['Tanaka Hiroshi', 'Tanaka', 'Hiroshi']));
  });

  it('family name first with a comma: the name is also guarded given name first', () => {
    expect(kinds('Example, Ada')).toEqual({ 'Example, Ada': 'person', 'Ada Example': 'person', 'Example Ada': 'person', Example: 'surname', Ada: 'given-name' });
  });

  it('a family name written in capitals is the family name, even first', () => {
    expect(kinds('LI Wei')).toEqual({ 'LI Wei': 'person', LI: 'surname', Wei: 'given-name' });
  });

  it('given names count from three letters; the family name from two', () => {
    expect(terms('Bo Sample')).toEqual(['Bo Sample', 'Sample']);
    expect(terms('Wei Li')).toEqual(['Wei Li', 'Wei', 'Li']);
    expect(terms('Ada Ng')).toEqual(['Ada Ng', 'Ada', 'Ng']);
  });

  it('initials are never secrets alone, and the name is guarded without them', () => {
    const all = terms('Ada M. J. Example');
    expect(all).toEqual(['Ada M. J. Example', 'Ada Example', 'Ada', 'Example']);
    expect(terms('A. Example')).toEqual(['A. Example', 'Example']);
    expect(terms('J.R. Example')).toEqual(['J.R. Example', 'Example']);
  });

  it('middle names count; the name is guarded as first given name + family name', () => {
    expect(terms('Ada Maria Example')).toEqual(['Ada Maria Example', 'Ada Example', 'Ada', 'Maria', 'Example']);
    expect(terms('Ada Maria van der Berg')).toEqual(expect.arrayContaining(['Ada van der Berg', 'Maria', 'Berg']));
  });

  it('given names that are everyday words count only inside the full name', () => {
    expect(terms('Will Example')).toEqual(['Will Example', 'Example']);
    expect(terms('May Example')).toEqual(['May Example', 'Example']);
    expect(terms('Mark Example')).toEqual(['Mark Example', 'Example']);
  });

  it('a nickname in parentheses or quotes counts as a given name', () => {
    expect(terms('Robert (Robbie) Example')).toEqual(expect.arrayContaining(['Robert (Robbie) Example', 'Robert Example', 'Robbie', 'Robert', 'Example']));
    expect(terms('Robert "Robbie" Example')).toContain('Robbie');
  });

  it('a name of one word is guarded as it is, with no parts', () => {
    expect(personNameTerms('Ada')).toEqual([{ term: 'Ada', kind: 'person', from: 'the recorded name' }]);
    expect(terms('Anon 1')).toEqual(['Anon 1']);
    expect(personNameTerms('   ')).toEqual([]);
  });

  it('"Ma" begins a name as a family name, though "MA" ends one as a degree', () => {
    expect(terms('Ma Long')).toContain('Long');
    expect(terms('Ada Example MA')).not.toContain('MA');
  });
});
