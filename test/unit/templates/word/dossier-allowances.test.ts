import { describe, expect, it } from 'vitest';
import { dossierDocx } from '../../../../templates/word/dossier-docx';
import { dossierData } from './document-fixtures';
import { normalize, paragraphs } from './docx-inspect';

const A4 = { authorName: '', pageSize: 'a4' as const };

/** The paragraphs of one adopter's part of the dossier: from its heading to the next adopter's. */
async function adopterPart(data: ReturnType<typeof dossierData>, heading: RegExp) {
  const all = paragraphs((await dossierDocx(data, A4)).bytes).map((p) => ({ style: p.style, text: normalize(p.text) }));
  const start = all.findIndex((p) => p.style === 'Heading2' && heading.test(p.text));
  const end = all.findIndex((p, i) => i > start && p.style === 'Heading2');
  return all.slice(start, end < 0 ? undefined : end);
}

describe('the TOC dossier records what was released from the anonymity guard', () => {
  it('lists every allowance of an adopter under it: the term, where it applies, and the note', async () => {
    const data = dossierData();
    const initech = data.adopters.find((a) => a.organization.name === 'Initech')!;
    initech.allowances = [
      { term: 'payment', entryNumber: initech.number, note: 'the word, not the product' },
      { term: 'Initrode', entryNumber: 5, note: 'the river in Adopter 5’s summary' },
      { term: 'beacon', entryNumber: null, note: '' },
    ];
    const part = await adopterPart(data, /^Adopter 2 - Initech/);
    const at = part.findIndex((p) => p.text === 'Released from the anonymity guard:');
    expect(at).toBeGreaterThan(0);
    expect(part.slice(at + 1, at + 4).map((p) => p.text)).toEqual([
      '“payment”, only in its own entry: the word, not the product',
      '“Initrode”, only in Adopter 5\'s entry: the river in Adopter 5’s summary',
      '“beacon”, everywhere (no note)',
    ]);
    // A list, so each allowance reads as its own item.
    expect(part[at + 1]!.style).toBe('ListParagraph');
  });

  it('says nothing about allowances for an adopter that has none', async () => {
    const part = await adopterPart(dossierData(), /^Adopter 2 - Initech/);
    expect(part.some((p) => p.text.includes('anonymity guard'))).toBe(false);
  });
});
