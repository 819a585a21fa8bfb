import { afterAll, beforeAll } from 'vitest';

/**
 * Runs the file's tests in time zone `zone`. Calendar days and ISO weeks are the reviewer's
 * local ones; a fixed zone keeps expected days and file lists the same wherever the tests run.
 */
export function inTimeZone(zone: string): void {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
}
