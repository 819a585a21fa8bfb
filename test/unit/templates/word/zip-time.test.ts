import { describe, expect, it } from 'vitest';
import { zipEntryTime } from '../../../../templates/word/zip-time';

const localFields = (d: Date) => [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];

describe('the time zip entries are stamped with', () => {
  it('shows the document’s UTC date and time in this process’s local fields (what fflate reads)', () => {
    expect(localFields(zipEntryTime('2024-10-06T23:30:05Z'))).toEqual([2024, 10, 6, 23, 30, 5]);
    expect(localFields(zipEntryTime('2025-01-01T00:00:00.000Z'))).toEqual([2025, 1, 1, 0, 0, 0]);
  });

  it('stays within the years a zip holds, and refuses what is not a date', () => {
    expect(localFields(zipEntryTime('1970-01-01T00:00:00Z'))).toEqual([1980, 1, 1, 0, 0, 0]);
    expect(localFields(zipEntryTime('2150-06-01T00:00:00Z'))).toEqual([2099, 12, 31, 23, 59, 58]);
    expect(() => zipEntryTime('not a date')).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });
});
