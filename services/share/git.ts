/**
 * The one way Adoption Desk runs Git (team mode, docs/team.md). The reviewer's own installed
 * `git` moves the data with their own credentials and identity; Adoption Desk never lets it
 * merge content. Every call is an argument array (never a shell string), with prompts, hooks,
 * pagers and the environment's repository overrides off, in the C locale so its output parses,
 * under a time limit; a failure becomes a `DeskError` with a plain sentence.
 */
import { spawn } from 'node:child_process';
import { DeskError, type ErrorCode } from '../../domain/errors';

/** Why a Git call failed, for callers and tests; the sentence is for the reviewer. */
export type GitFailure =
  | 'git-missing'
  | 'timeout'
  | 'failed'
  | 'sign-in'
  | 'unreachable'
  | 'cncf'
  | 'public'
  | 'unsupported-url'
  | 'other-content'
  | 'other-project'
  | 'no-identity'
  | 'not-text'
  | 'bad-path'
  | 'push-race';

export const gitError = (code: ErrorCode, reason: GitFailure, message: string): DeskError => new DeskError(code, message, { reason });

/** The reason a `gitError` carries, or undefined for any other error. */
export function gitFailureOf(error: unknown): GitFailure | undefined {
  if (!(error instanceof DeskError)) return undefined;
  const details = error.details as { reason?: GitFailure } | undefined;
  return details?.reason;
}

export const GIT_MISSING_MESSAGE = 'Adoption Desk needs Git to share a project; install Git and try again.';

export const LOCAL_TIMEOUT_MS = 30_000;
export const NETWORK_TIMEOUT_MS = 120_000;

/**
 * Settings on every call: no hook of any repository runs (a fetched repository must not run
 * code), no pager, no file-system monitor command, objects checked as they arrive, no
 * background maintenance left running after the call, and Git never guesses an identity.
 */
const SAFE_CONFIG = [
  'core.hooksPath=/dev/null',
  'core.fsmonitor=false',
  'core.pager=cat',
  'credential.interactive=false',
  'transfer.fsckObjects=true',
  'gc.autoDetach=false',
  'maintenance.auto=false',
  'user.useConfigOnly=true',
  'protocol.ext.allow=never',
];

/**
 * Variables of the reviewer's environment that Git may keep: where their configuration is, how
 * they reach servers (ssh, proxies, certificates) and who they are. Every other GIT_* variable
 * (GIT_DIR, GIT_INDEX_FILE, GIT_CONFIG_PARAMETERS, traces…) is dropped: it would point Git at
 * another repository or change what it does.
 */
const KEPT_GIT_VARIABLES = new Set([
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_SYSTEM',
  'GIT_CONFIG_NOSYSTEM',
  'GIT_EXEC_PATH',
  'GIT_SSH',
  'GIT_SSH_COMMAND',
  'GIT_SSH_VARIANT',
  'GIT_ASKPASS',
  'GIT_SSL_CAINFO',
  'GIT_SSL_CAPATH',
  'GIT_PROXY_COMMAND',
  'GIT_PROXY_SSL_CAINFO',
  'GIT_AUTHOR_NAME',
  'GIT_AUTHOR_EMAIL',
  'GIT_COMMITTER_NAME',
  'GIT_COMMITTER_EMAIL',
]);

/** The environment every call starts from: the reviewer's, cleaned, prompts off, C locale. */
export function gitEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    if (value === undefined) continue;
    if (key.startsWith('GIT_') && !KEPT_GIT_VARIABLES.has(key)) continue;
    if (key === 'LANG' || key === 'LANGUAGE' || key.startsWith('LC_')) continue;
    env[key] = value;
  }
  env.GIT_TERMINAL_PROMPT = '0';
  env.GCM_INTERACTIVE = 'never';
  env.GIT_PAGER = 'cat';
  env.PAGER = 'cat';
  env.LC_ALL = 'C';
  return env;
}

/**
 * For a call that talks to a server: ssh in batch mode, so it never waits for a passphrase or a
 * host key on a terminal no one watches — unless the reviewer chose their own ssh command
 * (GIT_SSH, GIT_SSH_COMMAND or core.sshCommand), which is used as it is.
 */
