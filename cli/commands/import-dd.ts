import { parseArgs } from 'node:util';
import { DeskError } from '../../domain/errors';
import { readImportFile } from '../../services/import-text';
import type { ImportReport } from '../../services/views';
import { call } from '../call';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { json } from '../format';
import { UsageError, type CliIo } from '../io';

const USAGE =
  '  adoption-desk import-dd FILE [--project SLUG | --name NAME --level incubation|graduation] [--same ORGANIZATION]... [--dry-run] [--json]';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "4 adopters, 4 interviews, 3 organizations": what an import created (or would create). */
export function createdLine(created: ImportReport['created']): string {
  const parts = (
    [
      ['project', created.projects],
      ['organization', created.organizations],
      ['person', created.people],
      ['adopter', created.adopters],
      ['interview', created.interviews],
      ['quote', created.quotes],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([word, n]) => (word === 'person' ? `${n} ${n === 1 ? 'person' : 'people'}` : plural(n, word)));
  return parts.length ? parts.join(', ') : 'nothing new';
}

/** The report for a terminal: what was imported, one line per entry, then every warning. */
export function printReport(io: CliIo, report: ImportReport, headline: string, entryLine: (entry: ImportReport['entries'][number]) => string): void {
  const lines = [`${headline}${report.dryRun ? ' (dry run: nothing was written)' : ''}: ${createdLine(report.created)}.`];
  for (const entry of report.entries) lines.push(`  ${entry.label}: ${entryLine(entry)}`);
  const warnings = [...report.warnings, ...report.entries.flatMap((e) => e.warnings.map((w) => (w.startsWith(e.label) ? w : `${e.label}: ${w}`)))];
  if (warnings.length) lines.push('', 'Warnings:', ...warnings.map((w) => `  - ${w}`));
  io.stdout(`${lines.join('\n')}\n`);
}

/** Reads the file for an import, or fails with exit code 4 and the reason. */
export function readForImport(file: string): { text: string; warnings: string[] } {
  return readImportFile(file);
}

/** Import errors are about the data (the file, the project), not the command line: exit 4. */
export async function asDataError(io: CliIo, run: () => Promise<number | void>): Promise<number> {
  try {
    return (await run()) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof DeskError && error.code === 'VALIDATION') {
      io.stderr(`${error.message}\n`);
      return EXIT.data;
    }
    throw error;
  }
}

/** What the import service reports of one DD entry (services/import-dd.ts, `recognized`). */
interface DdRecognized {
  line: number;
  lastLine: number;
  heading: string;
  organization: string | null;
  industry: string | null;
  publicLabel: string | null;
  anonymous: boolean;
  readAs: 'organization' | 'label' | 'anonymous';
  readBecause: string;
  months: string[];
  interviewees: { name: string; role: string | null }[];
  anonymousInterviewees: number;
  vendorNote: string | null;
}

/** "organization Globex, industry technology company", "anonymous, published as "Retail"". */
function readAs(r: DdRecognized): string {
  if (r.readAs === 'organization') return `organization "${r.organization}"${r.industry ? `, industry "${r.industry}"` : ''}`;
  if (r.readAs === 'label') return `anonymous, published as "${r.publicLabel}"`;
  return `anonymous, published as "${r.industry ? `Anonymous ${r.industry}` : 'Anonymous'}"`;
}

/**
 * One entry: what it becomes, then where it is and how it was read, so a reviewer can
 * check the import against the document before anything is written.
 */
function ddEntryLine(entry: ImportReport['entries'][number]): string {
  const r = entry.recognized as unknown as DdRecognized;
  const who = r.anonymous
    ? `anonymous (${r.publicLabel ?? (r.industry ? `Anonymous ${r.industry}` : 'Anonymous')})`
    : [r.organization, r.industry].filter(Boolean).join(' / ');
  const people = r.interviewees.length ? `, ${plural(r.interviewees.length, 'interviewee')}` : '';
  const names = r.interviewees.map((p) => (p.role ? `${p.name} (${p.role})` : p.name));
  if (r.anonymousInterviewees > 0) names.push(plural(r.anonymousInterviewees, 'anonymous interviewee'));
  const details = [
    `${r.lastLine > r.line ? `lines ${r.line}–${r.lastLine}` : `line ${r.line}`}: ${r.heading}`,
    `read as ${readAs(r)}: ${r.readBecause}`,
    `month: ${r.months.length ? r.months.join(' and ') : 'none in the document'}`,
    `people: ${names.length ? names.join('; ') : 'none named'}`,
  ];
  return `${who}, ${r.months.length ? r.months.join(' and ') : 'no date'}${people}${r.vendorNote ? ', vendor note' : ''}${details.map((d) => `\n      ${d}`).join('')}`;
}

/** Organizations another project already has under the same name, and how to say they are the same. */
function printMatches(io: CliIo, report: ImportReport): void {
  const matches = report.matches ?? [];
  if (matches.length === 0) return;
  const lines = ['', 'Already in another project:'];
  for (const m of matches) {
    const where = m.existing.projects.join(', ') || 'another project';
    lines.push(
      m.confirmed
        ? `  - ${m.name}: the same record as in ${where} (as you said); its record was not changed.`
        : `  - ${m.name}: kept apart from ${m.existing.name}${m.existing.industry ? ` (${m.existing.industry})` : ''} in ${where}. If it is the same organization, import with --same "${m.name}".`,
    );
  }
  io.stdout(`${lines.join('\n')}\n`);
}

export const importDdCommand: Command = {
  name: 'import-dd',
  usage: USAGE,
  readOnly: () => false,
  async run(args, services, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        project: { type: 'string' },
        name: { type: 'string' },
        level: { type: 'string' },
        same: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError(`import-dd needs one FILE.\nUsage:\n${USAGE}`);
    const file = positionals[0]!;
    if (values.project && (values.name || values.level)) throw new UsageError(`Choose either --project (an existing project) or --name and --level (a new one).\nUsage:\n${USAGE}`);
    if ((values.name === undefined) !== (values.level === undefined)) throw new UsageError(`A new project needs both --name and --level.\nUsage:\n${USAGE}`);
    if (values.level !== undefined && values.level !== 'incubation' && values.level !== 'graduation') {
      throw new UsageError(`--level is incubation or graduation, not "${values.level}".\nUsage:\n${USAGE}`);
    }
    const newProject = values.name !== undefined && values.level !== undefined ? { name: values.name, level: values.level as 'incubation' | 'graduation' } : null;
    return asDataError(io, async () => {
      const project = values.project ? await call(services, 'getProjectBySlug', { slug: values.project }) : null;
      const decoded = readForImport(file);
      const report = await call(services, 'importDdDocument', {
        fileName: file,
        text: decoded.text,
        ...(project ? { projectId: project.id } : {}),
        ...(newProject ? { newProject } : {}),
        ...(values.same?.length ? { sameOrganizations: values.same } : {}),
        dryRun: values['dry-run'] ?? false,
      });
      report.warnings.unshift(...decoded.warnings);
      if (values.json) {
        io.stdout(json(report));
        return;
      }
      const target = project ?? (report.projectId ? await call(services, 'getProject', { id: report.projectId }) : null);
      const into = target ? ` into ${target.name} (${target.slug})` : ' into a new project';
      printReport(io, report, `${report.dryRun ? 'Would import' : 'Imported'} ${plural(report.entries.length, 'adopter entry').replace('entrys', 'entries')} from ${file}${into}`, ddEntryLine);
      printMatches(io, report);
    });
  },
};
