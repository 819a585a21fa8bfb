import { parseArgs } from 'node:util';
import { call } from '../call';
import type { Command } from '../command';
import { json } from '../format';
import { UsageError } from '../io';
import { asDataError, printReport, readForImport } from './import-dd';

const USAGE = '  adoption-desk import-candidates FILE --project SLUG [--map "Column=field,…"] [--dry-run] [--json]';

/** "Company=organization,Mail=email" → { Company: 'organization', Mail: 'email' }. */
export function parseMapping(text: string): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const pair of text.split(',')) {
    if (!pair.trim()) continue;
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--map takes Column=field pairs separated by commas; "${pair}" has no "=".`);
    mapping[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return mapping;
}

export const importCandidatesCommand: Command = {
  name: 'import-candidates',
  usage: USAGE,
  readOnly: () => false,
  async run(args, services, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { project: { type: 'string' }, map: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError(`import-candidates needs one FILE.\nUsage:\n${USAGE}`);
    if (!values.project) throw new UsageError(`import-candidates needs --project SLUG.\nUsage:\n${USAGE}`);
    const mapping = values.map ? parseMapping(values.map) : undefined;
    const file = positionals[0]!;
    return asDataError(io, async () => {
      const project = await call(services, 'getProjectBySlug', { slug: values.project! });
      const decoded = readForImport(file);
      const report = await call(services, 'importCandidates', {
        fileName: file,
        text: decoded.text,
        projectId: project.id,
        ...(mapping ? { mapping } : {}),
        dryRun: values['dry-run'] ?? false,
      });
      report.warnings.unshift(...decoded.warnings);
      if (values.json) {
        io.stdout(json(report));
        return;
      }
      printReport(io, report, `${report.dryRun ? 'Preview of' : 'Imported'} ${file} into ${project.name}`, (entry) => {
        const r = entry.recognized as Record<string, unknown>;
        if (entry.label === 'Columns') return Object.entries(r).map(([column, field]) => `${column} → ${String(field)}`).join(', ');
        return [r.organization, r.name, r.email].filter(Boolean).join(', ');
      });
    });
  },
};
