import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { version } from '../package.json';

/**
 * What the command line does with an error nobody foresaw (a fault in Adoption Desk): the
 * reviewer gets a few plain lines — that it is the app's fault, what happened to their data,
 * where the details are and what to send — and the details (stack, causes, command, versions)
 * go to a log file, never to the terminal. The log lives in the data folder's `logs/`
 * (beside the database, so it is found with the data) or, when that cannot be written, in
 * the system's temporary folder. It is written only for the owner (it may quote their data).
 */

export const LOG_FOLDER = 'logs';

export interface CrashContext {
  /** The command line as typed (after `adoption-desk`). */
  argv: readonly string[];
  /** The data folder (the database file's folder), if the command got as far as knowing it. */
  dataDir?: string | undefined;
  /** What was running: a contract operation's name, when the error came out of one. */
  operation?: string | undefined;
  now?: Date;
  /** The fallback folder; tests pass their own. */
  tempDir?: string;
}

/** `2026-12-03T125501Z`: sorts by time, no colons (Windows file names). */
const stamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '');

/** The error, its stack and its causes, as text for the log. */
export function describeError(error: unknown, depth = 0): string {
  if (depth > 5) return '(further causes left out)';
  if (!(error instanceof Error)) {
    let text: string;
    try {
      text = typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
    } catch {
      text = String(error);
    }
    return `thrown value: ${text}`;
  }
  const code = (error as { code?: unknown }).code;
  const lines = [error.stack ?? `${error.name}: ${error.message}`];
  if (code !== undefined) lines.push(`code: ${String(code)}`);
  if (error.cause !== undefined) lines.push(`caused by: ${describeError(error.cause, depth + 1)}`);
  return lines.join('\n');
}

function logText(error: unknown, context: CrashContext, now: Date): string {
  return [
    `Adoption Desk ${version}: unexpected error in the command line`,
    `time: ${now.toISOString()}`,
    `command: adoption-desk ${context.argv.join(' ')}`,
    ...(context.operation ? [`operation: ${context.operation}`] : []),
    `node: ${process.version} (${process.platform} ${process.arch})`,
    '',
    describeError(error),
    '',
  ].join('\n');
}

/** Writes the file where it may; the folder tried first is the data folder's logs. Null when no folder took it. */
export function writeCrashLog(error: unknown, context: CrashContext): string | null {
  const now = context.now ?? new Date();
  const name = `adoption-desk-cli-${stamp(now)}-${process.pid}.log`;
  const text = logText(error, context, now);
  const folders: string[] = [];
  // Only into a data folder that exists: a log is no reason to create one.
  if (context.dataDir && fs.existsSync(context.dataDir)) folders.push(path.join(context.dataDir, LOG_FOLDER));
  folders.push(context.tempDir ?? os.tmpdir());
  for (const folder of folders) {
    try {
      fs.mkdirSync(folder, { recursive: true });
      const file = path.join(folder, name);
      fs.writeFileSync(file, text, { flag: 'a', mode: 0o600 });
      return file;
    } catch {
      // the next folder, then none
    }
  }
  return null;
}

/**
 * The lines for the terminal: a fault of the app's, what that means for the data, where
 * the details are and what to report. No stack, no driver message.
 */
export function crashMessage(logFile: string | null, context: Pick<CrashContext, 'argv'>): string {
  const command = context.argv[0] ? `"adoption-desk ${context.argv.slice(0, 2).join(' ')}"` : 'the command';
  const lines = [
    `Adoption Desk stopped on an unexpected error while running ${command} (exit 70). This is a fault in Adoption Desk, not in what you typed.`,
    'Every change is saved whole or not at all, so the database holds no half-made change; look before you run the command again.',
    logFile
      ? `The details are in ${logFile}.`
      : 'The details could not be written to a log file (neither the data folder nor the temporary folder took it).',
    `Please report it to the Adoption Desk maintainers with the command you ran, the version (${version})${logFile ? ' and that file — read it first: it may quote your data' : ''}.`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Logs the error and returns what to print. */
export function reportCrash(error: unknown, context: CrashContext): { logFile: string | null; message: string } {
  let logFile: string | null = null;
  try {
    logFile = writeCrashLog(error, context);
  } catch {
    // describing the error failed too: say so without details
  }
  return { logFile, message: crashMessage(logFile, context) };
}
