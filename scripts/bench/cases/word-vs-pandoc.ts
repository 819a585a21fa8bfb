import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDesk } from '../../../services/desk';
import { publicationData } from '../../../services/publication-data';
import { DEFAULT_RENDER_OPTIONS } from '../../../templates/adoption/model';
import { renderAdoptionSection } from '../../../templates/adoption/section';
import { NotAvailable, notAvailable, type BenchCase, type CaseContext, type FigureSpec, type FigureValue } from '../case';
import { NameMaker, TextMaker, buildVocabulary } from '../corpus';
import { compareProcesses, runProcess, type Comparison, type ProcessSpec } from '../measure';
import { createRng } from '../prng';

/**
 * The Adoption section as a Word document: our command line against pandoc, side by side
 * in one run, each as a whole process, on the same content, at two sizes.
 *
 *   ours:   node out/cli/adoption-desk.js --db <store> export adoption-docx --project <slug> --out x.docx
 *           (open the store, read the project, render, pack, read the file back and run the
 *           anonymity guard over every part, write)
 *   pandoc: pandoc --from gfm --to docx <the Markdown `export adoption-md` writes for that project>
 *
 * The store is made here, seeded: one project with 5 adopters, one with 1,000 (200 under
 * --quick), 30% of them anonymous, every summary approved, 4–6 paragraphs (350–550 words,
 * the harness's Zipf text) with some bold, links and lists. The Markdown is rendered with
 * the export's own renderer (the same bytes `export adoption-md` writes when nothing
 * leaks; checked against the CLI for the small project).
 */

const SEED = 'adoption-desk-bench-word-1';
const SIZES = { small: { full: 5, quick: 5 }, large: { full: 1000, quick: 200 } } as const;
type Size = keyof typeof SIZES;

const figures = (size: Size, label: string): FigureSpec[] => [
  { key: `${size}.ratio`, label: `${label}: ours ÷ pandoc, median of pairs`, unit: '×' },
  { key: `${size}.ours`, label: `${label}: our CLI export, median`, unit: 'ms' },
  { key: `${size}.pandoc`, label: `${label}: peer: pandoc, median`, unit: 'ms' },
  { key: `${size}.ours.peakRss`, label: `${label}: our CLI export, peak memory`, unit: 'MB' },
  { key: `${size}.pandoc.peakRss`, label: `${label}: peer: pandoc, peak memory`, unit: 'MB' },
];

interface Seeded {
  db: string;
  projects: Record<Size, { slug: string; adopters: number }>;
}

/** What no name may be: a word of an anonymous adopter's name, so the text never trips the guard by chance. */
const SUFFIXES = new Set(['systems', 'labs', 'logistics', 'bank', 'health', 'retail', 'media', 'networks', 'energy', 'insurance', 'games', 'telecom', 'analytics', 'mobility', 'foods', 'freight', 'capital', 'works']);

function must<T>(value: T | Promise<T>): T {
  if (value instanceof Promise) throw new Error('The services answered asynchronously; the seeding expects the store’s synchronous services.');
  return value;
}

/** A store with one project per size, everything in one change (one transaction). */
export function seedWordStore(dir: string, sizes: Record<Size, number>): Seeded {
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
        projects[size] = { slug: project.slug, adopters: sizes[size] };
        for (let n = 1; n <= sizes[size]; n++) {
          const anonymous = n % 10 < 3;
          const org = names.organization();
          const who = names.person();
          const secret = new Set(anonymous ? [...org.name.split(' '), ...who.split(' ')].map((w) => w.toLowerCase()).filter((w) => !SUFFIXES.has(w)) : []);
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
  } finally {
    desk.close();
  }
  return { db, projects };
}

/** The Markdown `export adoption-md` writes for the project (the export's renderer; the guard finds nothing to refuse). */
function markdownOf(db: string, slug: string): string {
  const desk = openDesk(db, { autoBackup: false });
  try {
    const project = must(desk.services.getProjectBySlug({ slug }));
    return renderAdoptionSection(publicationData(desk.store, project.id), DEFAULT_RENDER_OPTIONS).markdown;
  } finally {
    desk.close();
  }
}

function cliPath(): string | NotAvailable {
  // out/bench/bench.js → out/cli/adoption-desk.js (ADOPTION_DESK_BENCH_CLI overrides).
  const cli = process.env.ADOPTION_DESK_BENCH_CLI ?? path.resolve(path.dirname(process.argv[1]!), '..', 'cli', 'adoption-desk.js');
  return fs.existsSync(cli) ? cli : notAvailable(`the command line is not built (${cli}); run npm run build first`);
}

function pandocAvailable(): NotAvailable | null {
  const probe = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  return probe.error || probe.status !== 0 ? notAvailable('pandoc is not installed (apt-get install pandoc): it is only the peer to compare with') : null;
}

