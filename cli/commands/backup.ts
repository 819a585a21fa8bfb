import { parseArgs } from 'node:util';
import type { BackupInfo } from '../../services/views';
import { call } from '../call';
import type { Command } from '../command';
import { json, table } from '../format';
import { UsageError } from '../io';

const USAGE = `  adoption-desk backup now [--json]
  adoption-desk backup list [--json]`;

/** 1.2 MB, 340 kB, 512 B: enough to tell backups apart at a glance. */
export function humanBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} B`;
}

const when = (b: BackupInfo) => b.createdAt.replace('T', ' ').replace(/:\d{2}Z$/, ' UTC');

export const backupCommand: Command = {
  name: 'backup',
  usage: USAGE,
  // Backing up or listing a database that does not exist is a mistyped --db, not a new store.
  readOnly: () => true,
  async run(args, services, io) {
    const [sub, ...rest] = args;
    if (sub === 'now') {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } }, strict: true });
      const backup = await call(services, 'backupNow', {});
      io.stdout(values.json ? json(backup) : `Backed up to ${backup.file} (${humanBytes(backup.bytes)}).\n`);
      return;
    }
    if (sub === 'list') {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } }, strict: true });
      const backups = await call(services, 'listBackups', {});
      if (values.json) io.stdout(json(backups));
      else if (backups.length === 0) io.stdout('No backups yet. Make one with: adoption-desk backup now\n');
      else io.stdout(table(['CREATED', 'REASON', 'SIZE', 'FILE'], backups.map((b) => [when(b), b.reason, humanBytes(b.bytes), b.file])));
      return;
    }
    throw new UsageError(sub ? `Unknown backup command "${sub}".\nUsage:\n${USAGE}` : `Usage:\n${USAGE}`);
  },
};
