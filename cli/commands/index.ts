import type { Command } from '../command';
import { adoptersCommand } from './adopters';
import { backupCommand } from './backup';
import { projectCommand } from './project';
import { restoreCommand } from './restore';
import { searchCommand } from './search';

/** Every top-level command, in the order --help lists them. */
export const COMMANDS: readonly Command[] = [projectCommand, adoptersCommand, searchCommand, backupCommand, restoreCommand];
