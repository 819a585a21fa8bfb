import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { tempDir } from './temp-dir';

/**
 * Each test of the file runs Git in a sandbox: a temporary HOME, a global config of its own
 * (GIT_CONFIG_GLOBAL) naming the reviewer, no system config. Nothing of the machine's Git
 * settings or credentials reaches the tests, and the tests touch none of them.
 */
export function useGitSandbox(identity: { name: string; email: string } | null = { name: 'Ana', email: 'ana@globex.example' }): { root: () => string } {
  let root = '';
  beforeEach(() => {
    root = tempDir('adoption-desk-git-');
    const home = path.join(root, 'home');
    fs.mkdirSync(home);
    const config = path.join(home, 'gitconfig');
    fs.writeFileSync(config, identity ? `[user]\n\tname = ${identity.name}\n\temail = ${identity.email}\n` : '');
    vi.stubEnv('HOME', home);
    vi.stubEnv('XDG_CONFIG_HOME', home);
    vi.stubEnv('GIT_CONFIG_GLOBAL', config);
    vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  return { root: () => root };
}

/** Runs git for a test's own set-up (not through the app), in the sandbox's environment. */
export function git(args: readonly string[], options: { cwd?: string; input?: string } = {}): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd: options.cwd, input: options.input, env: process.env, encoding: 'utf8' }).trim();
}

/** An empty bare repository, as a team would create on their Git host. */
export function bareRemote(root: string, name = 'team.git'): string {
  const dir = path.join(root, name);
  git(['init', '--bare', '-q', dir]);
  return dir;
}

/** The name a clone's commits carry (a second reviewer on the same machine). */
export function actAs(cloneDir: string, name: string, email: string): void {
  git(['--git-dir', cloneDir, 'config', 'user.name', name]);
  git(['--git-dir', cloneDir, 'config', 'user.email', email]);
}
