import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDesk } from '../../../services/desk';
import { call } from '../call';
import { NotAvailable, notAvailable, type BenchCase, type CaseContext, type FigureValue } from '../case';
import { compareProcesses, type ProcessSpec } from '../measure';

/**
 * EXTENSION POINT — Word export vs pandoc. The pandoc side runs today on a Markdown
 * rendering of one project's adopters; our side is not built yet. When the Word export
 * lands:
 *   1. `ourExport` returns the command that exports the same project to .docx as a user
 *      would run it (e.g. the CLI: node out/cli/adoption-desk.js export … --db <copy>);
 *   2. `markdownFor` writes the Markdown the app itself renders for that project, so both
 *      sides convert the same content.
 * compareProcesses then alternates the two and reports the ratio pair by pair.
 */
function ourExport(_context: CaseContext, _db: string, _outDir: string): ProcessSpec | NotAvailable {
  return notAvailable('the Word export is not built yet; when it lands, give its command in cases/60-word-export.ts');
}

/** One project's adopters as a DD Adoption section: headings, summaries, approved quotes. */
async function markdownFor(db: string): Promise<string> {
  const desk = openDesk(db);
  try {
    const [project] = await call(desk.services, 'listProjects', {});
    const adopters = await call(desk.services, 'adopterOverview', { projectId: project!.id });
    const parts = [`# ${project!.name}: Adoption\n`];
    for (const a of adopters) {
      parts.push(`## Adopter ${a.number} - ${a.label}\n`, `*${a.industry ?? 'Industry not given'}; ${a.usageLevel ?? 'usage not given'}; interviewed ${a.interviewMonth ?? 'n/a'}*\n`);
      parts.push(`${a.summary}\n`);
    }
    return parts.join('\n');
  } finally {
    desk.close();
  }
}

function pandoc(markdown: string, outDir: string): ProcessSpec | NotAvailable {
  const probe = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return notAvailable('pandoc is not installed (it is only the peer to compare with)');
  return { command: 'pandoc', args: ['--from', 'markdown', '--to', 'docx', '--output', path.join(outDir, 'pandoc.docx'), markdown] };
}

export const benchCase: BenchCase = {
  name: 'word-export',
  title: 'Word export vs pandoc (same content, whole process)',
  description:
    'One project’s Adoption section to .docx, each side as a whole process: our export (when built) and pandoc from the ' +
    'same Markdown. After a warm-up, the two alternate (AB, BA…); each pair gives a ratio ours ÷ pandoc. Peak memory is ' +
    'the process’s maximum resident set (GNU time).',
  figures: [
    { key: 'ours.median', label: 'our Word export, median', unit: 'ms' },
    { key: 'pandoc.median', label: 'peer: pandoc, median', unit: 'ms' },
    { key: 'ours.peakRss', label: 'our Word export, peak memory', unit: 'MB' },
    { key: 'pandoc.peakRss', label: 'peer: pandoc, peak memory', unit: 'MB' },
    { key: 'ratio', label: 'ours ÷ pandoc, median of pairs', unit: '×' },
  ],
  async run(context) {
    const db = context.copyOf(context.store);
    const outDir = context.tempDir();
    const markdown = path.join(outDir, 'adoption.md');
    fs.writeFileSync(markdown, await markdownFor(db));
    context.settle();
    const result = compareProcesses(ourExport(context, db, outDir), pandoc(markdown, outDir), { pairs: context.reps(7, 2), warmup: context.reps(1, 0) });
    const side = (s: typeof result.a, pick: 'median' | 'peakRssMb'): FigureValue => (s instanceof NotAvailable ? s : s[pick]);
    return {
      figures: {
        'ours.median': side(result.a, 'median'),
        'pandoc.median': side(result.b, 'median'),
        'ours.peakRss': side(result.a, 'peakRssMb'),
        'pandoc.peakRss': side(result.b, 'peakRssMb'),
        ratio: result.ratio instanceof NotAvailable ? result.ratio : result.ratio.median,
      },
      details: { markdownBytes: fs.statSync(markdown).size, comparison: result },
    };
  },
};
