import type { AnyCommand } from '../command';
import { adoptersCommand } from './adopters';
import { allowCommand } from './allow';
import { archiveCommand } from './archive';
import { backupCommand } from './backup';
import { checkCommand } from './check';
import { exportCommand } from './export';
import { importCandidatesCommand } from './import-candidates';
import { importDdCommand } from './import-dd';
import { importNotesCommand } from './import-notes';
import { projectCommand } from './project';
import { restoreCommand } from './restore';
import { searchCommand } from './search';
import { serveCommand } from './serve';
import { shareCommand } from './share';

/** Every top-level command, in the order --help lists them. */
export const COMMANDS: readonly AnyCommand[] = [
  projectCommand,
  adoptersCommand,
  exportCommand,
  checkCommand,
  allowCommand,
  importDdCommand,
  importNotesCommand,
  importCandidatesCommand,
  archiveCommand,
  shareCommand,
  searchCommand,
  backupCommand,
  restoreCommand,
  serveCommand,
];
