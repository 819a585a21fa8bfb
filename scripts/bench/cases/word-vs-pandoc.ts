import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDesk } from '../../../services/desk';
import { publicationData } from '../../../services/publication-data';
import { DEFAULT_RENDER_OPTIONS } from '../../../templates/adoption/model';
import { renderAdoptionSection } from '../../../templates/adoption/section';
import { call } from '../call';
import { builtCliPath } from '../built-cli';
import { NotAvailable, notAvailable, type BenchCase, type CaseContext, type FigureValue } from '../case';
import { NameMaker, TextMaker, buildVocabulary } from '../corpus';
import { runInHelperProcess } from '../helper-process';
import { collectGarbage, compareOperationWithProcess, compareProcesses, ownPeakRssMb, runProcess, timeOperations, type Comparison, type ProcessSpec } from '../measure';
import { createRng } from '../prng';
import { median } from '../stats';

/**
 * The Adoption section as a Word document against pandoc, side by side in one run, on
 * the same content.
 *
 *   in process: dispatch('exportAdoptionDocx', { projectId }) on an open store, warm —
 *           what the app does when the reviewer clicks Save .docx (read the project,
 *           render, build and pack with docx, the reproducible post-pass, read the file
 *           back and run the anonymity guard over every part);
 *   our CLI: node out/cli/adoption-desk.js --db <store> export adoption-docx --project <slug> --out x.docx
 *           (the same, plus starting Node, loading the code, opening the store, writing);
 *   pandoc:  pandoc --from gfm --to docx <the Markdown `export adoption-md` writes for that project>
 *
 * The store is made first, in a helper process (so its memory stays out of the in-process
 * peak), seeded: one project with 5 adopters, one with 1,000 (200 under --quick), 30% of
 * them anonymous, every summary approved, 4–6 paragraphs (350–550 words, the harness's
 * Zipf text) with some bold, links and lists. The Markdown is rendered with the export's
 * own renderer (the same bytes `export adoption-md` writes when nothing leaks; checked
 * against the CLI for the small project).
 */

const SEED = 'adoption-desk-bench-word-1';
const SIZES = { small: { full: 5, quick: 5 }, large: { full: 1000, quick: 200 } } as const;
type Size = keyof typeof SIZES;

interface Seeded {
  db: string;
  /** Per size: the project, and its Markdown as `export adoption-md` writes it (pandoc's input). */
  projects: Record<Size, { id: number; slug: string; adopters: number; markdown: string }>;
}

/** Generic words of generated organization names: never a distinctive word of one. */
const SUFFIXES = new Set(['systems', 'labs', 'logistics', 'bank', 'health', 'retail', 'media', 'networks', 'energy', 'insurance', 'games', 'telecom', 'analytics', 'mobility', 'foods', 'freight', 'capital', 'works']);

function must<T>(value: T | Promise<T>): T {
  if (value instanceof Promise) throw new Error('The services answered asynchronously; the seeding expects the store’s synchronous services.');
  return value;
}

