import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { call } from '../call';
import type { Command } from '../command';
import { json } from '../format';
import { UsageError } from '../io';

const USAGE = '  adoption-desk restore FILE [--json]   (FILE: a path, or a name from "backup list")';

export const restoreCommand: Command = {
  name: 'restore',
  usage: USAGE,
  // Restoring onto a missing database is how a backup reaches a new machine.
  readOnly: () => false,
  async run(args, services, io) {
    const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError(`restore needs exactly one backup FILE.\nUsage:\n${USAGE}`);
    const given = positionals[0]!;
    // A path is read from the working folder; a bare name the service finds in the backups folder.
    const file = fs.existsSync(given) ? path.resolve(given) : given;
    const result = await call(services, 'restoreBackup', { file });
    if (values.json) {
      io.stdout(json(result));
      return;
    }
    io.stdout(
      `Restored ${result.restoredFrom}.\n` +
        (result.replacedKeptAt ? `The database it replaced is kept at ${result.replacedKeptAt}.\n` : ''),
    );
  },
};
