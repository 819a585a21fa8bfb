import type { Services } from '../services/contract';
import type { CliIo } from './io';

/**
 * One top-level command (`project`, `adopters`, `search`, …). `readOnly` commands
 * refuse to create a database that does not exist yet: listing an empty new file would
 * hide a mistyped --db.
 */
export interface Command {
  name: string;
  usage: string;
  readOnly: (args: readonly string[]) => boolean;
  run(args: string[], services: Services, io: CliIo): Promise<number | void>;
}

/**
 * A command that opens and closes the database itself, and may run until it is stopped:
 * `serve`. It gets the global --db (if given) instead of open services.
 */
export interface StandaloneCommand {
  name: string;
  usage: string;
  standalone: true;
  run(args: string[], context: { db: string | undefined; io: CliIo }): Promise<number>;
}

export type AnyCommand = Command | StandaloneCommand;
