/** The few statistics the benchmarks report. Samples are never modified. */

const sorted = (samples: readonly number[]): number[] => {
  if (samples.length === 0) throw new Error('No samples to summarize.');
  return [...samples].sort((a, b) => a - b);
};

/** The middle sample (the mean of the two middle ones for an even count). */
export function median(samples: readonly number[]): number {
  const s = sorted(samples);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Nearest-rank percentile: the smallest sample with at least p% of the samples at or
 * below it. With 60 samples, p95 is the 57th fastest: 3 samples were slower.
 */
export function percentile(samples: readonly number[], p: number): number {
  const s = sorted(samples);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!;
}

export const p95 = (samples: readonly number[]): number => percentile(samples, 95);

/**
 * A/B ratios pair by pair (a[i] / b[i]): runs made back to back share the machine's
 * state at that moment, so its noise cancels in each ratio instead of adding up.
 */
export function pairedRatios(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new Error(`Paired samples differ in length (${a.length} and ${b.length}).`);
  return a.map((x, i) => x / b[i]!);
}
