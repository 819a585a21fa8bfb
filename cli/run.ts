import { DeskError } from '../domain/errors';
import { version } from '../package.json';
import { resolveDatabaseFile } from '../services/data-location';
import { openDesk, type Desk } from '../services/desk';
import { COMMANDS } from './commands';
import { EXIT, exitCodeFor } from './exit-codes';
import { UsageError, type CliIo } from './io';

export const HELP = `Adoption Desk ${version}: adopter interviews for a CNCF due diligence, from the command line.

Usage:
${COMMANDS.map((c) => c.usage).join('\n')}

Options:
  --db FILE     the database to use (default: the app's own; ADOPTION_DESK_DB overrides)
  --version     print the version
  --help        print this help

Exit codes: 0 ok, 1 not publishable (check), 2 usage error, 3 refused by the anonymity guard,
4 data error (missing, damaged or newer database; not found).
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

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let desk: Desk | undefined;
  try {
    const options = splitGlobalOptions(argv);
    if (options.version) {
      io.stdout(`${version}\n`);
      return EXIT.ok;
    }
    const [command, ...args] = options.rest;
    if (options.help || !command) {
      io.stdout(HELP);
      return options.help ? EXIT.ok : EXIT.usage;
    }
    const handler = COMMANDS.find((c) => c.name === command);
    if (!handler) throw new UsageError(`Unknown command "${command}". Run adoption-desk --help for the list.`);
    if ('standalone' in handler) return await handler.run(args, { db: options.db, io });
    const file = resolveDatabaseFile(options.db, io.env);
    // A damaged database can still be replaced by a backup: those two commands open it in recovery mode.
    const recover = command === 'restore' || (command === 'backup' && args[0] === 'list');
    desk = openDesk(file, { mustExist: handler.readOnly(args), recover });
    for (const warning of desk.warnings) io.stderr(`Warning: ${warning}\n`);
    return (await handler.run(args, desk.services, io)) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${(error as Error).message}\n`);
      return EXIT.usage;
    }
    if (error instanceof DeskError) {
      io.stderr(`${error.message}\n`);
      return exitCodeFor(error.code);
    }
    io.stderr(`Unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    return EXIT.internal;
  } finally {
    desk?.close();
  }
}
