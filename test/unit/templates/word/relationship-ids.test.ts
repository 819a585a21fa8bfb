import { describe, expect, it } from 'vitest';
import { publishAdoptionDocx } from '../../../../templates/word/publish-docx';
import { renumberRelationshipIds } from '../../../../templates/word/relationship-ids';
import { adopter, interview, publication } from '../../../fixtures/publication';
import { paragraphs, partsOf, relationships } from './docx-inspect';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (...entries: [id: string, type: string, target: string][]) =>
  `<Relationships>${entries.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join('')}</Relationships>`;

/** The ids a part refers to, in the order they first appear. */
const referenced = (xml: string) => [...new Set([...xml.matchAll(/\br:\w+="([^"]*)"/g)].map((m) => m[1]!))];

describe('relationship ids', () => {
  it('are renumbered rId1…rIdN per source part: first the ids the part uses, in order, then the ones only its .rels names', () => {
    const parts = new Map([
      [
        'word/document.xml',
        '<w:body><w:hyperlink r:id="rIdzz9"/><w:hyperlink r:id="rIdaa1"/><w:hyperlink r:id="rIdzz9"/><w:x r:id="rIdGone"/>' +
          '<w:sectPr><w:footerReference w:type="default" r:id="rId7"/></w:sectPr></w:body>',
      ],
      ['word/_rels/document.xml.rels', rels(['rId1', 'styles', 'styles.xml'], ['rId7', 'footer', 'footer1.xml'], ['rIdaa1', 'hyperlink', 'https://a.example'], ['rIdzz9', 'hyperlink', 'https://z.example'], ['rId10', 'fontTable', 'fontTable.xml'])],
      ['word/header1.xml', '<w:hdr><w:drawing r:embed="rIdq"/></w:hdr>'],
      ['word/_rels/header1.xml.rels', rels(['rIdq', 'image', 'media/a.png'])],
      ['_rels/.rels', rels(['rId1', 'officeDocument', 'word/document.xml'])],
    ]);
    expect(renumberRelationshipIds(parts).sort()).toEqual(['word/_rels/document.xml.rels', 'word/_rels/header1.xml.rels', 'word/document.xml', 'word/header1.xml']);
    expect(parts.get('word/document.xml')).toBe(
      '<w:body><w:hyperlink r:id="rId1"/><w:hyperlink r:id="rId2"/><w:hyperlink r:id="rId1"/><w:x r:id="rIdGone"/>' +
        '<w:sectPr><w:footerReference w:type="default" r:id="rId3"/></w:sectPr></w:body>',
    );
    const documentRels = relationships(parts.get('word/_rels/document.xml.rels')!);
    expect([...documentRels].map(([id, r]) => [id, r.target])).toEqual([
      ['rId4', 'styles.xml'],
      ['rId3', 'footer1.xml'],
      ['rId2', 'https://a.example'],
      ['rId1', 'https://z.example'],
      ['rId5', 'fontTable.xml'],
    ]);
    // A header's ids are its own: they start again at rId1.
    expect(parts.get('word/header1.xml')).toBe('<w:hdr><w:drawing r:embed="rId1"/></w:hdr>');
    expect([...relationships(parts.get('word/_rels/header1.xml.rels')!).keys()]).toEqual(['rId1']);
    expect(parts.get('_rels/.rels')).toBe(rels(['rId1', 'officeDocument', 'word/document.xml']));
  });

  it('in an exported document: rId1…rIdN, the document’s links and footer first, in the order a reader meets them', async () => {
    const links = ['https://b.example/one', 'https://a.example/two', 'https://b.example/one', 'mailto:team@c.example', 'https://d.example/#section'];
    const summary = links.map((link, i) => `Step ${i + 1}: [read this](${link}).`).join('\n\n');
    const data = publication([adopter(1, { interviews: [interview({ summary })] })]);
    const bytes = (await publishAdoptionDocx(data, {}, { authorName: '', pageSize: 'a4' })).bytes;
    const parts = partsOf(bytes);
    const ids = referenced(parts.get('word/document.xml')!);
    const declared = relationships(parts.get('word/_rels/document.xml.rels')!);
    // Every link is its own relationship (docx writes one per hyperlink), then the footer.
    expect(ids).toEqual(Array.from({ length: links.length + 1 }, (_, i) => `rId${i + 1}`));
    expect([...declared.keys()].sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)))).toEqual(Array.from({ length: declared.size }, (_, i) => `rId${i + 1}`));
    expect(declared.get(`rId${links.length + 1}`)).toMatchObject({ type: 'footer' });
    expect(paragraphs(bytes).flatMap((p) => p.runs.filter((r) => r.link).map((r) => r.link))).toEqual(links);
  });
});