/** A store with one project per size, everything in one change (one transaction), and each project's Markdown. */
function seedWordStore(dir: string, sizes: Record<Size, number>): Seeded {
  const db = path.join(dir, 'word-bench.sqlite');
  const rng = createRng(SEED);
  const names = new NameMaker(rng.fork('names'));
  const text = new TextMaker(rng.fork('text'), buildVocabulary(SEED));
  const desk = openDesk(db, { autoBackup: false });
  const projects = {} as Seeded['projects'];
  try {
    const s = desk.services;
    desk.store.change('Bench: seed the Word export', () => {
      for (const size of Object.keys(sizes) as Size[]) {
        const projectName = `${names.project()} ${size === 'small' ? 'Mesh' : 'Flow'}`;
        const project = must(s.createProject({ name: projectName, level: 'incubation' }));
        projects[size] = { id: project.id, slug: project.slug, adopters: sizes[size], markdown: path.join(dir, `${size}.md`) };
        // Names first: no summary may use a word of any anonymous adopter's name or people
        // (the guard looks for each distinctive word), so the text never trips it by chance.
        const entries = Array.from({ length: sizes[size] }, (_, k) => ({ anonymous: (k + 1) % 10 < 3, org: names.organization(), who: names.person() }));
        const wordsOf = (e: (typeof entries)[number]) => [...e.org.name.split(' '), ...e.who.split(' ')].map((w) => w.toLowerCase()).filter((w) => !SUFFIXES.has(w));
        const secret = new Set(entries.filter((e) => e.anonymous).flatMap(wordsOf));
        // A named adopter's name and interviewee are printed: one sharing a distinctive word with
        // an anonymous adopter is drawn again.
        for (const entry of entries.filter((e) => !e.anonymous)) {
          while (wordsOf(entry).some((w) => secret.has(w))) {
            entry.org = names.organization();
            entry.who = names.person();
          }
        }
        for (let n = 1; n <= sizes[size]; n++) {
          const { anonymous, org, who } = entries[n - 1]!;
          let summary = text.summary({ project: projectName, ...(anonymous ? {} : { organization: org.name }) });
          summary = summary.replace(/\p{L}+/gu, (w) => (secret.has(w.toLowerCase()) ? 'cluster' : w));
          summary = `**Usage:** ${summary}`;
          if (n % 3 === 0) summary += `\n\n- ${text.sentence({ project: projectName })}\n- ${text.sentence({ project: projectName })}\n- see [the talk](https://talks.example.org/${n})`;
          const organization = must(
            s.createOrganization({ name: org.name, industry: org.industry, website: `https://${org.domain}` } as Parameters<typeof s.createOrganization>[0]),
          );
          const adopter = must(s.createAdopter({ projectId: project.id, organizationId: organization.id, anonymous, usageLevel: 'production' } as Parameters<typeof s.createAdopter>[0]));
          const person = must(s.createPerson({ name: who, role: names.role(), organizationId: organization.id } as Parameters<typeof s.createPerson>[0]));
          const day = `2024-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 27)).padStart(2, '0')}`;
          const interview = must(s.createInterview({ adopterId: adopter.id, date: day, interviewers: ['Rae Reviewer'], summary } as Parameters<typeof s.createInterview>[0]));
          must(s.addParticipant({ interviewId: interview.id, personId: person.id, anonymous: false }));
          const sent = must(s.markSummarySent({ id: interview.id, version: interview.version, date: day } as Parameters<typeof s.markSummarySent>[0]));
          must(s.approveSummary({ id: sent.id, version: sent.version, date: day } as Parameters<typeof s.approveSummary>[0]));
        }
      }
    });
    // The Markdown `export adoption-md` writes (the export's renderer; the guard finds nothing to refuse).
    for (const { id, markdown } of Object.values(projects)) {
      fs.writeFileSync(markdown, renderAdoptionSection(publicationData(desk.store, id), DEFAULT_RENDER_OPTIONS).markdown);
    }
  } finally {
    desk.close();
  }
  return { db, projects };
}

function pandocAvailable(): NotAvailable | null {
  const probe = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  return probe.error || probe.status !== 0 ? notAvailable('pandoc is not installed (apt-get install pandoc): it is only the peer to compare with') : null;
}

const isDocx = (file: { base64: string }) => Buffer.from(file.base64.slice(0, 4), 'base64').toString('latin1', 0, 2) === 'PK';

/** One side's median or peak memory, or why it was not measured. */
const side = (s: Comparison['a'], pick: 'median' | 'peakRssMb'): FigureValue => (s instanceof NotAvailable ? s : s[pick]);

