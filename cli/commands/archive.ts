import { parseArgs } from 'node:util';
import { call } from '../call';
import type { Command } from '../command';
import { json } from '../format';
import { UsageError, type CliIo } from '../io';
import { writeOutputFile } from '../write-output';
import { asDataError, printReport, readForImport } from './import-dd';
import type { Services } from '../../services/contract';

const USAGE = `  adoption-desk archive export --project SLUG --out FILE
  adoption-desk archive import FILE [--dry-run] [--json]`;

async function exportArchive(args: string[], services: Services, io: CliIo): Promise<void> {
  const { values } = parseArgs({ args, options: { project: { type: 'string' }, out: { type: 'string' } }, strict: true });
  if (!values.project) throw new UsageError(`archive export needs --project SLUG.\nUsage:\n${USAGE}`);
  if (!values.out) throw new UsageError(`archive export needs --out FILE.\nUsage:\n${USAGE}`);
  const project = await call(services, 'getProjectBySlug', { slug: values.project });
  const file = await call(services, 'exportArchive', { projectId: project.id });
  writeOutputFile(values.out, Buffer.from(file.base64, 'base64'));
  io.stderr(`Wrote the archive of ${project.name} to ${values.out}.\n`);
}

async function importArchive(args: string[], services: Services, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError(`archive import needs one FILE.\nUsage:\n${USAGE}`);
  const file = positionals[0]!;
  return asDataError(io, async () => {
    const decoded = readForImport(file);
    const report = await call(services, 'importArchive', { fileName: file, text: decoded.text, dryRun: values['dry-run'] ?? false });
    report.warnings.unshift(...decoded.warnings);
    if (values.json) {
      io.stdout(json(report));
      return;
    }
    printReport(io, report, `${report.dryRun ? 'Would merge' : 'Merged'} ${file}`, (entry) => String((entry.recognized as { action: string }).action));
  });
}

export const archiveCommand: Command = {
  name: 'archive',
  usage: USAGE,
  readOnly: (args) => args[0] === 'export',
  async run(args, services, io) {
    const [sub, ...rest] = args;
    if (sub === 'export') return exportArchive(rest, services, io);
    if (sub === 'import') return importArchive(rest, services, io);
    throw new UsageError(sub ? `Unknown archive command "${sub}".\nUsage:\n${USAGE}` : `Usage:\n${USAGE}`);
  },
};
