/**
 * The DD importer against the real documents of ../shared/corpus (ADOPTION_DESK_CORPUS
 * overrides; see test/helpers/corpus.ts for when the suite fails or skips).
 *
 * Personal data: the corpus names real people and organizations, and none of that text
 * may enter this repository. The expectations below were written by reading each
 * document, and hold only:
 *   - the adopter number, the interview months (YYYY-MM, "-" for none) and A/N for
 *     anonymous or named;
 *   - "people/roles": how many interviewees the entry names, and for how many a role;
 *   - an 8-hex-digit SHA-256 prefix of the label as written (plain text, whitespace
 *     folded, lower-case) and of the interviewees' names joined by "|" ("-" for none).
 * A prefix of a hash cannot be read back into the label or the name; it only tells
 * whether the importer read exactly what a human reader read.
 */
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { publicAdopterLabel } from '../../domain/labels';
import { escapeInline } from '../../templates/markdown/escape';
import { monthLine } from '../../templates/markdown/months';
import { normalizeMarkdown } from '../../templates/markdown/normalize';
import { parseDdDocument, type DdEntry, type ParsedDd, type SourcePart } from '../../templates/import/dd-parse';
import { plainText, unescapeMarkdown } from '../../templates/import/inline';
import { normalizeLineEndings } from '../../templates/import/text';
import { describeCorpus } from '../helpers/corpus';
import { freshDesk, inProcessDeskApi, unwrap } from '../helpers/desk';
import { headingsOf } from '../../templates/import/dd-headings';
import { projectRecords, type ProjectRecords } from '../unit/import/records';
import { percent, wordsKept } from '../unit/import/words-kept';

