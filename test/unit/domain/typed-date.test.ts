import { describe, expect, it } from 'vitest';
import { parseTypedDate, parseTypedMonth } from '../../../domain/typed-date';

describe('reading a typed date', () => {
  it.each([
    ['2025-06-03', '2025-06-03'],
    ['2025-6-3', '2025-06-03'],
    ['2025/06/03', '2025-06-03'],
    ['3 June 2025', '2025-06-03'],
    ['3 june 2025', '2025-06-03'],
    ['3rd June 2025', '2025-06-03'],
    ['3 June, 2025', '2025-06-03'],
    ['June 3, 2025', '2025-06-03'],
    ['June 3rd 2025', '2025-06-03'],
    ['3 Jun 2025', '2025-06-03'],
    ['3 Jun. 2025', '2025-06-03'],
    ['Jun 3 2025', '2025-06-03'],
    ['JUN 3, 2025', '2025-06-03'],
    ['17 Sept 2024', '2024-09-17'],
    ['17 Sep 2024', '2024-09-17'],
    ['1 January 2026', '2026-01-01'],
    ['December 31, 2025', '2025-12-31'],
    ['  3   June   2025  ', '2025-06-03'],
    ['\t2025-06-03\n', '2025-06-03'],
    // A part above 12 can only be the day.
    ['13/6/2025', '2025-06-13'],
    ['6/13/2025', '2025-06-13'],
    ['31.12.2025', '2025-12-31'],
    ['12-31-2025', '2025-12-31'],
    // The same number twice reads the same either way.
    ['3/3/2025', '2025-03-03'],
    // Leap years.
    ['29 February 2024', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['Feb 29, 2028', '2028-02-29'],
  ])('%j is %s', (typed, day) => {
    expect(parseTypedDate(typed)).toEqual({ kind: 'date', day });
  });

  it('reads nothing typed as empty (the field is cleared)', () => {
    expect(parseTypedDate('')).toEqual({ kind: 'empty' });
    expect(parseTypedDate('   ')).toEqual({ kind: 'empty' });
  });

  it('asks which one 3/6/2025 is when Settings do not say, offering both days', () => {
    expect(parseTypedDate('3/6/2025')).toEqual({
      kind: 'ambiguous',
      question: 'Is 3/6/2025 3 June or 6 March?',
      dayFirst: { day: '2025-06-03', label: '3 June 2025' },
      monthFirst: { day: '2025-03-06', label: '6 March 2025' },
    });
    expect(parseTypedDate('06/03/2025').kind).toBe('ambiguous');
  });

  it('reads 3/6/2025 in the order set in Settings', () => {
    expect(parseTypedDate('3/6/2025', 'day-first')).toEqual({ kind: 'date', day: '2025-06-03' });
    expect(parseTypedDate('3/6/2025', 'month-first')).toEqual({ kind: 'date', day: '2025-03-06' });
    // An order set in Settings never overrides what the numbers tell.
    expect(parseTypedDate('6/13/2025', 'day-first')).toEqual({ kind: 'date', day: '2025-06-13' });
  });

  it('asks for every pair of different parts up to 12, with the question naming both days', () => {
    const asked = parseTypedDate('2/12/2025');
    expect(asked.kind === 'ambiguous' && [asked.question, asked.dayFirst.day, asked.monthFirst.day]).toEqual(['Is 2/12/2025 2 December or 12 February?', '2025-12-02', '2025-02-12']);
  });

  it.each([
    ['31 June 2025', '31 June 2025 is not a date: June has 30 days.'],
    ['2025-06-31', '31 June 2025 is not a date: June has 30 days.'],
    ['31/6/2025', '31 June 2025 is not a date: June has 30 days.'],
    ['June 31, 2025', '31 June 2025 is not a date: June has 30 days.'],
    ['29 February 2025', '29 February 2025 is not a date: February has 28 days in 2025.'],
    ['1900-02-29', '29 February 1900 is not a date: February has 28 days in 1900.'],
    ['30 Feb 2024', '30 February 2024 is not a date: February has 29 days in 2024.'],
    ['2025-13-01', 'There is no month 13: months go from 1 to 12. Write it like 2025-06-03 or 3 June 2025.'],
    ['0 June 2025', 'There is no day 0 in June: days start at 1.'],
    ['13/14/2025', '13/14/2025 is not a date: neither 13 nor 14 can be a month.'],
  ])('refuses %j in words', (typed, message) => {
    expect(parseTypedDate(typed)).toEqual({ kind: 'refused', message });
  });

  it.each(['3 juin 2025', '3 Juni 2025', '3 junio 2025', 'junho 3, 2025', '3 Mai 2025'])('refuses the month of %j politely, asking for English or a number', (typed) => {
    const result = parseTypedDate(typed);
    expect(result.kind).toBe('refused');
    expect(result.kind === 'refused' && result.message).toMatch(/is not a month name this field knows: write the month in English \(June, Jun\) or as a number/);
  });

  it.each(['3/6/25', '3 June 25'])('asks for the year in full in %j', (typed) => {
    expect(parseTypedDate(typed)).toEqual({ kind: 'refused', message: expect.stringMatching(/^Write the year in full \(like 2025\)/) });
  });

  it.each(['yesterday', 'June 2025', '2025', '3 June', '2025-06-03T10:00', '3//6/2025'])('says %j is not a date it can read, with examples', (typed) => {
    expect(parseTypedDate(typed)).toEqual({ kind: 'refused', message: expect.stringContaining('Write it like 2025-06-03 or 3 June 2025.') });
  });
});

describe('reading a typed month', () => {
  it.each([
    ['2025-06', '2025-06'],
    ['2025/6', '2025-06'],
    ['6/2025', '2025-06'],
    ['06.2025', '2025-06'],
    ['June 2025', '2025-06'],
    ['june, 2025', '2025-06'],
    ['Jun. 2025', '2025-06'],
    ['Sept 2024', '2024-09'],
    // A whole date is taken for its month.
    ['3 June 2025', '2025-06'],
    ['2025-06-03', '2025-06'],
    ['13/6/2025', '2025-06'],
    ['  December   2025 ', '2025-12'],
  ])('takes %j as %s', (typed, stored) => {
    expect(parseTypedMonth(typed)).toEqual({ kind: 'date', day: stored });
  });

  it('asks which month a numeric date of unclear order is in, unless Settings fix the order', () => {
    expect(parseTypedMonth('3/6/2025')).toEqual({
      kind: 'ambiguous',
      question: 'Is 3/6/2025 in June 2025 or March 2025?',
      dayFirst: { day: '2025-06', label: 'June 2025' },
      monthFirst: { day: '2025-03', label: 'March 2025' },
    });
    expect(parseTypedMonth('3/6/2025', 'day-first')).toEqual({ kind: 'date', day: '2025-06' });
    expect(parseTypedMonth('3/6/2025', 'month-first')).toEqual({ kind: 'date', day: '2025-03' });
  });

  it.each([
    ['2025-13', /There is no month 13/],
    ['13/2025', /There is no month 13/],
    ['Juno 2025', /“Juno” is not a month name/],
    ['June 25', /Write the year in full/],
    ['31 June 2025', /June has 30 days/],
    ['next spring', /“next spring” is not a month this field can read\. Write it like June 2025 or 2025-06\./],
  ])('refuses %j in words', (typed, reason) => {
    const result = parseTypedMonth(typed);
    expect(result.kind).toBe('refused');
    expect(result.kind === 'refused' && result.message).toMatch(reason);
  });

  it('an empty box is empty', () => expect(parseTypedMonth('  ')).toEqual({ kind: 'empty' }));
});