export const benchCase: BenchCase = {
  name: 'word-vs-pandoc',
  title: 'Adoption section to Word: our CLI vs pandoc (5 and 1,000 adopters)',
  description:
    'One project’s Adoption section to .docx, each side a whole process on the same content: `adoption-desk export adoption-docx` ' +
    '(open the store, read the project, render, pack, read the file back and run the anonymity guard over every part, write) against ' +
    '`pandoc --from gfm --to docx` on the Markdown `export adoption-md` writes for that project. Seeded store made by the case: 5 and ' +
    '1,000 adopters (200 under --quick), 30% anonymous, 350–550-word summaries with bold, links and lists. After warm-up the sides ' +
    'alternate (AB, BA…); each pair gives ours ÷ pandoc, the figure is the median. Peak memory: each process’s maximum resident set (GNU time).',
  figures: [
    ...figures('small', '5 adopters'),
    { key: 'small.floor', label: '5 adopters: floor: a bare `node -e 0` ÷ pandoc, median of pairs', unit: '×' },
    ...figures('large', '1,000 adopters'),
  ],
  targets: [
    { figure: 'small.ratio', below: 1.0 },
    { figure: 'large.ratio', below: 0.5 },
  ],
  async run(context: CaseContext) {
    const dir = context.tempDir();
    const sizes = { small: context.quick ? SIZES.small.quick : SIZES.small.full, large: context.quick ? SIZES.large.quick : SIZES.large.full };
    context.progress(`seeding ${sizes.small} + ${sizes.large} adopters`);
    const seeded = seedWordStore(dir, sizes);
    const cli = cliPath();
    const missingPandoc = pandocAvailable();
    const notes: string[] = [];
    const details: Record<string, unknown> = { adopters: sizes };
    const figuresOut: Record<string, FigureValue> = {};

    for (const size of ['small', 'large'] as const) {
      const { slug } = seeded.projects[size];
      const md = path.join(dir, `${size}.md`);
      fs.writeFileSync(md, markdownOf(seeded.db, slug));
      const ours = path.join(dir, `${size}-ours.docx`);
      const theirs = path.join(dir, `${size}-pandoc.docx`);
      if (size === 'small' && !(cli instanceof NotAvailable)) {
        // The Markdown pandoc gets is what our own `export adoption-md` writes.
        const viaCli = path.join(dir, 'small-cli.md');
        runProcess({ command: process.execPath, args: [cli, '--db', seeded.db, 'export', 'adoption-md', '--project', slug, '--out', viaCli] });
        if (fs.readFileSync(viaCli, 'utf8') !== fs.readFileSync(md, 'utf8')) throw new Error('The rendered Markdown differs from `export adoption-md`.');
      }
      const a: ProcessSpec | NotAvailable =
        cli instanceof NotAvailable ? cli : { command: process.execPath, args: [cli, '--db', seeded.db, 'export', 'adoption-docx', '--project', slug, '--out', ours] };
      const b: ProcessSpec | NotAvailable = missingPandoc ?? { command: 'pandoc', args: ['--from', 'gfm', '--to', 'docx', '--output', theirs, md] };
      context.settle();
      context.progress(`${sizes[size]} adopters: ${fs.statSync(md).size.toLocaleString('en-US')} bytes of Markdown`);
      const large = size === 'large';
      const result: Comparison = compareProcesses(a, b, {
        pairs: large ? context.reps(5, 1) : context.reps(15, 3),
        warmup: large ? context.reps(1, 0) : context.reps(2, 1),
      });
      const side = (s: Comparison['a'], pick: 'median' | 'peakRssMb'): FigureValue => (s instanceof NotAvailable ? s : s[pick]);
      figuresOut[`${size}.ratio`] = result.ratio instanceof NotAvailable ? result.ratio : result.ratio.median;
      figuresOut[`${size}.ours`] = side(result.a, 'median');
      figuresOut[`${size}.pandoc`] = side(result.b, 'median');
      figuresOut[`${size}.ours.peakRss`] = side(result.a, 'peakRssMb');
      figuresOut[`${size}.pandoc.peakRss`] = side(result.b, 'peakRssMb');
      if (size === 'small') {
        // What any Node command line pays before its first line runs, against the same pandoc
        // run: the part of the small ratio no change to Adoption Desk can remove.
        const floor = compareProcesses({ command: process.execPath, args: ['-e', '0'] }, b, { pairs: context.reps(15, 3), warmup: context.reps(2, 1) });
        figuresOut['small.floor'] = floor.ratio instanceof NotAvailable ? floor.ratio : floor.ratio.median;
        details.floor = floor;
        if (process.env.NODE_EXTRA_CA_CERTS) {
          notes.push(
            `NODE_EXTRA_CA_CERTS is set here (${process.env.NODE_EXTRA_CA_CERTS}): every Node process, ours included, parses that certificate file before running any code.`,
          );
        }
      }
      details[size] = {
        adopters: sizes[size],
        markdownBytes: fs.statSync(md).size,
        oursDocxBytes: fs.existsSync(ours) ? fs.statSync(ours).size : null,
        pandocDocxBytes: fs.existsSync(theirs) ? fs.statSync(theirs).size : null,
        comparison: result,
      };
    }
    if (context.quick) notes.push(`--quick: the large project has ${sizes.large} adopters, not 1,000; its figures are not comparable with a full run.`);
    return { figures: figuresOut, notes, details };
  },
};
