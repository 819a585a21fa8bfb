import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RENDER_OPTIONS } from '../../templates/adoption/model';
import { renderAdoptionSection } from '../../templates/adoption/section';
import { CURRENT_QUESTION_SET } from '../../domain/questions';
import { dossierDocx } from '../../templates/word/dossier-docx';
import { notesDocx } from '../../templates/word/notes-docx';
import { documentParagraphs } from '../../templates/word/package-text';
import { publishAdoptionDocx } from '../../templates/word/publish-docx';
import { reviewDocx } from '../../templates/word/review-docx';
import { goldenPublication } from '../fixtures/publication';
import { oracle } from '../unit/templates/word/docx-inspect';

/**
 * Each Word document opened by a real word processor: LibreOffice (headless) converts it
 * to PDF, and pdftotext must find every paragraph of the content in the PDF, in order.
 * Page 1 of each is kept as a PNG in test-results/word/ for a human to look at.
 * LibreOffice exits 0 even when it fails (and reads a broken .docx as plain text), so
 * the PDF's existence, its page size and its text are all checked.
 */

const ARTIFACTS = path.resolve(__dirname, '../../test-results/word');
/** The LibreOffice binary (SOFFICE overrides, e.g. on a machine where it is not on PATH). */
const SOFFICE = process.env.SOFFICE ?? 'soffice';
const INSTALL = 'install it with: apt-get install --no-install-recommends libreoffice-writer-nogui poppler-utils (CI installs both)';

function tool(command: string, args: string[], what: string): void {
  const probe = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (probe.error || probe.status !== 0) throw new Error(`${what} is missing (${command}: ${probe.error?.message ?? probe.stderr.trim()}); ${INSTALL}.`);
}

function run(command: string, args: string[], timeout = 180_000): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

const normalize = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** The PDF's text as a reader sees it: page furniture (header, "Page N of M") out, words broken after a hyphen joined again. */
function pdfText(pdf: string, furniture: RegExp[]): string {
  const raw = run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']);
  const lines = raw.split(/\n|\f/).filter((line) => !furniture.some((f) => f.test(line.trim())));
  return normalize(lines.join('\n').replace(/-\n/g, '-'));
}

/** Every expected paragraph occurs in `text`, each after the one before it; returns the ones that do not. */
function missingInOrder(text: string, expected: readonly string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const paragraph of expected.map(normalize).filter(Boolean)) {
    const found = text.indexOf(paragraph, at);
    if (found < 0) missing.push(paragraph);
    else at = found + paragraph.length;
  }
  return missing;
}

const RICH_SUMMARY = [
  'Acme Telecom runs it at the edge of its network, with **mTLS** between _every_ service.',
  '',
  '## What they measured',
  '',
  '- 40% fewer pages at night',
  '- upgrades in `15 minutes`',
  '  - canary first',
  '',
  '7. evaluate in the lab',
  '8. roll out region by region',
  '',
  '> “It just works” — their SRE lead',
  '',
  'Details in [the write-up](https://acme-telecom.example.org/blog/mesh) and at https://status.example.org.',
].join('\n');

interface Converted {
  name: string;
  docx: Buffer;
  pdf: string;
  png: string;
  expected: string[];
  pageSize: 'A4' | 'letter';
}

const documents: Converted[] = [];
let seconds = 0;
let work = '';

