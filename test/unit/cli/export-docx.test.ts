import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { seededDatabase } from '../../helpers/seeded-database';
import { normalize, paragraphs, part } from '../templates/word/docx-inspect';

describe('export adoption-docx, review-docx, dossier-docx, notes-docx', () => {
  it('writes each document to --out, byte for byte what the service returns', async () => {
    const { dir, db, desk, seed } = await seededDatabase();
    const projectId = seed.project.id;
    const expected = {
      'adoption-docx': await desk.services.exportAdoptionDocx({ projectId }),
      'review-docx': await desk.services.exportReviewDocx({ projectId, adopterNumber: 2 }),
      'dossier-docx': await desk.services.exportDossierDocx({ projectId }),
      'notes-docx': await desk.services.exportNotesDocx({ projectId, adopterNumber: 3, interviewId: seed.adopters[2]!.interview.id }),
    };
    desk.close();
    const extra: Record<keyof typeof expected, string[]> = {
      'adoption-docx': [],
      'review-docx': ['--adopter', '2'],
      'dossier-docx': [],
      'notes-docx': ['--adopter', '3', '--interview', String(seed.adopters[2]!.interview.id)],
    };
    for (const format of Object.keys(expected) as (keyof typeof expected)[]) {
      const out = path.join(dir, `${format}.docx`);
      const result = await cli(['export', format, '--project', 'globex-mesh', ...extra[format], '--out', out, '--db', db]);
      expect(result, format).toMatchObject({ code: 0, stdout: '' });
      expect(result.stderr).toContain(`of Globex Mesh to ${out}.`);
      expect(fs.readFileSync(out).equals(Buffer.from(expected[format].base64, 'base64')), format).toBe(true);
    }
    expect(paragraphs(fs.readFileSync(path.join(dir, 'adoption-docx.docx'))).map((p) => normalize(p.text))).toContain('Adopter 2 - Anonymous Finance');
    expect(part(fs.readFileSync(path.join(dir, 'dossier-docx.docx')), 'word/header1.xml')).toContain('CONFIDENTIAL — TOC only');
    expect(fs.readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('passes --drafts and --typography to the Adoption section', async () => {
    const { dir, db, desk, seed } = await seededDatabase();
    // A second, not yet approved interview: its summary is the one the entry would print.
    await desk.services.createInterview({ adopterId: seed.adopters[0]!.adopter.id, date: '2025-01-15', interviewers: [], summary: 'Acme Corp says "it just works".' });
    desk.close();
    const out = path.join(dir, 'a.docx');
    const texts = () => paragraphs(fs.readFileSync(out)).map((p) => p.text);
    expect((await cli(['export', 'adoption-docx', '--project', 'globex-mesh', '--out', out, '--db', db])).code).toBe(0);
    expect(texts()).not.toContain('Adopter 1 - Acme Corp/Media (DRAFT)');
    expect((await cli(['export', 'adoption-docx', '--project', 'globex-mesh', '--drafts', '--out', out, '--db', db])).code).toBe(0);
    expect(texts()).toEqual(expect.arrayContaining(['Adopter 1 - Acme Corp/Media (DRAFT)', 'Acme Corp says "it just works".']));
    expect((await cli(['export', 'adoption-docx', '--project', 'globex-mesh', '--drafts', '--typography', '--out', out, '--db', db])).code).toBe(0);
    expect(texts()).toContain('Acme Corp says “it just works”.');
  });

  it('exits 3 with the leak report on stderr and writes nothing when the guard refuses', async () => {
    const { dir, db, desk, seed } = await seededDatabase();
    const interview = (await desk.services.getInterview({ id: seed.adopters[0]!.interview.id })).interview;
    await desk.services.updateInterview({ id: interview.id, version: interview.version, summary: 'They compared notes with Bo Sample.' });
    await desk.services.approveSummary({ id: interview.id, version: interview.version + 1, date: '2024-06-30' });
    desk.close();
    const out = path.join(dir, 'adoption.docx');
    const result = await cli(['export', 'adoption-docx', '--project', 'globex-mesh', '--out', out, '--db', db]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('The export was refused');
    expect(result.stderr).toContain("Adopter 2 (anonymous): 'Bo Sample' in Adopter 1's entry, line 4, column 26: They compared notes with Bo Sample.");
    expect(fs.existsSync(out)).toBe(false);
  });

  it('usage and data errors', async () => {
    const { dir, db, desk } = await seededDatabase();
    desk.close();
    const out = path.join(dir, 'x.docx');
    const run = (...args: string[]) => cli(['export', ...args, '--db', db]);
    expect((await run('adoption-docx', '--project', 'globex-mesh')).stderr).toContain('needs --out FILE');
    expect((await run('review-docx', '--project', 'globex-mesh', '--out', out)).code).toBe(2);
    expect((await run('review-docx', '--project', 'globex-mesh', '--adopter', 'two', '--out', out)).stderr).toContain('--adopter takes a whole number');
    expect((await run('dossier-docx', '--project', 'globex-mesh', '--adopter', '1', '--out', out)).stderr).toContain('has no --adopter option');
    expect((await run('notes-docx', '--project', 'globex-mesh', '--adopter', '1', '--drafts', '--out', out)).code).toBe(2);
    expect((await run('notes-docx', '--out', out, '--adopter', '1')).code).toBe(2);
    expect((await run('review-docx', '--project', 'globex-mesh', '--adopter', '0', '--out', out)).code).toBe(2); // numbers start at 1
    const missing = await run('dossier-docx', '--project', 'nope', '--out', out);
    expect(missing.code).toBe(4);
    const noAdopter = await run('notes-docx', '--project', 'globex-mesh', '--adopter', '9', '--out', out);
    expect(noAdopter).toMatchObject({ code: 4 });
    expect(noAdopter.stderr).toContain('has no Adopter 9');
    expect(fs.existsSync(out)).toBe(false);
    expect((await cli(['--help'])).stdout).toContain('export notes-docx --project SLUG --adopter N [--interview ID] --out FILE');
  });
});
