/**
 * Where each UTF-16 unit of a derived text came from in its source: one index per unit, in a
 * typed array grown by doubling. The guard's folded text and the reader's text are built a
 * run at a time over sections of tens of megabytes; a number array pushed a character at a
 * time cost more than all the rest of their work (260 ns a character against 60).
 */
export class PositionMap {
  private positions: Int32Array;
  private length = 0;

  constructor(expected: number) {
    this.positions = new Int32Array(Math.max(16, expected));
  }

  private room(more: number): void {
    if (this.length + more <= this.positions.length) return;
    const grown = new Int32Array(Math.max(this.positions.length * 2, this.length + more));
    grown.set(this.positions.subarray(0, this.length));
    this.positions = grown;
  }

  /** `count` units that all came from the source's `at` (a character read as several, a line end). */
  repeat(at: number, count = 1): void {
    this.room(count);
    this.positions.fill(at, this.length, this.length + count);
    this.length += count;
  }

  /** `count` units copied one for one from the source's `from` on. */
  copy(from: number, count: number): void {
    this.room(count);
    for (let k = 0; k < count; k++) this.positions[this.length + k] = from + k;
    this.length += count;
  }

  /** The indexes, as many as units were added. */
  done(): Int32Array {
    return this.positions.subarray(0, this.length);
  }
}
