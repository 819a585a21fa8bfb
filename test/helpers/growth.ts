/**
 * Time that grows like the input (issue 18, class 3): a pathological input is doubled four
 * times and the time must grow by less than three times per doubling. The best of five runs
 * at each size, since the machine is shared.
 */
export function doublingTimes(run: (n: number) => () => unknown, firstSize: number, doublings = 4): number[] {
  const sizes = Array.from({ length: doublings + 1 }, (_, k) => firstSize * 2 ** k);
  return sizes.map((n) => {
    const once = run(n);
    let fastest = Infinity;
    for (let k = 0; k < 5; k++) {
      const start = performance.now();
      once();
      fastest = Math.min(fastest, performance.now() - start);
    }
    return fastest;
  });
}

/**
 * The growth per doubling of the line that best fits the times on a log scale (least squares
 * of log2 time against the doubling): linear work gives about 2, quadratic about 4. One size
 * stalled by other work on the machine (a collection, another test) moves the fit a little
 * where it would decide a neighbour-to-neighbour ratio alone. Times under `floorMs` count as
 * the floor: below it the clock's noise is larger than any growth.
 */
export function fittedGrowth(times: readonly number[], floorMs = 20): number {
  const ys = times.map((t) => Math.log2(Math.max(t, floorMs)));
  const n = ys.length;
  const meanX = (n - 1) / 2;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return 2 ** (num / den);
}
