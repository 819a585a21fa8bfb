import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../services/contract';
import { dispatch } from '../../../services/dispatch';
import { openDesk } from '../../../services/desk';
import type { DocumentFile } from '../../../services/views';
import { freshDesk } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';
import { normalize, paragraphs, part } from '../templates/word/docx-inspect';

const bytesOf = (file: DocumentFile) => Buffer.from(file.base64, 'base64');
const textsOf = (file: DocumentFile) => paragraphs(bytesOf(file)).map((p) => normalize(p.text));
const sha = (file: DocumentFile) => createHash('sha256').update(bytesOf(file)).digest('hex');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('Word documents from the store', () => {
  it('exports the public Adoption section: the same entries as the Markdown export, the same bytes twice', async () => {
    const { services } = freshDesk();
    const { project } = await seedGlobexMesh(services);
    const file = await services.exportAdoptionDocx({ projectId: project.id });
    expect(file).toMatchObject({ fileName: 'globex-mesh-adoption.docx', mimeType: DOCX });
    const texts = textsOf(file);
    expect(texts).toContain('Adopter 2 - Anonymous Finance');
    expect(texts).toContain('Adopter and organization are anonymous JULY 2024');
    expect(texts.join('\n')).not.toMatch(/Initech|Initrode|Bo Sample|Cy Hidden|Hooli/);
    const markdown = (await services.exportAdoptionMarkdown({ projectId: project.id })).markdown;
    const headings = [...markdown.matchAll(/^##### (.*)$/gm)].map((m) => m[1]);
    expect(paragraphs(bytesOf(file)).filter((p) => p.style === 'Heading5').map((p) => p.text)).toEqual(headings);
    expect(sha(await services.exportAdoptionDocx({ projectId: project.id }))).toBe(sha(file));
  });

  it('refuses the Word export too when an anonymous adopter is named, drafts or not', async () => {
    const { services } = freshDesk();
    const { project, adopters } = await seedGlobexMesh(services);
    const interview = (await services.getInterview({ id: adopters[0]!.interview.id })).interview;
    await services.updateInterview({ id: interview.id, version: interview.version, summary: 'Acme Corp heard about it from [a talk](https://initech.example/talks).' });
    for (const input of [{ projectId: project.id }, { projectId: project.id, includeDrafts: true, typography: true }]) {
      const refused = await dispatch(services, 'exportAdoptionDocx', input);
      expect(refused).toMatchObject({ ok: false, error: { code: 'LEAK_DETECTED' } });
      if (!refused.ok) expect((refused.error.details as { leaks: { part: string }[] }).leaks[0]!.part).toBe('word/_rels/document.xml.rels (attributes)');
    }
  });

  it('only the Adoption section is a public operation; the review copy, dossier and notes are private', () => {
    expect((contract.exportAdoptionDocx as { public?: true }).public).toBe(true);
    for (const name of ['exportReviewDocx', 'exportDossierDocx', 'exportNotesDocx'] as const) expect((contract[name] as { public?: true }).public).toBeUndefined();
  });

  it('the review copy, the dossier and the notes of the seeded DD', async () => {
    const { services } = freshDesk();
    const { project, adopters } = await seedGlobexMesh(services);
    const review = await services.exportReviewDocx({ projectId: project.id, adopterNumber: 2 });
    expect(review.fileName).toBe('globex-mesh-adopter-2-review.docx');
    expect(textsOf(review)).toContain('Adopter: Adopter 2 - Initech (published as “Anonymous Finance”)');
    expect(textsOf(review)).toContain('Please reply by: 4 August 2024'); // sent 2024-07-21 + 14 days

    const dossier = await services.exportDossierDocx({ projectId: project.id });
    const d = textsOf(dossier);
    expect(d).toContain('Adopter 2 - Initech (anonymous)');
    expect(d).toContain('Adopter 5 - Hooli');
    expect(d).toContain('Stage: Declined');
    expect(d.some((x) => /^Stage dates: Candidate \d{4}-\d{2}-\d{2}, Declined 2024-06-01$/.test(x))).toBe(true);
    expect(part(bytesOf(dossier), 'word/header1.xml')).toContain('CONFIDENTIAL — TOC only');

    await services.setAnswer({ interviewId: adopters[2]!.interview.id, questionKey: 'q4', text: 'Pre-production, 40 services.', version: null });
    const notes = await services.exportNotesDocx({ projectId: project.id, adopterNumber: 3 });
    const n = textsOf(notes);
    expect(n[0]).toBe('Interview notes: Adopter 3 - Umbrella Logistics');
    expect(n[n.indexOf('4. Usage level and scale') + 2]).toBe('Pre-production, 40 services.');
    expect(n).toContain('Interviewees: Cy Hidden, Engineer (anonymous)');
  });

  it('notes: the latest interview by default, or the one asked for; NOT_FOUND for anything else', async () => {
    const { services } = freshDesk();
    const { project, adopters } = await seedGlobexMesh(services);
    const later = await services.createInterview({ adopterId: adopters[0]!.adopter.id, date: '2025-02-03', interviewers: ['Sol Second'], summary: '' });
    expect(textsOf(await services.exportNotesDocx({ projectId: project.id, adopterNumber: 1 }))).toContain('Date: 3 February 2025');
    const first = await services.exportNotesDocx({ projectId: project.id, adopterNumber: 1, interviewId: adopters[0]!.interview.id });
    expect(textsOf(first)).toContain('Date: 10 June 2024');
    expect(later.id).not.toBe(adopters[0]!.interview.id);
    const wrong = await dispatch(services, 'exportNotesDocx', { projectId: project.id, adopterNumber: 1, interviewId: adopters[1]!.interview.id });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(services, 'exportNotesDocx', { projectId: project.id, adopterNumber: 5 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(services, 'exportReviewDocx', { projectId: project.id, adopterNumber: 42 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(services, 'exportReviewDocx', { projectId: project.id, adopterNumber: 5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dispatch(services, 'exportDossierDocx', { projectId: project.id, extra: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('takes the author and the page size from the settings; no author by default', async () => {
    const { services, file } = freshDesk();
    const { project } = await seedGlobexMesh(services);
    const plain = bytesOf(await services.exportDossierDocx({ projectId: project.id }));
    expect(part(plain, 'docProps/core.xml')).not.toMatch(/creator|lastModifiedBy|Un-named/);
    expect(part(plain, 'word/document.xml')).toMatch(/<w:pgSz w:w="11906" w:h="16838"[ />]/);
    await services.updateSettings({ authorName: 'Rae Reviewer', pageSize: 'letter' });
    const signed = bytesOf(await services.exportAdoptionDocx({ projectId: project.id }));
    expect(part(signed, 'docProps/core.xml')).toContain('<dc:creator>Rae Reviewer</dc:creator>');
    expect(part(signed, 'word/document.xml')).toMatch(/<w:pgSz w:w="12240" w:h="15840"[ />]/);
    // Still there after reopening the store.
    const reopened = openDesk(file);
    try {
      expect(part(bytesOf(await reopened.services.exportNotesDocx({ projectId: project.id, adopterNumber: 1 })), 'docProps/core.xml')).toContain('Rae Reviewer');
    } finally {
      reopened.close();
    }
  });
});
