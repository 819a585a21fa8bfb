import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../domain/errors';
import { CURRENT_QUESTION_SET, questionSet } from '../../../../domain/questions';
import { dossierDocx } from '../../../../templates/word/dossier-docx';
import { scanDocxPackage } from '../../../../templates/word/guard';
import { notesDocx } from '../../../../templates/word/notes-docx';
import { publishAdoptionDocx } from '../../../../templates/word/publish-docx';
import { reviewDocx } from '../../../../templates/word/review-docx';
import { goldenPublication } from '../../../fixtures/publication';
import { dossierData, notesData } from './document-fixtures';
import { childElements, normalize, paragraphs, part, partsOf, relationships } from './docx-inspect';

const A4 = { authorName: '', pageSize: 'a4' as const };
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const texts = (bytes: Uint8Array) => paragraphs(bytes).map((p) => normalize(p.text));

describe('the review copy (one adopter)', () => {
  it('holds what the adopter approves: project, level, date, the entry as it will be published, quotes, due date, instruction', async () => {
    const data = goldenPublication();
    data.adopters[0]!.interviews[0]!.quotes = [
      { text: 'Upgrades are boring, which is good.', speaker: 'Ada Example', approved: false },
      { text: 'We sleep at night.', speaker: null, approved: true },
    ];
    const file = await reviewDocx(data, 1, A4);
    expect(file.fileName).toBe('globex-mesh-adopter-1-review.docx');
    const t = texts(file.bytes);
    expect(t).toContain('Project: Globex Mesh');
    expect(t).toContain('Level applied for: Incubation');
    expect(t).toContain('Adopter: Adopter 1 - Globex');
    expect(t).toContain('Interview date: 17 September 2024');
    expect(t).toContain('Sent on: 20 September 2024');
    expect(t).toContain('Please reply by: 4 October 2024'); // sent + 14 days
    expect(t.some((x) => x.includes('Please reply by 4 October 2024 to approve it as it stands'))).toBe(true);
    expect(t).toContain('“Upgrades are boring, which is good.” — Ada Example');
    expect(t).toContain('“We sleep at night.”');
    // The entry, word for word as the public document prints it (from its heading on).
    const published = texts((await publishAdoptionDocx(data, {}, A4)).bytes);
    const entry = published.slice(published.indexOf('Adopter 1 - Globex/Finance'), published.indexOf('Adopter 2 - Anonymous Retail'));
    const at = t.indexOf('Adopter 1 - Globex/Finance');
    expect(t.slice(at, at + entry.length)).toEqual(entry);
    expect(paragraphs(file.bytes)[at]!.style).toBe('Heading2');
    expect(part(file.bytes, 'docProps/core.xml')).toContain('<dc:title>Globex Mesh: your interview summary for approval (Adopter 1)</dc:title>');
  });

  it('shows an anonymous adopter its anonymous label, and may name it (it goes to them)', async () => {
    const t = texts((await reviewDocx(goldenPublication(), 2, A4)).bytes);
    expect(t).toContain('Adopter 2 - Anonymous Retail');
    expect(t).toContain('Adopter and organization are anonymous OCTOBER 2024');
    expect(t).toContain('Adopter: Adopter 2 - Initech (published as “Anonymous Retail”)');
    expect(t.some((x) => x.startsWith('Your organization is not named: the entry is published as “Anonymous Retail”'))).toBe(true);
  });

  it('without a sent date asks for an answer within 14 days; refuses an adopter without a summary or number', async () => {
    const data = goldenPublication();
    data.adopters[0]!.interviews[0]!.summarySentAt = null;
    expect(texts((await reviewDocx(data, 1, A4)).bytes)).toContain('Please reply by: 14 days after you receive this');
    data.adopters[0]!.interviews[0]!.summary = '';
    await expect(reviewDocx(data, 1, A4)).rejects.toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    await expect(reviewDocx(data, 99, A4)).rejects.toThrow(DeskError);
  });
});

