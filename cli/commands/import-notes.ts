import { parseArgs } from 'node:util';
import { call } from '../call';
import type { Command } from '../command';
import { json } from '../format';
import { UsageError } from '../io';
import { asDataError, printReport, readForImport } from './import-dd';

const USAGE = '  adoption-desk import-notes FILE --project SLUG --adopter N [--dry-run] [--json]';

export const importNotesCommand: Command = {
  name: 'import-notes',
  usage: USAGE,
  readOnly: () => false,
  async run(args, services, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { project: { type: 'string' }, adopter: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError(`import-notes needs one FILE.\nUsage:\n${USAGE}`);
    if (!values.project) throw new UsageError(`import-notes needs --project SLUG.\nUsage:\n${USAGE}`);
    if (!values.adopter || !/^\d+$/.test(values.adopter)) throw new UsageError(`import-notes needs --adopter N (the adopter's number).\nUsage:\n${USAGE}`);
    const file = positionals[0]!;
    const adopterNumber = Number(values.adopter);
    return asDataError(io, async () => {
      const project = await call(services, 'getProjectBySlug', { slug: values.project! });
      const decoded = readForImport(file);
      const report = await call(services, 'importInterviewNotes', {
        fileName: file,
        text: decoded.text,
        projectId: project.id,
        adopterNumber,
        dryRun: values['dry-run'] ?? false,
      });
      report.warnings.unshift(...decoded.warnings);
      if (values.json) {
        io.stdout(json(report));
        return;
      }
      printReport(io, report, `${report.dryRun ? 'Would import' : 'Imported'} ${file} into Adopter ${adopterNumber} of ${project.name}`, (entry) => {
        const r = entry.recognized as { question?: string; key?: string; date?: string | null; month?: string | null; interview?: string; interviewers?: string[]; participants?: unknown[] };
        if (r.question !== undefined) return r.key?.startsWith('custom') ? `kept as a custom question: ${r.question}` : r.question;
        return `${r.interview}; meeting ${r.date ?? r.month ?? 'not dated'}; ${r.interviewers?.length ?? 0} interviewer(s), ${r.participants?.length ?? 0} participant(s)`;
      });
    });
  },
};
