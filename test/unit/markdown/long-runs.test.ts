import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../../markdown/read';
import { containMarkdown } from '../../../templates/markdown/contain';
import { fittedGrowth } from '../../helpers/growth';

/**
 * Long runs of spaces inside a line (a heading or paragraph padded with 200,000 spaces, a
 * list nested by indentation) once took time quadratic in the run: a trailing-space pattern
 * retried at every space. The reader and containment must grow like the text.
 */
const CASES: Record<string, (n: number) => string> = {
  'a heading padded with spaces': (n) => `# a${' '.repeat(n)}b ${' '.repeat(n)}#x`,
  'a paragraph padded with spaces on every line': (n) => Array.from({ length: 100 }, () => `x${' '.repeat(n / 100)}y`).join('\n'),
  'a table cell padded with spaces': (n) => `| a${' '.repeat(n)}b |\n|---|\n| c${' '.repeat(n)}d |`,
};

/** The best of five runs, in ms: the machine is shared, only the growth is asserted. */
function best(run: () => unknown): number {
  let fastest = Infinity;
  for (let k = 0; k < 5; k++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

describe('long runs of spaces: time grows like the text', () => {
  for (const [name, build] of Object.entries(CASES)) {
    it(name, () => {
      const sizes = [100_000, 200_000, 400_000, 800_000];
      const times = sizes.map((n) => {
        const text = build(n);
        return best(() => {
          readMarkdown(text);
          containMarkdown(text);
        });
      });
      // Linear work grows about 2× per doubling, quadratic 4×.
      expect(fittedGrowth(times), `${times.map((t) => t.toFixed(1)).join(' ')} ms`).toBeLessThan(3);
    }, 60_000);
  }
});

/**
 * Emphasis matched thousands of times ("*a*a*a…"), or closers with no opener ("a* a* …"):
 * matching once scanned and shifted the whole paragraph for every pair (20,000 runs: 5 s).
 */
const EMPHASIS: Record<string, (n: number) => string> = {
  'emphasis that pairs at every marker': (n) => '*a'.repeat(n),
  'strong emphasis that pairs at every marker': (n) => '**a'.repeat(n),
  'closers without an opener': (n) => 'a* '.repeat(n),
  'strikethrough that pairs at every marker': (n) => '~a'.repeat(n),
};

describe('many emphasis markers: time grows like the text', () => {
  for (const [name, build] of Object.entries(EMPHASIS)) {
    it(name, () => {
      const sizes = [10_000, 20_000, 40_000, 80_000];
      const times = sizes.map((n) => {
        const text = build(n);
        return best(() => readMarkdown(text));
      });
      // Over three doublings: linear is 8×, quadratic 64×; the whole range is asserted, since one
      // step on a shared 2-core machine can jump by more than 3× on its own.
      expect(times[3]! / Math.max(times[0]!, 10), `${times.map((t) => t.toFixed(1)).join(' ')} ms`).toBeLessThan(24);
    }, 120_000);
  }
});
