// Runs the helper tools npm start depends on (Electron's installer, prebuild-install,
// node-gyp) with their output captured: when they fail they print stack traces, and the
// person running `npm start` should get one plain sentence instead (the full output can
// still be written to a log file).
import { spawnSync } from 'node:child_process';

const STACK_FRAME = /^\s*(?:\S+\s+(?:ERR!|error)\s+stack\s+)?at\s/;
const LOOKS_LIKE_ERROR = /error|failed|ERR!|cannot|could not|not found/i;
const NETWORK_TROUBLE = /fetch failed|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|socket hang up|network connectivity/;

/** Runs a command to completion, killing it after `timeoutMs`. Never throws. */
export function runQuietly(command, args, { cwd, env, timeoutMs }) {
  const result = spawnSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
    windowsHide: true,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const timedOut = result.error !== undefined && /ETIMEDOUT/.test(String(result.error.code ?? result.error.message));
  const ok = result.error === undefined && result.status === 0;
  const spawnError = result.error && !timedOut ? result.error.message : undefined;
  return { ok, timedOut, output: spawnError ? `${output}${spawnError}\n` : output };
}

/** The line of a tool's output that best says what went wrong, without stack frames. */
export function firstErrorLine(output) {
  const lines = output
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !STACK_FRAME.test(line))
    .map((line) => line.trim());
  // "TypeError: fetch failed" says no more to a person than "fetch failed".
  const line = (lines.find((l) => LOOKS_LIKE_ERROR.test(l)) ?? lines.at(-1) ?? '').replace(/^(?:[A-Z]\w*)?Error:\s+/, '');
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** What went wrong when a tool could not reach the network (most failures on a new machine), else undefined. */
export function networkTrouble(output) {
  const token = output.match(NETWORK_TROUBLE)?.[0];
  if (token === undefined) return undefined;
  return token === 'network connectivity' ? 'the network could not be reached' : `the network could not be reached (${token})`;
}

/** One plain line for a failed tool run. */
export function describeFailure(output) {
  return networkTrouble(output) ?? (firstErrorLine(output) || 'it stopped without a message');
}