async function sshEnvironment(gitDir: string | undefined): Promise<NodeJS.ProcessEnv> {
  if (process.env.GIT_SSH_COMMAND !== undefined || process.env.GIT_SSH !== undefined) return {};
  const configured = await runGit(['config', '--get', 'core.sshCommand'], { gitDir, doing: 'read your ssh setting', okCodes: [0, 1] });
  return configured.code === 0 ? {} : { GIT_SSH_COMMAND: 'ssh -o BatchMode=yes' };
}

export interface GitRunOptions {
  /** The repository (a bare clone) to run in; `--git-dir` is passed so no folder above is searched. */
  gitDir?: string;
  /** What the call does, in words, for the failure sentence: "read the shared project". */
  doing: string;
  input?: string | Buffer;
  timeoutMs?: number;
  /** Exit codes that are answers rather than failures (`merge-base --is-ancestor` answers 1). */
  okCodes?: readonly number[];
  /** Extra `-c key=value` settings, before the command. */
  config?: readonly string[];
  /** Replaces variables of the cleaned environment (an empty string is kept, as Git reads it). */
  env?: NodeJS.ProcessEnv;
  /** The call talks to a server: the time limit is the network's. */
  network?: boolean;
  /** The server is reached over ssh: it runs in batch mode unless the reviewer chose their own ssh command. */
  ssh?: boolean;
  cwd?: string;
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * The first line of Git's complaint, without its "fatal:"/"error:" prefix and with any password
 * or token in an address hidden, for a sentence.
 */
export function gitSaid(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const line = lines.find((l) => /^(fatal|error|remote):/.test(l)) ?? lines[0] ?? '';
  return line
    .replace(/^(fatal|error|remote):\s*/, '')
    .replace(/([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/:@\s]*):[^@\s/]*@/g, '$1:…@')
    .slice(0, 300);
}

/** Runs `git` with the safe settings; resolves on an accepted exit code, else throws a DeskError. */
export async function runGit(args: readonly string[], options: GitRunOptions): Promise<GitResult> {
  const ssh = options.ssh ? await sshEnvironment(options.gitDir) : {};
  return spawnGit(args, { ...options, env: { ...ssh, ...options.env } });
}

function spawnGit(args: readonly string[], options: GitRunOptions): Promise<GitResult> {
  const config = [...SAFE_CONFIG, ...(options.config ?? [])].flatMap((c) => ['-c', c]);
  const where = options.gitDir === undefined ? [] : [`--git-dir=${options.gitDir}`];
  const fullArgs = ['--no-pager', ...config, ...where, ...args];
  const env = { ...gitEnvironment(), ...options.env };
  const timeoutMs = options.timeoutMs ?? (options.network ? NETWORK_TIMEOUT_MS : LOCAL_TIMEOUT_MS);
  const ok = options.okCodes ?? [0];
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout stops what Git started too (ssh, a credential helper),
    // and no terminal to prompt on.
    const group = process.platform !== 'win32';
    const child = spawn('git', fullArgs, { env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true, detached: group });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      const seconds = Math.max(1, Math.round(timeoutMs / 1000));
      reject(gitError('IO_ERROR', 'timeout', `Git did not finish within ${seconds} second${seconds === 1 ? '' : 's'} when asked to ${options.doing}; check the network and try again.`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? gitError('IO_ERROR', 'git-missing', GIT_MISSING_MESSAGE) : gitError('IO_ERROR', 'failed', `Adoption Desk could not start Git to ${options.doing} (${error.code ?? error.message}).`));
    });
    // A child that exits before reading all its input closes the pipe: its exit code tells why.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      if (timedOut) return;
      const exit = code ?? -1;
      if (!ok.includes(exit)) {
        const said = gitSaid(stderr);
        reject(Object.assign(gitError('IO_ERROR', 'failed', `Git could not ${options.doing}${said ? ` (Git said: “${said}”)` : ''}.`), { gitStderr: stderr, gitCode: exit }));
        return;
      }
      resolve({ code: exit, stdout: Buffer.concat(out), stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Git's stderr and exit code on a failed call, for callers that tell failures apart. */
export function gitFailureText(error: unknown): string {
  return (error as { gitStderr?: string }).gitStderr ?? '';
}

/** stdout as trimmed text. */
export const text = (result: GitResult): string => result.stdout.toString('utf8').trim();

/** The installed Git's version ("2.39.5"), or the plain refusal when there is none. */
export async function checkGitInstalled(): Promise<string> {
  const result = await runGit(['--version'], { doing: 'tell its version' });
  const match = /git version (\d+(?:\.\d+)+)/.exec(text(result));
  return match ? match[1]! : text(result);
}
