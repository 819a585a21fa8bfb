import fs from 'node:fs';
import path from 'node:path';
import { notAvailable, type NotAvailable } from './case';

/** The built command line a reviewer runs: out/bench/bench.js → out/cli/adoption-desk.js (ADOPTION_DESK_BENCH_CLI overrides). */
export function builtCliPath(): string | NotAvailable {
  const cli = process.env.ADOPTION_DESK_BENCH_CLI ?? path.resolve(path.dirname(process.argv[1]!), '..', 'cli', 'adoption-desk.js');
  return fs.existsSync(cli) ? cli : notAvailable(`the command line is not built (${cli}); run npm run build first`);
}