describe('the TOC dossier (confidential)', () => {
  it('says CONFIDENTIAL — TOC only in the header of every page and in the title', async () => {
    const file = await dossierDocx(dossierData(), A4);
    expect(file.fileName).toBe('globex-mesh-toc-dossier-confidential.docx');
    expect(part(file.bytes, 'word/header1.xml')).toContain('CONFIDENTIAL — TOC only');
    // One default header and no first-page or even-page variant: it is on every page.
    const sect = /<w:sectPr>(.*?)<\/w:sectPr>/.exec(part(file.bytes, 'word/document.xml'))![1]!;
    const headers = [...sect.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)];
    expect(headers.map((h) => h[1])).toEqual(['default']);
    expect(relationships(part(file.bytes, 'word/_rels/document.xml.rels')).get(headers[0]![2]!)).toMatchObject({ type: 'header', target: 'header1.xml' });
    expect(sect).not.toContain('titlePg');
    expect(part(file.bytes, 'word/settings.xml')).not.toMatch(/<w:evenAndOddHeaders(?! w:val="(false|0)")/);
    expect(part(file.bytes, 'docProps/core.xml')).toContain('<dc:title>CONFIDENTIAL — TOC only: Globex Mesh adoption dossier</dc:title>');
  });

  it('names every adopter, the anonymous ones too, with dates, interviewers, levels, stages, approvals, criteria and warnings', async () => {
    const data = dossierData();
    data.adopters[0]!.interviews[0]!.participants[0]!.maintainer = true; // a warning
    const t = texts((await dossierDocx(data, A4)).bytes);
    expect(t).toContain('Adopter 2 - Initech (anonymous)');
    expect(t).toContain('Published as: Adopter 2 - Anonymous Retail');
    expect(t).toContain('Organization: Initech · Retail · also known as Initrode · https://initech.example');
    expect(t).toContain('Interviewees: Bo Sample (SRE, bo.sample@initech.example)');
    expect(t).toContain('Interviewees: Cy Hidden (anonymous)');
    expect(t).toContain('Interview of 2024-10-03');
    expect(t).toContain('Interviewers: Rae Reviewer');
    expect(t).toContain('Usage level: Pre-production');
    expect(t).toContain('Stage: Approved');
    expect(t).toContain('Stage dates: Candidate 2024-08-01, Interviewed 2024-09-17, Approved 2024-10-01');
    expect(t).toContain('Summary sent: 2024-09-20 (approval due 2024-10-04)');
    expect(t).toContain('Approved: 2024-10-01');
    expect(t).toContain('Quotes: 1 (1 approved)');
    expect(t).toContain(
      '☒ Used in appropriate capacity by at least 3 independent + indirect/direct adopters, (these are not required to be in the publicly documented list of adopters)',
    );
    expect(t.some((x) => x.startsWith('7 of 7 adopters are independent, interviewed, approved and in dev/test or beyond use'))).toBe(true);
    expect(t).toContain('Ada Example of Adopter 1 is a maintainer of the project; the TOC asks for operational users.');
    expect(t).toContain('An interview of Adopter 6 has no month; the entry will show no date.');
    const headings = paragraphs((await dossierDocx(data, A4)).bytes).filter((p) => p.style?.startsWith('Heading'));
    expect(headings.slice(0, 4).map((h) => [h.style, h.text])).toEqual([
      ['Heading1', 'Criteria'],
      ['Heading1', 'Warnings'],
      ['Heading1', 'Adopters'],
      ['Heading2', 'Adopter 1 - Globex'],
    ]);
  });

  it('would be refused by the anonymity guard: it is never public', async () => {
    const data = dossierData();
    const report = await scanDocxPackage((await dossierDocx(data, A4)).bytes, data);
    expect(report.leaks.map((l) => l.term)).toEqual(expect.arrayContaining(['Initech', 'Bo Sample', 'Cy Hidden']));
  });
});

