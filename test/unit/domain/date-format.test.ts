import { describe, expect, it } from 'vitest';
import { formatDate, resolveDateFormat, systemDateFormat } from '../../../domain/date-format';
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
