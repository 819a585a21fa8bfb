import type { Command } from '../command';
import { UsageError } from '../io';

// Placeholder: the restore command is being built.
export const restoreCommand: Command = {
  name: 'restore',
  usage: '  adoption-desk restore …',
  readOnly: () => true,
  async run() {
    throw new UsageError('The restore command is not available yet.');
  },
};
