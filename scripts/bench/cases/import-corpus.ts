import fs from 'node:fs';
import path from 'node:path';
import { openDesk } from '../../../services/desk';
import { parseDdDocument } from '../../../templates/import/dd-parse';
import { normalizeLineEndings } from '../../../templates/import/text';
import { call } from '../call';
import { notAvailable, type BenchCase } from '../case';
import { timeOperations } from '../measure';
import { median } from '../stats';

/** ../shared/corpus beside the checkout (this file is bundled to out/bench/), or ADOPTION_DESK_CORPUS. */
function corpusDir(): string | null {
  const candidates = [process.env.ADOPTION_DESK_CORPUS, path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus'), path.resolve(process.cwd(), '..', 'shared', 'corpus')];
  return candidates.find((dir): dir is string => !!dir && fs.existsSync(path.join(dir, 'dd'))) ?? null;
}

const read = (dir: string, sub: string) =>
  fs
    .readdirSync(path.join(dir, sub))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, sub, f), 'utf8') }));

export const benchCase: BenchCase = {
  name: 'import-corpus',
  title: 'Import the real corpus (DD documents and interview notes)',
  description:
    'Every DD document of ../shared/corpus/dd imported through dispatch("importDdDocument") into a new empty store, one ' +
    'change per document (parse, project, organizations, adopters, interviews, participants, history, full-text index, ' +
    'fsync): adopter entries per second over the whole corpus. Also the parser alone (no store), and every notes file ' +
    'of corpus/interviews imported into an adopter (answers per second). Opening the store is not timed. Median of rounds.',
  figures: [
    { key: 'dd', label: 'DD documents: adopter entries imported per second', unit: 'records/s' },
    { key: 'parse', label: 'DD parsing alone: entries per second', unit: 'records/s' },
    { key: 'notes', label: 'notes files: answers imported per second', unit: 'records/s' },
  ],
  targets: [{ figure: 'dd', above: 100 }],
  async run(context) {
    const dir = corpusDir();
    if (!dir) {
      const why = notAvailable('the corpus (../shared/corpus or ADOPTION_DESK_CORPUS) is not here');
      return { figures: { dd: why, parse: why, notes: why } };
    }
    const dds = read(dir, 'dd');
    const notesFiles = read(dir, 'interviews');
    const entries = dds.reduce((n, d) => n + parseDdDocument(normalizeLineEndings(d.text)).entries.length, 0);
    const rounds = context.reps(5, 2);

    // The parser alone.
    const parseRounds = await timeOperations({
      warmup: 2,
      count: context.reps(20, 3),
      run: () => {
        for (const d of dds) parseDdDocument(normalizeLineEndings(d.text));
      },
    });

    // DD documents into a new store, each round.
    let desk: ReturnType<typeof openDesk> | null = null;
    const ddRounds = await timeOperations({
      warmup: 1,
      count: rounds,
      before: () => {
        desk = openDesk(path.join(context.tempDir(), 'import.sqlite'), { autoBackup: false });
        context.settle();
      },
      run: async () => {
        let imported = 0;
        for (const d of dds) imported += (await call(desk!.services, 'importDdDocument', { fileName: d.name, text: d.text })).entries.length;
        return imported;
      },
      after: (imported) => {
        desk!.close();
        if (imported !== entries) throw new Error(`Imported ${imported} entries; the corpus has ${entries}.`);
      },
    });

    // Notes files, each into its own adopter.
    let answers = 0;
    let targets: { projectId: number; file: (typeof notesFiles)[number] }[] = [];
    const notesRounds = await timeOperations({
      warmup: 1,
      count: rounds,
      before: async () => {
        desk = openDesk(path.join(context.tempDir(), 'notes.sqlite'), { autoBackup: false });
        const project = await call(desk.services, 'createProject', { name: 'Bench Notes', level: 'incubation' });
        const organization = await call(desk.services, 'createOrganization', { name: 'Bench Organization' });
        targets = [];
        for (const file of notesFiles) {
          await call(desk.services, 'createAdopter', { projectId: project.id, organizationId: organization.id });
          targets.push({ projectId: project.id, file });
        }
        context.settle();
      },
      run: async () => {
        let n = 0;
        for (const [k, t] of targets.entries()) {
          const report = await call(desk!.services, 'importInterviewNotes', { fileName: t.file.name, text: t.file.text, projectId: t.projectId, adopterNumber: k + 1 });
          n += report.entries.length - 1;
        }
        return n;
      },
      after: (n) => {
        answers = n;
        desk!.close();
      },
    });

    const perSecond = (count: number, ms: number) => (count * 1000) / ms;
    return {
      figures: {
        dd: perSecond(entries, median(ddRounds)),
        parse: perSecond(entries, median(parseRounds)),
        notes: perSecond(answers, median(notesRounds)),
      },
      notes: [`${dds.length} DD documents with ${entries} adopter entries; ${notesFiles.length} notes files with ${answers} answers.`],
      details: { documents: dds.length, entries, notesFiles: notesFiles.length, answers, ddRoundsMs: ddRounds, parseRoundsMs: parseRounds, notesRoundsMs: notesRounds },
    };
  },
};