describe('the interview notes', () => {
  it('lays the interview out as the TOC question list, each question with its notes', async () => {
    const file = await notesDocx(
      notesData([
        { questionKey: 'q1', text: 'Two years.\n\n- sidecar **everywhere**', updatedAt: '2024-10-06T10:00:00.000Z' },
        { questionKey: 'q13', text: 'Simple upgrades.', updatedAt: '2024-10-03T10:00:00.000Z' },
        { questionKey: 'legacy-key', text: 'From an older list.', updatedAt: '2024-10-03T10:00:00.000Z' },
      ]),
      A4,
    );
    expect(file.fileName).toBe('globex-mesh-adopter-2-interview-2024-10-03-notes.docx');
    const ps = paragraphs(file.bytes);
    const t = ps.map((p) => normalize(p.text));
    expect(t[0]).toBe('Interview notes: Adopter 2 - Initech');
    expect(t).toContain('Date: 3 October 2024');
    expect(t).toContain('Duration: 45 minutes');
    expect(t).toContain('Interviewees: Bo Sample, SRE');
    const set = questionSet(CURRENT_QUESTION_SET)!;
    const questionHeadings = ps.filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(questionHeadings.slice(0, 14)).toEqual(set.questions.filter((q) => !q.survey).map((q, i) => `${i + 1}. ${q.title}`));
    expect(questionHeadings.slice(14, 17)).toEqual(set.questions.filter((q) => q.survey).map((q, i) => `M${i + 1}. ${q.title}`));
    const q1 = t.indexOf('1. Time in use');
    expect(t.slice(q1, q1 + 4)).toEqual(['1. Time in use', 'Q: How long has your organization been using the project?', 'Two years.', 'sidecar everywhere']);
    expect(ps[q1 + 3]!.list).toMatchObject({ format: 'bullet' });
    expect(t[t.indexOf('2. Motivation and features') + 2]).toBe('No notes.');
    expect(t).toContain('legacy-key');
    expect(t).toContain('From an older list.');
    expect(t).toContain('Follow up on multi-cluster.');
    expect(t).toContain('“Upgrades are boring, which is good.” — Bo Sample (approved)');
    expect(t).toContain('Adopter 2 uses the project in pre-production for its store backends.');
    // The latest edit in the data dates the document.
    expect(part(file.bytes, 'docProps/core.xml')).toContain('2024-10-06T10:00:00Z');
  });
});

describe('all four documents', () => {
  const all = async () => {
    const data = goldenPublication();
    return {
      adoption: (await publishAdoptionDocx(data, {}, A4)).bytes,
      review: (await reviewDocx(data, 1, A4)).bytes,
      dossier: (await dossierDocx(dossierData(), A4)).bytes,
      notes: (await notesDocx(notesData(), A4)).bytes,
    };
  };

  it('have page numbers, a title, no author by default, and the same bytes every time', async () => {
    const first = await all();
    const again = await all();
    for (const [name, bytes] of Object.entries(first)) {
      const parts = partsOf(bytes);
      expect(parts.get('word/footer1.xml'), name).toMatch(/<w:instrText[^>]*>\s*PAGE\s*</);
      expect(childElements(parts.get('docProps/core.xml')!), name).toEqual(['dc:title', 'dcterms:created', 'dcterms:modified']);
      for (const text of parts.values()) expect(text, name).not.toContain('Un-named');
      expect(sha(bytes), name).toBe(sha(again[name as keyof typeof again]));
    }
  });

  it('carry the author and the page size from the settings', async () => {
    const data = goldenPublication();
    const letter = { authorName: 'Rae Reviewer', pageSize: 'letter' as const };
    for (const bytes of [(await reviewDocx(data, 1, letter)).bytes, (await dossierDocx(dossierData(), letter)).bytes, (await notesDocx(notesData(), letter)).bytes]) {
      expect(part(bytes, 'docProps/core.xml')).toContain('<dc:creator>Rae Reviewer</dc:creator>');
      expect(part(bytes, 'word/document.xml')).toMatch(/<w:pgSz w:w="12240" w:h="15840"[ />]/);
    }
  });
});
