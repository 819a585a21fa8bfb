import { parseArgs } from 'node:util';
import type { Services } from '../../services/contract';
import type { ShareStatusRow } from '../../services/share/share-service';
import { call } from '../call';
import type { Command } from '../command';
import { json } from '../format';
import { UsageError } from '../io';

/**
 * Team mode from the command line (docs/team.md): the same operations as the app's Share
 * project…, Join and Sync, printing the Sync report in sentences. A Sync never starts unless asked.
 */
const USAGE = `  adoption-desk share init --project SLUG --remote URL [--json]
  adoption-desk share join URL [--json]
  adoption-desk share sync --project SLUG [--json]
  adoption-desk share status [--project SLUG] [--json]
  adoption-desk share acknowledge --project SLUG`;

const projectIdOf = async (services: Services, slug: string | undefined, sub: string): Promise<number> => {
  if (!slug) throw new UsageError(`share ${sub} needs --project SLUG.`);
  return (await call(services, 'getProjectBySlug', { slug })).id;
};

const sentences = (lines: readonly string[]): string => lines.map((line) => `${line}\n`).join('');

/** One shared project's status: its line, then what waits for review, one item a line. */
export function statusText(rows: readonly ShareStatusRow[]): string {
  if (rows.length === 0) return 'No project is shared yet. Share one with: adoption-desk share init --project SLUG --remote URL\n';
  return rows
    .map((row) => {
      const lines = [`${row.slug}: ${row.line} (team repository: ${row.remote})`];
      for (const item of row.toAcknowledge) lines.push(`  to acknowledge: ${item.what}${item.by ? ` (${item.by})` : ''}`);
      for (const conflict of row.openConflicts) lines.push(`  conflict: ${conflict.adopterNumber === null ? '' : `Adopter ${conflict.adopterNumber}, `}${conflict.recordKind} ${conflict.field} — compare and choose in the app`);
      return sentences(lines);
    })
    .join('');
}

export const shareCommand: Command = {
  name: 'share',
  usage: USAGE,
  // Only a Join may start a new database: the others name a project that must already be there.
  readOnly: (args) => args[0] !== 'join',
  async run(args, services, io) {
    const [sub, ...rest] = args;
    const options = { project: { type: 'string' }, remote: { type: 'string' }, json: { type: 'boolean' } } as const;
    if (sub === 'init') {
      const { values } = parseArgs({ args: rest, options, strict: true });
      const projectId = await projectIdOf(services, values.project, sub);
      if (!values.remote) throw new UsageError('share init needs --remote URL: the address of the team’s private repository.');
      const report = await call(services, 'shareProject', { projectId, remoteUrl: values.remote });
      io.stdout(values.json ? json(report) : sentences(report.sentences));
      return;
    }
    if (sub === 'join') {
      const { values, positionals } = parseArgs({ args: rest, options: { json: options.json }, allowPositionals: true, strict: true });
      if (positionals.length !== 1) throw new UsageError(`share join needs the address of the team’s repository, and only that.\nUsage:\n${USAGE}`);
      const report = await call(services, 'joinShared', { remoteUrl: positionals[0]! });
      io.stdout(values.json ? json(report) : sentences(report.sentences));
      return;
    }
    if (sub === 'sync') {
      const { values } = parseArgs({ args: rest, options: { project: options.project, json: options.json }, strict: true });
      const report = await call(services, 'syncProject', { projectId: await projectIdOf(services, values.project, sub) });
      io.stdout(values.json ? json(report) : sentences(report.sentences));
      return;
    }
    if (sub === 'acknowledge') {
      // What a teammate changed that weakens anonymity, acknowledged after reading it: public exports wait for this.
      const { values } = parseArgs({ args: rest, options: { project: options.project }, strict: true });
      const projectId = await projectIdOf(services, values.project, sub);
      const pending = (await call(services, 'shareStatus', { projectId }))[0]?.toAcknowledge ?? [];
      if (pending.length === 0) {
        io.stdout(`Nothing in ${values.project} waits for an acknowledgement.\n`);
        return;
      }
      await call(services, 'acknowledgeSync', { projectId, ids: pending.map((p) => p.id) });
      io.stdout(sentences(pending.map((p) => `Acknowledged: ${p.what}.`)));
      return;
    }
    if (sub === 'status') {
      const { values } = parseArgs({ args: rest, options: { project: options.project, json: options.json }, strict: true });
      const rows = await call(services, 'shareStatus', values.project ? { projectId: await projectIdOf(services, values.project, sub) } : {});
      if (values.project && rows.length === 0 && !values.json) {
        io.stdout(`${values.project} is not shared with a team yet. Share it with: adoption-desk share init --project ${values.project} --remote URL\n`);
        return;
      }
      io.stdout(values.json ? json(rows) : statusText(rows));
      return;
    }
    throw new UsageError(sub ? `Unknown share command "${sub}".\nUsage:\n${USAGE}` : `Usage:\n${USAGE}`);
  },
};
