import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadCases } from './cases';

/**
 * A piece of a case run in a fresh process of this same bundle (`--helper JOB`): work
 * whose memory must not count in the case's own peak — building a large store before
 * measuring what one export takes, say. The case declares `helper(input)`; the result
 * crosses back as JSON.
 */

interface HelperJob {
  caseName: string;
  input: unknown;
  resultFile: string;
}

/** Runs `benchCase.helper(input)` of the case named `caseName` in a new process; its result (JSON). */
export function runInHelperProcess<T>(caseName: string, input: unknown, dir: string): T {
  const resultFile = path.join(dir, `helper-${process.pid}-${Date.now()}.json`);
  const jobFile = `${resultFile}.job.json`;
  fs.writeFileSync(jobFile, JSON.stringify({ caseName, input, resultFile } satisfies HelperJob));
  // This bundle (out/bench/bench.js), as the runner starts the case workers.
  const run = spawnSync(process.execPath, [__filename, '--helper', jobFile], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0 || !fs.existsSync(resultFile)) throw new Error(`The ${caseName} helper failed (${run.status ?? run.signal}): ${run.stderr.trim().slice(-1000)}`);
  return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as T;
}

/** The helper process's side: runs the job and writes its result. */
export async function runHelper(jobFile: string): Promise<void> {
  const job = JSON.parse(fs.readFileSync(jobFile, 'utf8')) as HelperJob;
  const benchCase = loadCases().find((c) => c.name === job.caseName);
  if (!benchCase?.helper) throw new Error(`The benchmark case "${job.caseName}" has no helper.`);
  fs.writeFileSync(job.resultFile, JSON.stringify(await benchCase.helper(job.input)));
}
