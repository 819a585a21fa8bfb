import fs from 'node:fs';
import path from 'node:path';
import { LIMITS } from '../../../domain/limits';
import { builtCliPath } from '../built-cli';
import { NotAvailable, notAvailable, type BenchCase, type FigureValue } from '../case';
import { runProcess } from '../measure';
import { createRng } from '../prng';

/**
 * The largest inputs domain/limits.ts allows, through the command line a reviewer runs, each
 * a whole process under GNU time: its peak memory (maximum resident set) and its time.
 *
 * - a DD of 999 entries, as large as a project may grow from it (its archive just under 50 MB),
 *   a third of the adopters anonymous (so the guard has secrets to look for);
 * - a candidate list of 999 rows with long notes, into an empty project;
 * - interview notes of just under 1 MB (the field limit) in answers and raw notes;
 * - the archive of the DD's project (just under 50 MB), into an empty store;
 * - on that project: `export adoption-md`, `check`, `export adoption-docx`.
 *
 * The peak resident set is what a process held at its highest, not what its work needed: V8
 * grows its heap ahead of a high allocation rate when memory is plentiful (24 GB here), and the
 * database file mapped for reading (db/open.ts, mmap for search) counts too. So the largest
 * project's commands run a second time with the JavaScript heap capped at `CAPPED_HEAP_MB`:
 * that they finish there, and their peak then, is what the work itself takes.
 */
const CAPPED_HEAP_MB = 256;

const ASSUMED_ARCHIVE_BYTES_PER_ENTRY = 2_500;

const SYLLABLES = ['quill', 'orbi', 'tern', 'vask', 'lumen', 'corra', 'pell', 'dray', 'mosk', 'fen'];

/** Prose of about `bytes` characters: sentences in paragraphs, numbers varied so no two entries read alike. */
function prose(bytes: number, seed: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let k = 0; length < bytes; k++) {
    const sentence = `Team ${seed}-${k} runs the relay in production across ${1 + ((seed + k) % 7)} regions, and upgrades are routine now.`;
    parts.push(k > 0 && k % 6 === 0 ? `\n\n${sentence}` : sentence);
    length += sentence.length + 1;
  }
  return parts.join(' ');
}

function largestDd(entries: number, quick: boolean): string {
  const rng = createRng('limits-largest-dd');
  // What the archive adds per entry comes out of each summary's share, so the project's archive stays under the limit.
  const summaryBytes = Math.floor((quick ? LIMITS.projectBytes / 10 : LIMITS.projectBytes) / entries) - ASSUMED_ARCHIVE_BYTES_PER_ENTRY;
  const lines = ['# Orbit Relay Incubation Due Diligence', '', '#### Adoption', ''];
  for (let n = 1; n <= entries; n++) {
    const name = `${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)} ${n}`.replace(/^./, (c) => c.toUpperCase());
    const anonymous = n % 3 === 0;
    lines.push(anonymous ? `##### Adopter ${n} - Anonymous Logistics` : `##### Adopter ${n} - ${name} - Logistics`, '', 'MARCH 2025', '', prose(summaryBytes, n), '');
  }
  return `${lines.join('\n')}\n`;
}

function largestCsv(rows: number, quick: boolean): string {
  // Just under the file limit: the quotes of the CSV and the row's other cells take the rest.
  const notesBytes = Math.floor((0.95 * (quick ? LIMITS.fileBytes / 10 : LIMITS.fileBytes)) / rows) - 200;
  const lines = ['Organization,Contact,Email,Notes'];
  for (let n = 1; n <= rows; n++) lines.push(`Dray Freight ${n},Ada Vell ${n},ada${n}@dray${n}.example,"${prose(notesBytes, n).replace(/"/g, '""')}"`);
  return `${lines.join('\n')}\n`;
}

function largestNotes(): string {
  const answer = prose(LIMITS.fieldBytes / 30, 3);
  const questions = Array.from({ length: 14 }, (_, k) => `## Question ${k + 1}: how do you run it?\n\n${answer}\n`);
  return `# Interview notes\n\nAttendees: Ada Vell\n\n${questions.join('\n')}`;
}

