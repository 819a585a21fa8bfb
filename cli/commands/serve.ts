import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE, resolveDatabaseFile } from '../../services/data-location';
import type { DeskClosed } from '../../services/desk';
import { openInBrowser } from '../../server/open-browser';
import { serve, type Serving } from '../../server/serve';
import type { StandaloneCommand } from '../command';
import { EXIT } from '../exit-codes';
import { UsageError, type CliIo } from '../io';

const USAGE =
  '  adoption-desk serve [--data-dir DIR] [--port N] [--no-open]   the app in your browser, on this computer only (--db FILE: another database)';

/**
 * Ctrl+C or SIGTERM, whichever comes first. The listeners stay: a second signal while the store
 * closes (a terminal's Ctrl+C reaches both `npm start` and this process, and `npm start` passes
 * it on) must not cut the clean stop short.
 */
export function processStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => resolve(signal));
  });
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port takes a port number from 0 to 65535 (0: any free port), not "${value}".`);
  return port;
}

export function startedMessage(serving: Serving, opened: boolean): string {
  const lines = [
    opened ? 'Adoption Desk is open in your browser at' : 'Open Adoption Desk in your browser at',
    '',
    `    ${serving.url}`,
    '',
    'That address works once, in one browser, and only this computer can reach it.',
  ];
  if (serving.sharedUrls.length > 0) {
    lines.push('', 'Shared beyond this computer: other computers can open it, once, at', ...serving.sharedUrls.map((url) => `    ${url}`));
  }
  lines.push(`Data: ${serving.databaseFile}`, 'Press Ctrl+C to stop.', '');
  return lines.join('\n');
}

export function stoppedMessage(databaseFile: string, closed: DeskClosed): string {
  const index = closed.indexed > 0 ? `the search index took in the last ${closed.indexed} change${closed.indexed === 1 ? '' : 's'}` : 'the search index is up to date';
  const file = closed.checkpointed
    ? 'every change is written into the database file'
    : 'every change is saved (SQLite folds its log into the file when it next opens it)';
  return `Adoption Desk stopped: ${index}, ${file}, and ${databaseFile} is closed.\n`;
}

/**
 * `adoption-desk serve`: the whole app in the browser (server/serve.ts), on the desktop app's
 * data unless told otherwise, until Ctrl+C. Stopping closes the database cleanly and says so.
 */
export const serveCommand: StandaloneCommand = {
  name: 'serve',
  usage: USAGE,
  standalone: true,
  async run(args, { db, io }: { db: string | undefined; io: CliIo }) {
    const { values } = parseArgs({
      args,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        'no-open': { type: 'boolean' },
        host: { type: 'string' },
        'i-understand-this-shares-my-data': { type: 'boolean' },
      },
      strict: true,
    });
    if (values['data-dir'] !== undefined && db !== undefined) throw new UsageError('Give --data-dir or --db, not both.');
    const databaseFile = values['data-dir'] !== undefined ? path.resolve(values['data-dir'], DATABASE_FILE) : resolveDatabaseFile(db, io.env);
    const serving = await serve({
      databaseFile,
      port: parsePort(values.port),
      ...(values.host !== undefined ? { host: values.host } : {}),
      shareBeyondThisComputer: values['i-understand-this-shares-my-data'] === true,
    });
    const stopped = (io.untilStopped ?? processStopSignal)();
    for (const warning of serving.warnings) io.stderr(`Warning: ${warning}\n`);
    // Written after the first page is answered (server/serve.ts): its failure is told when it comes.
    void serving.dailyBackup.then(({ warning }) => warning && io.stderr(`Warning: ${warning}\n`));
    let opened = false;
    if (!values['no-open']) {
      const problem = await openInBrowser(serving.url);
      if (problem) io.stderr(`No browser was opened (${problem}): open the address below yourself.\n`);
      opened = problem === null;
    }
    io.stdout(startedMessage(serving, opened));
    await stopped;
    io.stdout('Stopping Adoption Desk…\n');
    io.stdout(stoppedMessage(serving.databaseFile, await serving.close()));
    return EXIT.ok;
  },
};
