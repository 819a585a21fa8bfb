import type { Command } from '../command';
import { UsageError } from '../io';

// Placeholder: the backup command is being built.
export const backupCommand: Command = {
  name: 'backup',
  usage: '  adoption-desk backup …',
  readOnly: () => true,
  async run() {
    throw new UsageError('The backup command is not available yet.');
  },
};
