import { describe, expect, it } from 'vitest';
import { NO_FILTERS, filterRows, isFiltered, namesOf, rangeOf, sortRows } from '../../../renderer/src/screens/project/adopter-list';
import type { PipelineRow } from '../../../services/views';

/** The adopter list's own rules: what a sort, a filter and a shift-click choose. */
const row = (number: number, fields: Partial<PipelineRow> = {}): PipelineRow => ({
  adopterId: number * 10,
  number,
  organization: `Org ${number}`,
  anonymous: false,
  stage: 'candidate',
  stageDates: {},
  usageLevel: null,
  interviews: 0,
  next: { text: '', due: null, overdue: false },
  industry: null,
  label: null,
  people: [],
  interviewDate: null,
  approval: 'not-sent',
  ...fields,
});

const rows = [
  row(1, { industry: 'Media', stage: 'approved', stageDates: { approved: '2024-06-22' }, usageLevel: 'production', interviewDate: '2024-06-10', approval: 'approved', people: ['Ada Example'] }),
  row(2, { industry: 'finance', anonymous: true, label: 'Anonymous Finance', stage: 'interviewed', stageDates: { interviewed: '2024-07-11' }, usageLevel: 'dev-test', interviewDate: '2024-07-11' }),
  row(3, { stage: 'summary-sent', stageDates: { 'summary-sent': '2024-08-01' }, approval: 'waiting', interviewDate: '2024-07' }),
  row(4, { industry: 'Retail', stageDates: { candidate: '2024-05-01' } }),
];
const numbers = (list: PipelineRow[]) => list.map((r) => r.number);

describe('sorting the adopter list', () => {
  it('sorts by each column both ways; an empty cell is last either way; ties keep adopter order', () => {
    expect(numbers(sortRows(rows, { key: 'industry', descending: false }))).toEqual([2, 1, 4, 3]);
    expect(numbers(sortRows(rows, { key: 'industry', descending: true }))).toEqual([4, 1, 2, 3]);
    expect(numbers(sortRows(rows, { key: 'stage', descending: false }))).toEqual([4, 2, 3, 1]);
    expect(numbers(sortRows(rows, { key: 'usage', descending: true }))).toEqual([1, 2, 3, 4]);
    expect(numbers(sortRows(rows, { key: 'since', descending: true }))).toEqual([3, 2, 1, 4]);
    // A month alone sorts with the days of that month.
    expect(numbers(sortRows(rows, { key: 'interview', descending: false }))).toEqual([1, 3, 2, 4]);
    expect(numbers(sortRows(rows, { key: 'adopter', descending: true }))).toEqual([4, 3, 2, 1]);
  });
});

describe('filtering the adopter list', () => {
  it('keeps the rows matching every filter; words match organization, industry, label and people, any case', () => {
    expect(numbers(filterRows(rows, { ...NO_FILTERS, stage: 'candidate' }))).toEqual([4]);
    expect(numbers(filterRows(rows, { ...NO_FILTERS, usage: 'none' }))).toEqual([3, 4]);
    expect(numbers(filterRows(rows, { ...NO_FILTERS, anonymity: 'named' }))).toEqual([1, 3, 4]);
    expect(numbers(filterRows(rows, { ...NO_FILTERS, approval: 'waiting' }))).toEqual([3]);
    expect(numbers(filterRows(rows, { ...NO_FILTERS, text: 'ADA' }))).toEqual([1]);
    expect(numbers(filterRows(rows, { ...NO_FILTERS, text: 'anonymous fin' }))).toEqual([2]);
    expect(numbers(filterRows(rows, { ...NO_FILTERS, text: 'adopter 4' }))).toEqual([4]);
    expect(numbers(filterRows(rows, { ...NO_FILTERS, text: 'retail', stage: 'approved' }))).toEqual([]);
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, text: 'x' })).toBe(true);
  });
});

describe('choosing rows', () => {
  it('a shift-click chooses every row shown between the last click and this one, either way', () => {
    expect(rangeOf(rows, 20, 40)).toEqual([20, 30, 40]);
    expect(rangeOf(rows, 40, 20)).toEqual([20, 30, 40]);
    // The last one clicked is no longer shown: only this one.
    expect(rangeOf(rows.slice(1), 10, 30)).toEqual([30]);
  });

  it('names the chosen adopters in a toast, the first three and a count of the rest', () => {
    expect(namesOf(rows.slice(0, 1))).toBe('Adopter 1 – Org 1');
    expect(namesOf(rows.slice(0, 3))).toBe('Adopter 1 – Org 1, Adopter 2 – Org 2 and Adopter 3 – Org 3');
    expect(namesOf(rows)).toBe('Adopter 1 – Org 1, Adopter 2 – Org 2, Adopter 3 – Org 3 and 1 more');
  });
});
