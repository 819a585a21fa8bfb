import { describe, expect, it } from 'vitest';
import { misspellingsOf, namesToSpell } from '../../../templates/adoption/misspellings';
import { consistencyWarnings } from '../../../templates/adoption/warnings';
import { adopter, interview, publication } from '../../fixtures/publication';

/** What the check reports for one organization and one summary: "written → name". */
const slips = (org: { name: string; aliases?: string[] }, summary: string) =>
  misspellingsOf(summary, namesToSpell({ name: org.name, aliases: org.aliases ?? [] })).map((m) => `${m.written} → ${m.name.name}`);

const misspelled = (org: { name: string; aliases?: string[] }, summary: string) =>
  consistencyWarnings(publication([adopter(1, { org: { aliases: [], ...org }, interviews: [interview({ summary })] }), adopter(2), adopter(3)]))
    .filter((w) => w.code === 'MISSPELLED_NAME')
    .map((w) => w.message);

describe('misspellings of an organization’s names', () => {
  it('never splits a multi-word name: an ordinary word a letter from one of its words is no misspelling', () => {
    const org = { name: 'Quillfeather Logistics', aliases: ['Harbor Pilot'] };
    for (const summary of [
      'The logistic team moved every service onto the mesh.',
      'Logistical work, a harbour of calm, a pilot project, the pilots agreed.',
      'Quillfeathers are birds; the logistics of it are simple.',
    ]) {
      expect(slips(org, summary), summary).toEqual([]);
    }
  });

  it('compares a whole phrase with a whole name, runs of words together and a word split in two', () => {
    const org = { name: 'Quillfeather Logistics', aliases: ['Harbor Pilot'] };
    expect(slips(org, 'Quilfeather Logistics runs it.')).toEqual(['Quilfeather Logistics → Quillfeather Logistics']);
    expect(slips(org, 'QuillfeatherLogistics runs it.')).toEqual(['QuillfeatherLogistics → Quillfeather Logistics']);
    expect(slips(org, 'Their Harbour Pilot product runs it.')).toEqual(['Harbour Pilot → Harbor Pilot']);
    expect(slips({ name: 'Zentrovia' }, 'Zentro via runs it.')).toEqual(['Zentro via → Zentrovia']);
  });

  it('a name written right, with its hyphen, possessive or in any case, is no misspelling, nor is the word after it', () => {
    const org = { name: 'Quillfeather Logistics' };
    for (const summary of [
      'Quillfeather Logistics runs it.',
      'Quillfeather-Logistics runs it.',
      'QUILLFEATHER LOGISTICS’s platform team runs it.',
      'Quillfeather Logistics a year ago moved.',
      'We met Quillfeather Logistics in 2023.',
    ]) {
      expect(slips(org, summary), summary).toEqual([]);
    }
  });

  it('reads letters as the guard does: accents and look-alikes are no slip, a real slip beside them is', () => {
    expect(slips({ name: 'Zentrovia' }, 'Zëntrovia and ZENTROVİA run it.')).toEqual([]);
    expect(slips({ name: 'Zentrovia' }, 'Zëntrovai runs it.')).toEqual(['Zëntrovai → Zentrovia']);
  });

  it('one slip in a name of up to six letters, two beyond; names under five letters are left alone', () => {
    expect(slips({ name: 'Brondo' }, 'Brando and Brnado use it.')).toEqual(['Brando → Brondo']);
    expect(slips({ name: 'Zentrovia' }, 'Zentorvia and Zentrovai and Zemtrowyx use it.')).toEqual(['Zentorvia → Zentrovia', 'Zentrovai → Zentrovia']);
    expect(slips({ name: 'Oxo' }, 'Oxa and oxen.')).toEqual([]);
  });

  it('counts the name without its legal form while it keeps two words', () => {
    expect(slips({ name: 'Quillfeather Logistics Ltd' }, 'Quilfeather Logistics moved.')).toEqual(['Quilfeather Logistics → Quillfeather Logistics']);
    // "Brondo Group" without "Group" is one word: not compared ("Brando" is a surname).
    expect(slips({ name: 'Brondo Group' }, 'Brando moved.')).toEqual([]);
  });

  it('the warning names the name it compared with: the organization, another of its names, or the name without its legal form', () => {
    expect(misspelled({ name: 'Quillfeather Logistics', aliases: ['Harbor Pilot'] }, 'Quilfeather Logistics and its Harbour Pilot.')).toEqual([
      'Adopter 1\'s summary writes "Harbour Pilot"; is that a misspelling of "Harbor Pilot", another name of Quillfeather Logistics?',
      'Adopter 1\'s summary writes "Quilfeather Logistics"; is that a misspelling of "Quillfeather Logistics"?',
    ]);
    expect(misspelled({ name: 'Quillfeather Logistics Ltd' }, 'Quilfeather Logistics moved.')).toEqual([
      'Adopter 1\'s summary writes "Quilfeather Logistics"; is that a misspelling of "Quillfeather Logistics", “Quillfeather Logistics Ltd” without “Ltd”?',
    ]);
  });

  it('reports each phrase once, against the closest name', () => {
    const found = misspellingsOf('Zentrovya', namesToSpell({ name: 'Zentrovia', aliases: ['Zentrovy Labs', 'Zentrovya Cloud'] }));
    expect(found.map((m) => [m.written, m.name.name, m.distance])).toEqual([['Zentrovya', 'Zentrovia', 1]]);
  });
});