beforeAll(async () => {
  tool(SOFFICE, ['--version'], 'LibreOffice');
  tool('pdftotext', ['-v'], 'pdftotext (poppler-utils)');
  tool('pdftoppm', ['-v'], 'pdftoppm (poppler-utils)');

  const data = goldenPublication();
  data.adopters[2]!.interviews[0]!.summary = RICH_SUMMARY;
  data.adopters[1]!.interviews[0]!.quotes = [{ text: 'Upgrades are boring, which is good.', speaker: 'Bo Sample', approved: true }];
  const a4 = { authorName: '', pageSize: 'a4' as const };
  const letter = { authorName: 'Rae Reviewer', pageSize: 'letter' as const };
  const adopter = data.adopters[1]!;
  const notes = await notesDocx(
    {
      project: data.project,
      adopter,
      interview: { ...adopter.interviews[0]!, durationMinutes: 40, questionSet: CURRENT_QUESTION_SET, rawNotes: 'Follow up on multi-cluster.', updatedAt: '2024-10-05T09:30:00.000Z' },
      answers: [
        { questionKey: 'q1', text: 'Two years.\n\n- sidecar everywhere\n- 300 services', updatedAt: '2024-10-05T09:30:00.000Z' },
        { questionKey: 'q13', text: 'Boring upgrades; **clear** docs.', updatedAt: '2024-10-05T09:30:00.000Z' },
      ],
    },
    a4,
  );
  const files: Omit<Converted, 'pdf' | 'png'>[] = [
    { name: 'adoption', docx: (await publishAdoptionDocx(data, {}, a4)).bytes, expected: oracle(renderAdoptionSection(data, DEFAULT_RENDER_OPTIONS).markdown).blocks, pageSize: 'A4' },
    { name: 'review', docx: (await reviewDocx(data, 3, letter)).bytes, expected: [], pageSize: 'letter' },
    { name: 'dossier', docx: (await dossierDocx({ ...data, extras: {} }, a4)).bytes, expected: [], pageSize: 'A4' },
    { name: 'notes', docx: notes.bytes, expected: [], pageSize: 'A4' },
  ];

  work = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-word-'));
  const profile = path.join(work, 'lo-profile');
  for (const f of files) fs.writeFileSync(path.join(work, `${f.name}.docx`), f.docx);
  const started = performance.now();
  run(SOFFICE, [
    '--headless',
    '--norestore',
    `-env:UserInstallation=file://${profile}`,
    '--convert-to',
    'pdf',
    '--outdir',
    work,
    ...files.map((f) => path.join(work, `${f.name}.docx`)),
  ]);
  seconds = (performance.now() - started) / 1000;
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of files) {
    const pdf = path.join(work, `${f.name}.pdf`);
    if (!fs.existsSync(pdf) || fs.statSync(pdf).size === 0) throw new Error(`LibreOffice did not convert ${f.name}.docx to PDF.`);
    const png = path.join(ARTIFACTS, `${f.name}-page1`);
    run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
    documents.push({
      ...f,
      // The other documents: every paragraph of the document itself.
      expected: f.expected.length ? f.expected : await documentParagraphs(f.docx),
      pdf,
      png: `${png}.png`,
    });
  }
  process.stderr.write(`LibreOffice converted ${files.length} Word documents to PDF in ${seconds.toFixed(1)} s.\n`);
}, 240_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the Word documents in LibreOffice', () => {
  const PAGE_FURNITURE = [/^Page \d+ of \d+$/, /^CONFIDENTIAL — TOC only$/];

  it.each(['adoption', 'review', 'dossier', 'notes'])('%s: LibreOffice shows every paragraph, in order', (name) => {
    const doc = documents.find((d) => d.name === name)!;
    expect(doc.expected.length).toBeGreaterThan(5);
    const text = pdfText(doc.pdf, PAGE_FURNITURE);
    expect(missingInOrder(text, doc.expected)).toEqual([]);
    expect(fs.statSync(doc.png).size).toBeGreaterThan(1000);
  });

  it('the Adoption section PDF is the Markdown section’s text, its links and its lists', () => {
    const text = pdfText(documents.find((d) => d.name === 'adoption')!.pdf, PAGE_FURNITURE);
    expect(text).toContain('• 40% fewer pages at night');
    expect(text).toMatch(/7\. ?evaluate in the lab 8\. ?roll out region by region/);
    expect(text).toContain('Globex’s engineers found the documentation clear'); // curly apostrophe kept
    expect(text).toContain('meshctl install --profile=\'strict\'');
    const links = run('pdftotext', ['-raw', documents.find((d) => d.name === 'adoption')!.pdf, '-']);
    expect(links).toContain('the upgrade notes');
  });

  it('pages: the size from the settings, a page number on every page, the dossier’s header on every page', () => {
    for (const doc of documents) {
      const info = run('pdfinfo', [doc.pdf]);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(info, doc.name).toMatch(doc.pageSize === 'A4' ? /Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/ : /Page size:\s+612 x 792 pts \(letter\)/);
      const raw = run('pdftotext', ['-raw', '-enc', 'UTF-8', doc.pdf, '-']);
      const numbers = [...raw.matchAll(/^Page (\d+) of (\d+)$/gm)].map((m) => `${m[1]}/${m[2]}`);
      expect(numbers, doc.name).toEqual(Array.from({ length: pages }, (_, i) => `${i + 1}/${pages}`));
      const header = raw.split('\n').filter((l) => l.trim() === 'CONFIDENTIAL — TOC only').length;
      expect(header, doc.name).toBe(doc.name === 'dossier' ? pages : 0);
    }
    expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [documents.find((d) => d.name === 'dossier')!.pdf]))![1])).toBeGreaterThan(1);
  });

  it('the PDF metadata carries the document title and the author only when set', () => {
    const info = (name: string) => run('pdfinfo', [documents.find((d) => d.name === name)!.pdf]);
    expect(info('adoption')).toMatch(/Title:\s+Globex Mesh: Adoption/);
    expect(info('dossier')).toMatch(/Title:\s+CONFIDENTIAL — TOC only: Globex Mesh adoption dossier/);
    expect(info('review')).toMatch(/Author:\s+Rae Reviewer/);
    expect(info('adoption')).not.toMatch(/Author:\s+\S/);
  });
});