const hash8 = (text: string) => createHash('sha256').update(text.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex').slice(0, 8);

/** number months A|N people/roles label-hash names-hash, per document, in document order. */
const EXPECTED: Record<string, string[]> = {
  'buildpacks-graduation-dd.md': ['1 2026-01 N 0/0 eb845659 -', '2 2026-01 N 0/0 d343c0d4 -', '3 2026-01 A 0/0 64a1e197 -', '4 2026-01 N 0/0 4fd319be -'],
  'cert-manager-graduation-dd.md': ['1 2024-07 A 0/0 aba3e6c0 -', '2 2024-07 A 0/0 eb69f310 -', '3 2024-08 A 0/0 35390f54 -'],
  'crossplane-graduation-dd.md': ['1 2025-01 A 0/0 e36077ae -', '2 2025-01,2025-09 A 0/0 3d804971 -', '3 2025-10 A 0/0 64e8937a -', '4 2025-10 A 0/0 646b1045 -', '5 2025-10 A 0/0 3a4504e2 -'],
  'cubefs-graduation-dd.md': ['1 2024-08 N 0/0 a117b7c4 -', '2 2024-09 N 0/0 bd5b2582 -', '3 2024-09 A 0/0 201e07c5 -', '4 2024-10 N 0/0 cedb8d20 -'],
  'dapr-graduation-dd.md': ['1 2024-08 A 0/0 13425bd9 -', '2 2024-08 A 0/0 3d804971 -', '3 2024-08 A 0/0 13425bd9 -', '4 2024-08 N 1/1 f67c80aa f36b98b3', '5 2024-08 A 0/0 3d804971 -'],
  'dragonfly-graduation-dd.md': ['1 2025-09 A 0/0 3d76215d -', '2 2025-09 A 0/0 a4e42b15 -', '3 2025-09 A 0/0 201e07c5 -', '4 2025-09 A 0/0 73ecb948 -'],
  'hami-incubation-dd.md': ['1 2026-04 A 0/0 68bf0109 -', '2 2026-04 A 0/0 c6359749 -', '3 2026-06 A 0/0 07d59eb7 -'],
  'in-toto-graduation-dd.md': ['1 2024-09 N 0/0 b413fc8e -', '2 2024-10 N 0/0 00979f2a -', '3 2024-12 N 0/0 ac13a013 -'],
  'knative-graduation-dd.md': ['1 2025-06 N 0/0 810ff9ad -', '2 2025-06 N 0/0 9ea14672 -', '3 - N 0/0 3b0e1258 -', '4 - A 0/0 064039b5 -'],
  'kserve-incubation-dd.md': ['1 2025-08 N 0/0 f4edd6f2 -', '2 2025-07 N 0/0 a4e7a533 -', '3 2025-07 N 0/0 72812df9 -', '4 2025-08 N 0/0 0303520c -'],
  'kubearmor-incubation-dd.md': ['1 2025-01 N 1/1 055ff848 afcf1f24', '2 2025-01 N 1/1 e57f30be f254eb7c', '4 2025-03 A 1/0 89bd8cfd b3a8efdb'],
  'kubeedge-graduation-dd.md': ['1 2024-06 N 1/0 be162e70 e556adad', '2 2024-07 N 1/0 e9b67bdf b721eb82', '3 2024-07 N 1/0 f44c5a13 8c8e9fe5'],
  'kubescape-incubation-dd.md': ['1 2024-09 N 1/0 ff364e22 cd5a53a0', '2 2024-10 N 1/0 39fd50ae a664267b', '3 2024-10 A 0/0 59d6e05b -'],
  'lima-incubation-dd.md': ['1 - N 0/0 7d150728 -', '2 - N 0/0 897c2604 -', '3 - N 0/0 80daf15e -', '4 - N 0/0 138e3b9e -', '5 - N 0/0 0de3f80d -'],
  'openyurt-incubation-dd.md': ['1 - A 0/0 3729b506 -', '2 - A 0/0 717a1cda -', '3 - A 0/0 b616a44e -', '4 - A 0/0 66f62d18 -'],
  'tekton-incubation-dd.md': ['1 2025-10 N 0/0 1dd0a572 -', '2 2025-10 A 0/0 c53b29b5 -', '3 2025-12 A 0/0 - -'],
  'wasmcloud-incubation-dd.md': ['1 2024-10 A 0/0 3729b506 -', '2 2024-10 A 0/0 13425bd9 -', '3 2024-10 N 2/2 e09411c5 c578dfc7'],
};

/** Entries whose interview day (not only the month) the document gives. */
const EXPECTED_DAYS: Record<string, Record<number, string>> = {
  'knative-graduation-dd.md': { 1: '2025-06-04', 2: '2025-06-18' },
};

function describeEntry(e: DdEntry): string {
  const names = e.people.map((p) => p.name).join('|');
  return [
    e.number,
    e.months.length ? e.months.join(',') : '-',
    e.anonymous ? 'A' : 'N',
    `${e.people.length}/${e.people.filter((p) => p.role).length}`,
    e.label.text ? hash8(e.label.text) : '-',
    names ? hash8(names) : '-',
  ].join(' ');
}

const MONTH_WORDS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Nothing lost: every non-blank line of the section went to exactly one owner (an entry
 * or the project notes), its parts put together give the line back, and each part is
 * found in the field it went to.
 */
function nothingLostProblems(document: string, parsed: ParsedDd): string[] {
  const lines = document.split('\n');
  const problems: string[] = [];
  const section = parsed.section!;
  const first = section.heading ? section.line + 1 : section.line;
  const owners = new Map<number, { owner: string; parts: SourcePart[] }>();
  const own = (owner: string, parts: readonly SourcePart[]) => {
    for (const part of parts) {
      const seen = owners.get(part.line);
      if (seen && seen.owner !== owner) problems.push(`line ${part.line} went to both ${seen.owner} and ${owner}`);
      const slot = seen ?? { owner, parts: [] };
      slot.parts.push(part);
      owners.set(part.line, slot);
    }
  };
  own('notes', parsed.notesSources);
  for (const e of parsed.entries) own(`Adopter ${e.number}`, e.sources);
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const linesOf = (text: string) => new Set(text.split('\n').map((l) => squash(l.replace(/\\$/, ''))));
  for (let no = first; no <= section.lastLine; no++) {
    const line = lines[no - 1];
    if (line === undefined || line.trim() === '') {
      if (owners.has(no)) problems.push(`blank line ${no} has an owner`);
      continue;
    }
    const slot = owners.get(no);
    if (!slot) {
      problems.push(`line ${no} was lost: ${line.slice(0, 60)}`);
      continue;
    }
    if (squash(slot.parts.map((p) => p.text).join(' ')) !== squash(line)) problems.push(`line ${no}: its parts do not give the line back`);
    const entry = parsed.entries.find((e) => `Adopter ${e.number}` === slot.owner);
    for (const part of slot.parts) {
      const text = plainText(unescapeMarkdown(part.text)).toLowerCase();
      switch (part.field) {
        case 'notes':
          if (!linesOf(parsed.notes).has(squash(part.text))) problems.push(`line ${no} is not in the notes`);
          break;
        case 'summary':
        case 'planned':
          if (!linesOf(entry!.summary).has(squash(part.text))) problems.push(`line ${no} is not in ${slot.owner}'s summary`);
          break;
        case 'heading':
          if (entry!.label.text && !text.includes(entry!.label.text.toLowerCase().replace(/\s+/g, ' ').split(' ')[0]!)) problems.push(`line ${no}: the label was not read from the heading`);
          break;
        case 'interviewees':
          if (!entry!.people.some((p) => text.includes(p.name.toLowerCase())) && entry!.anonymousPeople === 0) problems.push(`line ${no}: no interviewee read from it`);
          break;
        case 'date':
          if (/date not recorded/.test(text)) break;
          for (const month of entry!.months) {
            const [year, m] = month.split('-');
            if (!text.includes(year!) || !text.includes(MONTH_WORDS[Number(m) - 1]!)) problems.push(`line ${no}: month ${month} is not what it says`);
          }
          if (entry!.months.length === 0) problems.push(`line ${no}: a date line gave no month`);
          break;
        case 'anonymity':
          if (!entry!.anonymous) problems.push(`line ${no}: an anonymity line, but the entry is not anonymous`);
          break;
        case 'vendorNote':
          if (!squash(part.text).includes(squash(entry!.vendorNote))) problems.push(`line ${no}: the vendor note is not in it`);
          break;
        case 'draft':
          if (entry!.status !== 'draft') problems.push(`line ${no}: a draft line, but the entry is not a draft`);
          break;
      }
    }
  }
  for (const no of owners.keys()) if (no < first || no > section.lastLine) problems.push(`line ${no} is outside the section`);
  return problems;
}

/**
 * What starts an entry in the document as a reader counts it: the level-5 headings of the
 * section ("##### …", whatever their style), or, in a section without them, the items of
 * its checklist of interviewed organizations.
 */
function entryStarts(document: string, parsed: ParsedDd): { count: number; what: string } {
  const lines = document.split('\n');
  const section = parsed.section!;
  const first = section.heading ? section.line : section.line - 1;
  const level5 = headingsOf(lines).filter((h) => h.index >= first && h.index < section.lastLine && h.level === 5).length;
  if (level5 > 0) return { count: level5, what: `${level5} level-5 headings` };
  const items = lines.slice(first, section.lastLine).filter((l) => /^\s*[-*+]\s+\[[ xX]\]\s/.test(l)).length;
  return { count: items, what: `no level-5 heading, ${items} checklist items` };
}

const CLOCK = () => new Date('2026-07-01T10:00:00Z');

/** What the export can carry back: not the notes before the entries, links on labels, anonymous adopters' people, or entries without a summary. */
function exportable(records: ProjectRecords): ProjectRecords {
  return {
    ...records,
    project: { ...records.project, notes: '' },
    adopters: records.adopters
      .filter((a) => a.interviews.some((i) => i.summary.trim() !== ''))
      .map((a) => ({
        ...a,
        organization: { ...a.organization, website: null },
        interviews: a.interviews.map((i) => ({ ...i, participants: a.anonymous ? [] : i.participants })),
      })),
  };
}

describeCorpus('DD documents of the corpus', (corpus) => {
  const byFile = new Map(corpus.manifest.map((row) => [row.file!, row]));
  const totals = { documents: 0, entries: 0, starts: 0, words: 0, kept: 0, inNotes: 0 };
  afterAll(() => {
    if (totals.documents === 0) return;
    const share = totals.words ? ((100 * totals.kept) / totals.words).toFixed(totals.kept === totals.words ? 0 : 2) : '100';
    console.log(
      `All ${totals.documents} documents: ${totals.entries} entries for ${totals.starts} level-5 headings or checklist items; words kept ${totals.kept}/${totals.words} (${share}%), ${totals.inNotes} of them in the project notes`,
    );
  });

  it('the manifest and the dd folder list the same documents, and the expectations cover them all', () => {
    expect([...byFile.keys()].sort()).toEqual(corpus.ddFiles);
    expect(Object.keys(EXPECTED).sort()).toEqual(corpus.ddFiles);
  });

  it('63 adopter entries in all, 32 of them anonymous, as the manifest counts', () => {
    let entries = 0;
    let anonymous = 0;
    for (const file of corpus.ddFiles) {
      const parsed = parseDdDocument(normalizeLineEndings(corpus.read(`dd/${file}`)));
      entries += parsed.entries.length;
      anonymous += parsed.entries.filter((e) => e.anonymous).length;
    }
    const sum = (column: string) => corpus.manifest.reduce((n, row) => n + Number(row[column]), 0);
    expect(entries).toBe(sum('adopter_writeups'));
    expect(anonymous).toBe(sum('anonymous'));
  });

  for (const file of corpus.ddFiles) {
    describe(file, () => {
      const text = normalizeLineEndings(corpus.read(`dd/${file}`));
      const parsed = parseDdDocument(text);
      const row = byFile.get(file)!;

      it('entries, anonymity, months, interviewees and labels as read by a person', () => {
        expect(parsed.entries).toHaveLength(Number(row.adopter_writeups));
        expect(parsed.entries.filter((e) => e.anonymous)).toHaveLength(Number(row.anonymous));
        expect(parsed.entries.map(describeEntry)).toEqual(EXPECTED[file]);
        for (const [n, day] of Object.entries(EXPECTED_DAYS[file] ?? {})) expect(parsed.entries.find((e) => e.number === Number(n))?.date).toBe(day);
        expect(parsed.title?.level).toBe(row.level);
        expect(parsed.title?.projectName?.toLowerCase().replace(/\s+/g, '-')).toBe(row.project);
      });

      it('nothing lost: every non-blank line of the section is in exactly one field or summary', () => {
        expect(nothingLostProblems(text, parsed)).toEqual([]);
      });

      it('every level-5 heading is an entry, and every word of the section is in the imported records', async () => {
        const desk = freshDesk({ clock: CLOCK });
        const report = await unwrap(inProcessDeskApi(desk).importDdDocument({ fileName: file, text: corpus.read(`dd/${file}`) }));
        const words = wordsKept(text, parsed, projectRecords(desk, report.projectId!));
        const starts = entryStarts(text, parsed);
        totals.documents++;
        totals.entries += parsed.entries.length;
        totals.starts += starts.count;
        totals.words += words.total;
        totals.kept += words.kept;
        totals.inNotes += words.inNotes;
        console.log(`${file}: ${parsed.entries.length} entries for ${starts.what}; words kept ${words.kept}/${words.total} (${percent(words)}), ${words.inNotes} of them in the project notes`);
        expect(parsed.entries).toHaveLength(starts.count);
        expect(words.missing).toEqual([]);
        expect(words.kept).toBe(words.total);
      });

      it('imports; exporting reproduces the entries; re-importing the export gives identical records and bytes', async () => {
        const a = freshDesk({ clock: CLOCK });
        const api = inProcessDeskApi(a);
        const report = await unwrap(api.importDdDocument({ fileName: file, text: corpus.read(`dd/${file}`) }));
        expect(report.entries).toHaveLength(parsed.entries.length);
        expect(report.created.adopters).toBe(parsed.entries.length);
        const projectId = report.projectId!;
        const recordsA = projectRecords(a, projectId);
        for (const [k, e] of parsed.entries.entries()) {
          const stored = recordsA.adopters[k]!;
          expect(stored.interviews.at(-1)!.summary).toBe(e.summary);
        }
        const check = await unwrap(api.checkAdoption({ projectId }));
        expect(check.warnings.filter((w) => w.code === 'EDITED_AFTER_APPROVAL')).toEqual([]);
        expect(check.leaks).toEqual([]);

        const first = await unwrap(api.exportAdoptionMarkdown({ projectId }));
        const withSummary = parsed.entries.filter((e) => e.summary.trim() !== '');
        expect(first.omitted.map((o) => o.number)).toEqual(parsed.entries.filter((e) => e.summary.trim() === '').map((e) => e.number));
        for (const e of withSummary) {
          const start = first.markdown.indexOf(`##### Adopter ${e.number} - `);
          expect(start, `Adopter ${e.number} is exported`).toBeGreaterThanOrEqual(0);
          const next = first.markdown.indexOf('\n##### ', start + 1);
          const entry = first.markdown.slice(start, next < 0 ? undefined : next);
          const organization = { name: e.organization ?? '', industry: e.industry };
          // A named entry keeps the label as the document wrote it ("Org / Industry", "Org (Industry)").
          const label = (!e.anonymous && e.label.text) || publicAdopterLabel({ anonymous: e.anonymous, publicLabel: e.publicLabel }, organization);
          expect(entry.split('\n')[0]).toBe(`##### Adopter ${e.number} - ${escapeInline(label)}`);
          expect(entry).toContain(`\n${monthLine(e.months) ?? 'DATE NOT RECORDED'}\n`);
          if (!e.anonymous) for (const p of e.people) expect(entry).toContain(escapeInline(p.name));
          expect(entry).toContain(normalizeMarkdown(e.summary));
        }

        if (withSummary.length === 0) {
          // A roster without summaries (interview notes kept privately): nothing for the export to print.
          expect(first.markdown).toContain('_No adopter summary has been approved yet._');
          return;
        }
        const b = freshDesk({ clock: CLOCK });
        const apiB = inProcessDeskApi(b);
        const projectB = await unwrap(apiB.createProject({ name: recordsA.project.name, level: recordsA.project.level }));
        await unwrap(apiB.importDdDocument({ fileName: 'export.md', text: first.markdown, projectId: projectB.id }));
        const recordsB = projectRecords(b, projectB.id);
        expect(recordsB).toEqual(exportable(recordsA));
        const second = await unwrap(apiB.exportAdoptionMarkdown({ projectId: projectB.id }));
        expect(second.markdown).toBe(first.markdown);

        const c = freshDesk({ clock: CLOCK });
        const apiC = inProcessDeskApi(c);
        const projectC = await unwrap(apiC.createProject({ name: recordsA.project.name, level: recordsA.project.level }));
        await unwrap(apiC.importDdDocument({ fileName: 'export.md', text: second.markdown, projectId: projectC.id }));
        expect(projectRecords(c, projectC.id)).toEqual(recordsB);
      });
    });
  }
});
