import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';

/** Where the figures were measured: without this, a number means nothing. */
export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  os: string;
  node: string;
  sqlite: string;
  betterSqlite3: string;
  /** The commit measured, "+ changes" when the working tree differs from it. */
  commit: string | null;
  /** 1, 5 and 15 minute load averages when the run started: a busy machine is slower. */
  loadAverage: number[];
}

function gitCommit(): string | null {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  if (head.status !== 0) return null;
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' });
  return `${head.stdout.trim()}${dirty.stdout?.trim() ? ' + changes' : ''}`;
}

export function describeMachine(): Machine {
  const db = new Database(':memory:');
  const sqlite = db.prepare('SELECT sqlite_version()').pluck().get() as string;
  db.close();
  const require = createRequire(__filename);
  const { version } = require('better-sqlite3/package.json') as { version: string };
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sqlite,
    betterSqlite3: version,
    commit: gitCommit(),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
