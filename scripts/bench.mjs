// `npm run bench [-- --quick] [-- --out FILE] [-- --only CASE,…]`: builds the benchmarks
// (scripts/bench/, bundled by vite.bench.config.mts into out/bench/bench.js), then runs them
// in a child process with the arguments given. See docs/performance.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const build = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.bench.config.mts', '--logLevel', 'warn'],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
);
if (build.status !== 0) {
  console.error('The benchmarks could not be built (the messages are above).');
  process.exit(1);
}

const run = spawnSync(process.execPath, [path.join(root, 'out', 'bench', 'bench.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
if (run.error) {
  console.error(`The benchmarks could not run: ${run.error.message}`);
  process.exit(1);
}
process.exit(run.status ?? 1);
