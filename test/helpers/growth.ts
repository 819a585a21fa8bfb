/**
 * Time that grows like the input (issue 18, class 3): a pathological input is doubled four
 * times and each doubling must take less than three times as long. The best of five runs
 * at each size, since the machine is shared; under `floorMs` the clock's noise is larger
 * than any growth, so a step from below it is measured against the floor.
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

/** The largest ratio between two neighbouring sizes' times, each at least `floorMs`. */
export function worstDoubling(times: readonly number[], floorMs = 20): number {
  let worst = 0;
  for (let k = 1; k < times.length; k++) worst = Math.max(worst, times[k]! / Math.max(times[k - 1]!, floorMs));
  return worst;
}
