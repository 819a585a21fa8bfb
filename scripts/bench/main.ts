import path from 'node:path';
import { parseArgs } from 'node:util';
import { runHelper } from './helper-process';
import { runBench } from './runner';
import { runWorker } from './worker';

const USAGE = `Usage: npm run bench -- [--quick] [--out FILE] [--only CASE[,CASE…]] [--cache-dir DIR]

  --quick       the smoke check: a store a tenth the size, fewer repetitions (under a minute)
  --out FILE    where to write the results (default: bench/results.json)
  --only CASES  run only these cases, by name (comma-separated)
  --cache-dir   where generated stores are kept between runs (default: .cache/bench)

The table goes to stdout, progress to stderr. See docs/performance.md.
`;

// This file is bundled to out/bench/bench.js: the checkout's root is two folders up.
const root = path.resolve(__dirname, '..', '..');

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        quick: { type: 'boolean' },
        out: { type: 'string' },
        only: { type: 'string' },
        'cache-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        worker: { type: 'string' },
        helper: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.worker) {
    await runWorker(values.worker);
    return 0;
  }
  if (values.helper) {
    await runHelper(values.helper);
    return 0;
  }
  return runBench({
    quick: values.quick ?? false,
    out: path.resolve(values.out ?? path.join(root, 'bench', 'results.json')),
    only: values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : null,
    cacheDir: path.resolve(values['cache-dir'] ?? path.join(root, '.cache', 'bench')),
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`The benchmarks stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
