/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /**
   * Resolves when the process is asked to stop (Ctrl+C, SIGTERM), with the signal's name: a
   * command that runs until then (`serve`) waits on it. Tests pass their own.
   */
  untilStopped?: () => Promise<string>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
