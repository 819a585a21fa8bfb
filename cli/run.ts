import path from 'node:path';
import { DeskError } from '../domain/errors';
import { version } from '../package.json';
import { dataDirFromArgs, resolveDatabaseFile } from '../services/data-location';
import { openDesk, type Desk } from '../services/desk';
import { UnexpectedError } from './call';
import { COMMANDS } from './commands';
import { reportCrash } from './crash-log';
import { EXIT, exitCodeFor } from './exit-codes';
import { UsageError, type CliIo } from './io';

export const HELP = `Adoption Desk ${version}: adopter interviews for a CNCF due diligence, from the command line.

Usage:
${COMMANDS.map((c) => c.usage).join('\n')}

Options:
  --db FILE     the database to use (default: the app's own; ADOPTION_DESK_DB overrides)
  --version     print the version
  --help        print this help

Exit codes:
  0   done
  1   check: the Adoption section is not publishable as it stands
  2   usage error: an unknown command or option, a missing or invalid value (share: a repository
      address refused — public, cncf/*, not empty — or a shared project that cannot be read)
  3   export refused by the anonymity guard
  4   data error: no Adoption Desk database at that path (missing; empty for a command that
      only reads; another application's file, a folder or a pipe: left untouched), a damaged
      or newer database, something not found or already there, a database another program
      is busy with, a disk that refused; share: a repository out of reach or refusing what
      you send, teammates pushing first three times, the app open on the same data folder
  70  a fault in Adoption Desk itself: an unexpected error (the message names the log file with
      the details, to report) or an incomplete build
`;

interface GlobalOptions {
  db?: string;
  help: boolean;
  version: boolean;
  rest: string[];
}

/** Global flags may stand anywhere; everything else belongs to the command. */
export function splitGlobalOptions(argv: readonly string[]): GlobalOptions {
  const options: GlobalOptions = { help: false, version: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--version' || arg === '-v') options.version = true;
    else if (arg === '--db') {
      const value = argv[++i];
      if (!value) throw new UsageError('--db needs a file name.');
      options.db = value;
    } else if (arg.startsWith('--db=')) options.db = arg.slice(5);
    else options.rest.push(arg);
  }
  return options;
}

/** The data folder of a command line, as far as it can be told: where a crash log goes. */
export function dataFolderFor(argv: readonly string[], env: Record<string, string | undefined>): string | undefined {
  try {
    const options = splitGlobalOptions(argv);
    return dataFolderOf(options, options.rest, { stdout: () => {}, stderr: () => {}, env });
  } catch {
    return undefined;
  }
}

/** The data folder a command uses, as far as it can be told: where a crash log goes. */
function dataFolderOf(options: GlobalOptions | undefined, args: readonly string[], io: CliIo): string | undefined {
  try {
    const dataDir = dataDirFromArgs(args);
    if (dataDir) return path.resolve(dataDir);
    return path.dirname(resolveDatabaseFile(options?.db, io.env));
  } catch {
    return undefined;
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let desk: Desk | undefined;
  let options: GlobalOptions | undefined;
  let code: number;
  try {
    options = splitGlobalOptions(argv);
    const opts = options;
    code = await (async () => {
      if (opts.version) {
        io.stdout(`${version}\n`);
        return EXIT.ok;
      }
      const [command, ...args] = opts.rest;
      if (opts.help || !command) {
        io.stdout(HELP);
        return opts.help ? EXIT.ok : EXIT.usage;
      }
      const handler = COMMANDS.find((c) => c.name === command);
      if (!handler) throw new UsageError(`Unknown command "${command}". Run adoption-desk --help for the list.`);
      if ('standalone' in handler) return await handler.run(args, { db: opts.db, io });
      const file = resolveDatabaseFile(opts.db, io.env);
      // A damaged database can still be replaced by a backup: those two commands open it in recovery mode.
      const recover = command === 'restore' || (command === 'backup' && args[0] === 'list');
      desk = openDesk(file, { mustExist: handler.readOnly(args), recover });
      // In recovery mode the store may be closed: say why, so a listing of backups is not mistaken for health.
      if (desk.failure) io.stderr(`Warning: ${desk.failure.message}\n`);
      for (const warning of desk.warnings) io.stderr(`Warning: ${warning}\n`);
      return (await handler.run(args, desk.services, io)) ?? EXIT.ok;
    })();
  } catch (error) {
    code = reportError(error, argv, options, io);
  }
  try {
    desk?.close();
  } catch (error) {
    // What the command did is committed; only the tidy-up (the search index, folding the log) failed.
    if (error instanceof DeskError && error.code !== 'INTERNAL') io.stderr(`Warning: ${error.message}\n`);
    else if (code === EXIT.ok) code = reportError(error, argv, options, io);
  }
  return code;
}

/** The message and exit code for a failure: plain words for the foreseen ones, a crash log for the rest. */
function reportError(error: unknown, argv: readonly string[], options: GlobalOptions | undefined, io: CliIo): number {
  if (error instanceof UsageError || (error as { code?: string } | null)?.code?.startsWith?.('ERR_PARSE_ARGS')) {
    io.stderr(`${(error as Error).message}\n`);
    return EXIT.usage;
  }
  if (error instanceof DeskError && error.code !== 'INTERNAL') {
    io.stderr(`${error.message}\n`);
    return exitCodeFor(error.code);
  }
  const { message } = reportCrash(error, {
    argv,
    dataDir: dataFolderOf(options, options?.rest ?? argv, io),
    operation: error instanceof UnexpectedError ? error.operation : undefined,
  });
  io.stderr(message);
  return EXIT.internal;
}
