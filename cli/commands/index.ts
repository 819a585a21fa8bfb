import type { Command } from '../command';
import { adoptersCommand } from './adopters';
import { projectCommand } from './project';

/** Every top-level command, in the order --help lists them. */
export const COMMANDS: readonly Command[] = [projectCommand, adoptersCommand];