export const benchCase: BenchCase = {
  name: 'word-vs-pandoc',
  title: 'Adoption section to Word: in process and our CLI vs pandoc (5 and 1,000 adopters)',
  description:
    'One project’s Adoption section to .docx. In process, as the app does it when the reviewer clicks Save .docx: ' +
    '`dispatch(exportAdoptionDocx)` on an open store, warm (read, render, build and pack with docx, reproducible post-pass, ' +
    'read back and guard every part). At 1,000 adopters (200 under --quick) it alternates with `pandoc --from gfm --to docx` ' +
    'on the Markdown `export adoption-md` writes for that project, pair by pair (AB, BA…); the ratio is the median of the pairs. ' +
    'At 5 adopters, also the whole-process command line `adoption-desk export adoption-docx` against the same pandoc, with a ' +
    'bare `node -e 0` beside it (a report: the app never starts a process to export). Seeded store made by the case in a ' +
    'helper process: 30% anonymous, 350–550-word summaries with bold, links and lists. Peak memory: in process, the resident ' +
    'set of the process that exports (holding the open store); the others, each process’s maximum resident set (GNU time).',
  figures: [
    { key: 'small.inProcess', label: '5 adopters: in process (the service call, warm), median', unit: 'ms' },
    { key: 'small.inProcess.peakRss', label: '5 adopters: in process, peak memory', unit: 'MB' },
    { key: 'large.inProcess.ratio', label: '1,000 adopters: in process ÷ pandoc, median of pairs', unit: '×' },
    { key: 'large.inProcess', label: '1,000 adopters: in process (the service call, warm), median', unit: 'ms' },
    { key: 'large.pandoc', label: '1,000 adopters: peer: pandoc, median', unit: 'ms' },
    { key: 'large.inProcess.peakRss', label: '1,000 adopters: in process, peak memory', unit: 'MB' },
    { key: 'large.pandoc.peakRss', label: '1,000 adopters: peer: pandoc, peak memory', unit: 'MB' },
    { key: 'small.ratio', label: '5 adopters: our CLI ÷ pandoc, whole processes, median of pairs', unit: '×' },
    { key: 'small.floor', label: '5 adopters: floor: a bare `node -e 0` ÷ pandoc, median of pairs', unit: '×' },
    { key: 'small.ours', label: '5 adopters: our CLI export, median', unit: 'ms' },
    { key: 'small.pandoc', label: '5 adopters: peer: pandoc, median', unit: 'ms' },
    { key: 'small.ours.peakRss', label: '5 adopters: our CLI export, peak memory', unit: 'MB' },
    { key: 'small.pandoc.peakRss', label: '5 adopters: peer: pandoc, peak memory', unit: 'MB' },
  ],
  targets: [
    { figure: 'small.inProcess', below: 30 },
    { figure: 'large.inProcess.ratio', below: 0.5 },
  ],
  helper(input) {
    const { dir, sizes } = input as { dir: string; sizes: Record<Size, number> };
    return seedWordStore(dir, sizes);
  },
  async run(context: CaseContext) {
    const dir = context.tempDir();
    const sizes = { small: context.quick ? SIZES.small.quick : SIZES.small.full, large: context.quick ? SIZES.large.quick : SIZES.large.full };
    context.progress(`seeding ${sizes.small} + ${sizes.large} adopters (helper process)`);
    const seeded = runInHelperProcess<Seeded>('word-vs-pandoc', { dir, sizes }, dir);
    const { small, large } = seeded.projects;
    const cli = builtCliPath();
    const missingPandoc = pandocAvailable();
    const pandoc = (size: Size): ProcessSpec | NotAvailable =>
      missingPandoc ?? { command: 'pandoc', args: ['--from', 'gfm', '--to', 'docx', '--output', path.join(dir, `${size}-pandoc.docx`), seeded.projects[size].markdown] };
    const notes: string[] = [];
    const details: Record<string, unknown> = { adopters: sizes, markdownBytes: { small: fs.statSync(small.markdown).size, large: fs.statSync(large.markdown).size } };
    const figuresOut: Record<string, FigureValue> = {};
    context.settle();

    // In process: the app's Save .docx, on the store the app would have open.
    const desk = openDesk(seeded.db, { autoBackup: false });
    try {
      const exportOf = (projectId: number) => async () => {
        const file = await call(desk.services, 'exportAdoptionDocx', { projectId });
        if (!isDocx(file)) throw new Error('The export did not return a .docx file.');
        return file;
      };
      context.progress(`${sizes.small} adopters in process`);
      const samples = await timeOperations({ warmup: context.reps(5, 2), count: context.reps(40, 8), run: exportOf(small.id) });
      figuresOut['small.inProcess'] = median(samples);
      figuresOut['small.inProcess.peakRss'] = ownPeakRssMb();
      details.smallInProcessMs = samples;

      context.progress(`${sizes.large} adopters in process, paired with pandoc (${fs.statSync(large.markdown).size.toLocaleString('en-US')} bytes of Markdown)`);
      collectGarbage();
      const paired = await compareOperationWithProcess(exportOf(large.id), pandoc('large'), { pairs: context.reps(5, 1), warmup: context.reps(1, 1) });
      figuresOut['large.inProcess.ratio'] = paired.ratio instanceof NotAvailable ? paired.ratio : paired.ratio.median;
      figuresOut['large.inProcess'] = side(paired.a, 'median');
      figuresOut['large.pandoc'] = side(paired.b, 'median');
      figuresOut['large.inProcess.peakRss'] = side(paired.a, 'peakRssMb');
      figuresOut['large.pandoc.peakRss'] = side(paired.b, 'peakRssMb');
      details.large = { adopters: sizes.large, comparison: paired };
    } finally {
      desk.close();
    }

    // Whole processes at 5 adopters: a report beside the floor any Node command line pays.
    const ours = path.join(dir, 'small-ours.docx');
    if (!(cli instanceof NotAvailable)) {
      // The Markdown pandoc gets is what our own `export adoption-md` writes.
      const viaCli = path.join(dir, 'small-cli.md');
      runProcess({ command: process.execPath, args: [cli, '--db', seeded.db, 'export', 'adoption-md', '--project', small.slug, '--out', viaCli] });
      if (fs.readFileSync(viaCli, 'utf8') !== fs.readFileSync(small.markdown, 'utf8')) throw new Error('The rendered Markdown differs from `export adoption-md`.');
    }
    const a: ProcessSpec | NotAvailable =
      cli instanceof NotAvailable ? cli : { command: process.execPath, args: [cli, '--db', seeded.db, 'export', 'adoption-docx', '--project', small.slug, '--out', ours] };
    context.progress(`${sizes.small} adopters: our command line and pandoc, whole processes`);
    const whole = compareProcesses(a, pandoc('small'), { pairs: context.reps(15, 3), warmup: context.reps(2, 1) });
    figuresOut['small.ratio'] = whole.ratio instanceof NotAvailable ? whole.ratio : whole.ratio.median;
    figuresOut['small.ours'] = side(whole.a, 'median');
    figuresOut['small.pandoc'] = side(whole.b, 'median');
    figuresOut['small.ours.peakRss'] = side(whole.a, 'peakRssMb');
    figuresOut['small.pandoc.peakRss'] = side(whole.b, 'peakRssMb');
    // What any Node command line pays before its first line runs, against the same pandoc run.
    const floor = compareProcesses({ command: process.execPath, args: ['-e', '0'] }, pandoc('small'), { pairs: context.reps(15, 3), warmup: context.reps(2, 1) });
    figuresOut['small.floor'] = floor.ratio instanceof NotAvailable ? floor.ratio : floor.ratio.median;
    details.small = { adopters: sizes.small, oursDocxBytes: fs.existsSync(ours) ? fs.statSync(ours).size : null, comparison: whole, floor };
    if (process.env.NODE_EXTRA_CA_CERTS) {
      notes.push(
        `NODE_EXTRA_CA_CERTS is set here (${process.env.NODE_EXTRA_CA_CERTS}): every Node process, ours included, parses that certificate file before running any code.`,
      );
    }
    if (context.quick) notes.push(`--quick: the large project has ${sizes.large} adopters, not 1,000; its figures are not comparable with a full run.`);
    return { figures: figuresOut, notes, details };
  },
};