export const benchCase: BenchCase = {
  name: 'limits',
  title: 'The largest allowed inputs: peak memory and time of each command',
  description:
    'Generated inputs at domain/limits.ts’s limits, each through the built command line as its own process under GNU time ' +
    '(maximum resident set = peak memory): import a DD of 999 entries whose project is just under the 50 MB project limit ' +
    '(a third anonymous), a candidate list of 999 rows (~50 MB), interview notes just under 1 MB; import that project’s ' +
    'archive into an empty store; then export adoption-md, check and export adoption-docx on it. Under --quick the DD and ' +
    'the list are a tenth of the size.',
  figures: [
    { key: 'dd.peak', label: 'import-dd, the largest DD: peak memory', unit: 'MB' },
    { key: 'dd.time', label: 'import-dd, the largest DD: time', unit: 'ms' },
    { key: 'csv.peak', label: 'import-candidates, 999 rows: peak memory', unit: 'MB' },
    { key: 'notes.peak', label: 'import-notes, 1 MB of notes: peak memory', unit: 'MB' },
    { key: 'archive.peak', label: 'archive import, the largest project: peak memory', unit: 'MB' },
    { key: 'archive.time', label: 'archive import, the largest project: time', unit: 'ms' },
    { key: 'md.peak', label: 'export adoption-md, the largest project: peak memory', unit: 'MB' },
    { key: 'md.time', label: 'export adoption-md, the largest project: time', unit: 'ms' },
    { key: 'check.peak', label: 'check, the largest project: peak memory', unit: 'MB' },
    { key: 'check.time', label: 'check, the largest project: time', unit: 'ms' },
    { key: 'docx.peak', label: 'export adoption-docx, the largest project: peak memory', unit: 'MB' },
    { key: 'docx.time', label: 'export adoption-docx, the largest project: time', unit: 'ms' },
    ...['archive import', 'export adoption-md', 'check', 'export adoption-docx'].map((command, k) => ({
      key: `${['archive', 'md', 'check', 'docx'][k]}.capped`,
      label: `${command}, the largest project, with the JavaScript heap capped at ${CAPPED_HEAP_MB} MB: peak memory`,
      unit: 'MB' as const,
    })),
  ],
  targets: ['dd.peak', 'csv.peak', 'notes.peak', 'archive.peak', 'md.peak', 'check.peak', 'docx.peak'].map((figure) => ({ figure, below: 300 })),
  run(context) {
    const cli = builtCliPath();
    const figures: Record<string, FigureValue> = {};
    if (cli instanceof NotAvailable) {
      for (const key of this.figures.map((f) => f.key)) figures[key] = cli;
      return { figures };
    }
    const dir = context.tempDir();
    const db = path.join(dir, 'desk.sqlite');
    const write = (name: string, text: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    };
    const run = (args: string[], database = db, okExitCodes: number[] = []) => runProcess({ command: process.execPath, args: [cli, '--db', database, ...args], okExitCodes });
    /** The same command with the heap capped: its peak, or why it did not finish there. */
    const capped = (key: string, args: string[], database = db, okExitCodes: number[] = []) => {
      // A tenth of the size says nothing about the heap the largest project needs.
      if (context.quick) {
        figures[`${key}.capped`] = notAvailable('measured on the full-size project only (not under --quick)');
        return;
      }
      try {
        figures[`${key}.capped`] = runProcess({ command: process.execPath, args: [`--max-old-space-size=${CAPPED_HEAP_MB}`, cli, '--db', database, ...args], okExitCodes }).peakRssMb;
      } catch (error) {
        figures[`${key}.capped`] = notAvailable(`it did not finish within a ${CAPPED_HEAP_MB} MB heap: ${String((error as Error).message).slice(0, 200)}`);
      }
    };
    const record = (key: string, result: ReturnType<typeof run>, withTime = false) => {
      figures[`${key}.peak`] = result.peakRssMb;
      if (withTime) figures[`${key}.time`] = result.ms;
    };

    context.progress('generating the largest inputs');
    const dd = write('largest.md', largestDd(LIMITS.adopters, context.quick));
    const csv = write('largest.csv', largestCsv(LIMITS.adopters, context.quick));
    const notes = write('notes.md', largestNotes());
    const archive = path.join(dir, 'largest.json');
    context.settle();
    const notesOut: string[] = [`DD ${(fs.statSync(dd).size / 1e6).toFixed(1)} MB, list ${(fs.statSync(csv).size / 1e6).toFixed(1)} MB, notes ${(fs.statSync(notes).size / 1e6).toFixed(2)} MB`];

    context.progress('import-dd');
    record('dd', run(['import-dd', dd]), true);
    run(['project', 'add', '--name', 'Dray Freight', '--level', 'incubation']);
    context.progress('import-candidates');
    record('csv', run(['import-candidates', csv, '--project', 'dray-freight']));
    context.progress('import-notes');
    // Into an adopter of a project of its own: the DD's project is already as large as a project may be.
    run(['project', 'add', '--name', 'Fen Notes', '--level', 'incubation']);
    run(['import-candidates', write('one.csv', 'Organization\nFen Logistics\n'), '--project', 'fen-notes']);
    record('notes', run(['import-notes', notes, '--project', 'fen-notes', '--adopter', '1']));
    run(['archive', 'export', '--project', 'orbit-relay', '--out', archive]);
    notesOut.push(`the project's archive: ${(fs.statSync(archive).size / 1e6).toFixed(1)} MB`);
    context.progress('archive import');
    record('archive', run(['archive', 'import', archive], path.join(dir, 'other.sqlite')), true);
    capped('archive', ['archive', 'import', archive], path.join(dir, 'capped.sqlite'));
    context.progress('export adoption-md');
    record('md', run(['export', 'adoption-md', '--project', 'orbit-relay', '--out', path.join(dir, 'section.md')]), true);
    capped('md', ['export', 'adoption-md', '--project', 'orbit-relay', '--out', path.join(dir, 'section.md')]);
    context.progress('check');
    // `check` exits 1 when the section is not publishable as it stands (drafts, the criterion): its work is the same.
    record('check', run(['check', '--project', 'orbit-relay'], db, [1]), true);
    capped('check', ['check', '--project', 'orbit-relay'], db, [1]);
    context.progress('export adoption-docx');
    record('docx', run(['export', 'adoption-docx', '--project', 'orbit-relay', '--out', path.join(dir, 'section.docx')]), true);
    capped('docx', ['export', 'adoption-docx', '--project', 'orbit-relay', '--out', path.join(dir, 'section.docx')]);
    return { figures, notes: notesOut };
  },
};
