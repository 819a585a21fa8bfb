// Two rows reused from call to call (grown when a longer word comes): no allocation per comparison.
let rowA = new Uint32Array(64);
let rowB = new Uint32Array(64);

/**
 * Levenshtein distance, or `max + 1` as soon as it is sure to exceed `max`. With a finite
 * `max` only the diagonal band |i − j| ≤ max is computed (a cell outside it is already
 * more than `max` edits away): the misspelling check compares every phrase of every
 * summary with every name, so this runs thousands of times per preview.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const band = Number.isFinite(max) ? max : Math.max(a.length, b.length);
  const over = band + 1;
  if (rowA.length <= b.length) {
    rowA = new Uint32Array(b.length * 2 + 1);
    rowB = new Uint32Array(b.length * 2 + 1);
  }
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= b.length; j++) previous[j] = j <= band ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    current.fill(over, 0, b.length + 1);
    if (i <= band) current[0] = i;
    let rowMin = current[0]!;
    const ch = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cost = ch === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost, over);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  const result = previous[b.length]!;
  return result > max ? max + 1 : result;
}
