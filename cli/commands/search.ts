import type { Command } from '../command';
import { UsageError } from '../io';

// Placeholder: the search command is being built.
export const searchCommand: Command = {
  name: 'search',
  usage: '  adoption-desk search …',
  readOnly: () => true,
  async run() {
    throw new UsageError('The search command is not available yet.');
  },
};
