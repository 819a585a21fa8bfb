import { reportCrash } from './crash-log';
import { EXIT } from './exit-codes';

/** The part of a stream the guards use; tests pass a stand-in. */
export interface OutputStream {
  write(text: string): unknown;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/** Codes that mean "the reader went away" (`adoption-desk … | head` closed the pipe). */
const READER_GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

export interface GuardedOutput {
  write: (text: string) => void;
  /** Why the output could not be written, when it was not the reader leaving; null otherwise. */
  failure: () => NodeJS.ErrnoException | null;
}

/**
 * Writes to a stream that may close before the command is done. When the reader leaves
 * early (`| head`), the rest of the output is dropped quietly: the command still finishes
 * what it was doing (an import commits whole) and exits with its own code, without the
 * EPIPE stack Node would otherwise print. Another write error (a full disk behind `>`) also
 * stops the output, and is kept for the caller to report.
 */
export function guardOutput(stream: OutputStream): GuardedOutput {
  let closed = false;
  let failure: NodeJS.ErrnoException | null = null;
  const stop = (error: NodeJS.ErrnoException) => {
    closed = true;
    if (!READER_GONE.has(error.code ?? '') && failure === null) failure = error;
  };
  stream.on('error', stop);
  return {
    write: (text) => {
      if (closed) return;
      try {
        stream.write(text);
      } catch (error) {
        stop(error as NodeJS.ErrnoException);
      }
    },
    failure: () => failure,
  };
}

/** The process events the guards listen to; tests pass an EventEmitter. */
export interface ProcessEvents {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
}

/**
 * Last resort for errors that escape the command (a callback that throws, a promise nobody
 * awaited): the same crash log and plain message as runCli's, exit 70, never a raw stack.
 * A write to a pipe the reader closed is not a crash: it is ignored.
 */
export function installCrashGuards(
  proc: ProcessEvents,
  context: { argv: readonly string[]; dataDir: () => string | undefined; stderr: (text: string) => void; exit: (code: number) => void },
): void {
  let crashed = false;
  const onError = (error: unknown) => {
    if (READER_GONE.has((error as NodeJS.ErrnoException | null)?.code ?? '')) return;
    if (crashed) return;
    crashed = true;
    const { message } = reportCrash(error, { argv: context.argv, dataDir: context.dataDir() });
    context.stderr(message);
    context.exit(EXIT.internal);
  };
  proc.on('uncaughtException', onError);
  proc.on('unhandledRejection', onError);
}

/** The sentence for output that could not be written (not a reader leaving). */
export function outputFailureMessage(error: NodeJS.ErrnoException): string {
  const reason =
    error.code === 'ENOSPC' ? 'the disk is full' : error.code === 'EIO' ? 'the disk refused to write' : `the system said ${error.code ?? error.message}`;
  return `Could not write the output: ${reason}. What the command changed in the database is saved; only its printed output is incomplete.\n`;
}
