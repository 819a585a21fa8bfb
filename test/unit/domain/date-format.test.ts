import { describe, expect, it } from 'vitest';
import { formatDate, formatDatesIn, resolveDateFormat, systemDateFormat } from '../../../domain/date-format';
import { parseTypedDate } from '../../../domain/typed-date';

describe('showing a stored date', () => {
  it.each([
    ['2025-06-03', 'day-month-year', '3 Jun 2025'],
    ['2025-06-03', 'month-day-year', 'Jun 3, 2025'],
    ['2025-06-03', 'iso', '2025-06-03'],
    ['2024-12-31', 'day-month-year', '31 Dec 2024'],
    ['2024-01-09', 'month-day-year', 'Jan 9, 2024'],
    ['2025-03', 'day-month-year', 'Mar 2025'],
    ['2025-03', 'month-day-year', 'Mar 2025'],
    ['2025-03', 'iso', '2025-03'],
    ['2023', 'day-month-year', '2023'],
  ] as const)('%s in %s is %s', (stored, format, shown) => {
    expect(formatDate(stored, format)).toBe(shown);
  });

  it('shows a value it cannot read as it is, never hiding it', () => {
    expect(formatDate('06/03/2025', 'day-month-year')).toBe('06/03/2025');
  });

  it('reads back what it shows, whatever the format', () => {
    for (const format of ['day-month-year', 'month-day-year', 'iso'] as const) {
      for (const day of ['2025-06-03', '2024-02-29', '2026-12-31', '2025-01-10']) {
        expect(parseTypedDate(formatDate(day, format))).toEqual({ kind: 'date', day });
      }
    }
  });

  it('takes the default from the locale: day first, month first, or year first', () => {
    expect(systemDateFormat('en-GB')).toBe('day-month-year');
    expect(systemDateFormat('de-DE')).toBe('day-month-year');
    expect(systemDateFormat('en-US')).toBe('month-day-year');
    expect(systemDateFormat('sv-SE')).toBe('iso');
    expect(resolveDateFormat('system', 'en-US')).toBe('month-day-year');
    expect(resolveDateFormat('iso', 'en-US')).toBe('iso');
  });
});

describe('dates inside a sentence (a change in the history)', () => {
  it.each([
    ['Interview of 2024-09-17 moved to the trash', 'day-month-year', 'Interview of 17 Sep 2024 moved to the trash'],
    ['Interview of 2024-09-17 moved to the trash', 'month-day-year', 'Interview of Sep 17, 2024 moved to the trash'],
    ['Adopter 3, interview of 2025-03', 'day-month-year', 'Adopter 3, interview of Mar 2025'],
    ['From 2024-06-10 to 2025-01-02', 'month-day-year', 'From Jun 10, 2024 to Jan 2, 2025'],
    ['Interview of 2024-09-17 moved to the trash', 'iso', 'Interview of 2024-09-17 moved to the trash'],
    // Not a date of ours: numbers in names, versions, slugs and impossible months stay as written.
    ['Import globex-2024-09-17-v2.md', 'day-month-year', 'Import globex-2024-09-17-v2.md'],
    ['Release 2024-13 notes', 'day-month-year', 'Release 2024-13 notes'],
    ['Order 12024-09-17', 'day-month-year', 'Order 12024-09-17'],
  ] as const)('%j in %s', (text, format, shown) => {
    expect(formatDatesIn(text, format)).toBe(shown);
  });
});
