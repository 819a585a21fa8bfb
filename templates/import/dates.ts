import { isValidDay } from '../../domain/dates';
import { editDistance } from '../adoption/edit-distance';

/**
 * Dates as reviewers wrote them: "SEPTEMBER 2024", "July, 2024", "Sept. 11th, Wednesday,
 * 2024", "10th July 2025", "1/27/2026 6:30 PM CET", "2024-09-17", "October 17th" (no
 * year), and typos like "Auguest". Everything becomes ISO text: a month "2024-09", a day
 * "2024-09-17".
 */

const FULL = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SHORT: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

/** 1–12 for a month word ("Sept", "SEPTEMBER"); with `fuzzy`, also a typo of a long month name ("Auguest"). */
export function monthNumber(word: string, fuzzy = false): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = FULL.indexOf(w);
  if (full >= 0) return full + 1;
  if (w in SHORT) return SHORT[w]!;
  if (!fuzzy || w.length < 5) return null;
  for (let i = 0; i < FULL.length; i++) {
    const name = FULL[i]!;
    if (name.length >= 5 && w.slice(0, 3) === name.slice(0, 3) && editDistance(w, name, 2) <= 2) return i + 1;
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (year: number, month: number) => `${year}-${pad(month)}`;

/** One date as written: the month is always known; day and year may not be. */
export interface DateMention {
  month: number;
  year: number | null;
  day: number | null;
  /** Where it is in the text, and how long. */
  index: number;
  length: number;
  text: string;
}

export const isoMonth = (d: Pick<DateMention, 'year' | 'month'>): string | null => (d.year === null ? null : monthOf(d.year, d.month));
export function isoDay(d: Pick<DateMention, 'year' | 'month' | 'day'>): string | null {
  if (d.year === null || d.day === null) return null;
  const day = `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  return isValidDay(day) ? day : null;
}

const MONTH_WORD = '([A-Za-z]{3,9})\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
const WEEKDAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\\.?';
/**
 * Between the parts of a date: spaces, or a comma with or without them. Written as two
 * alternatives rather than `\s*,?\s+`, which tries every split of a long run of spaces.
 */
const SEP = '(?:\\s*,\\s*|\\s+)';

interface Pattern {
  re: RegExp;
  read: (m: RegExpExecArray) => { month: string | undefined; day?: string; year?: string; numericMonth?: boolean };
}

/** Tried in order at each position; the first that fits wins. */
const PATTERNS: Pattern[] = [
  // 2024-09-17, 2024-09
  { re: new RegExp(`${YEAR}-(\\d{2})(?:-(\\d{2}))?(?!\\d)`, 'y'), read: (m) => ({ year: m[1], month: m[2], day: m[3], numericMonth: true }) },
  // 1/27/2026 (US order, as CNCF documents write it)
  { re: new RegExp(`(\\d{1,2})/(\\d{1,2})/${YEAR}(?!\\d)`, 'y'), read: (m) => ({ month: m[1], day: m[2], year: m[3], numericMonth: true }) },
  // Sept. 11th, Wednesday, 2024 · June 4, 2025 · June 4 2025
  {
    re: new RegExp(`${MONTH_WORD}\\s+${DAY}(?![\\d:])(?:${SEP}${WEEKDAY})?${SEP}${YEAR}(?!\\d)`, 'yi'),
    read: (m) => ({ month: m[1], day: m[2], year: m[3] }),
  },
  // Wednesday, September 11, 2024
  {
    re: new RegExp(`${WEEKDAY}${SEP}${MONTH_WORD}\\s+${DAY}(?![\\d:])${SEP}${YEAR}(?!\\d)`, 'yi'),
    read: (m) => ({ month: m[1], day: m[2], year: m[3] }),
  },
  // 10th July 2025 · 10 July, 2025
  { re: new RegExp(`${DAY}\\s+(?:of\\s+)?${MONTH_WORD}${SEP}${YEAR}(?!\\d)`, 'yi'), read: (m) => ({ day: m[1], month: m[2], year: m[3] }) },
  // July, 2024 · SEPTEMBER 2024 · Sept 2024
  { re: new RegExp(`${MONTH_WORD}${SEP}${YEAR}(?!\\d)`, 'yi'), read: (m) => ({ month: m[1], year: m[2] }) },
  // October 17th (no year)
  { re: new RegExp(`${MONTH_WORD}\\s+${DAY}(?![\\d:/])`, 'yi'), read: (m) => ({ month: m[1], day: m[2] }) },
  // 17th October (no year)
  { re: new RegExp(`${DAY}\\s+(?:of\\s+)?${MONTH_WORD}(?![A-Za-z])`, 'yi'), read: (m) => ({ day: m[1], month: m[2] }) },
];

/** The date starting exactly at `index`, or null. */
export function dateAt(text: string, index: number, fuzzy = false): DateMention | null {
  for (const { re, read } of PATTERNS) {
    re.lastIndex = index;
    const m = re.exec(text);
    if (!m) continue;
    const parts = read(m);
    const month = parts.numericMonth ? Number(parts.month) : monthNumber(parts.month ?? '', fuzzy);
    if (!month || month < 1 || month > 12) continue;
    const day = parts.day === undefined ? null : Number(parts.day);
    if (day !== null && (day < 1 || day > 31)) continue;
    // A word must end where the month word ends ("Marching 2024" is not March).
    const after = text[index + m[0].length];
    if (after !== undefined && /[A-Za-z0-9]/.test(after)) continue;
    return { month, day, year: parts.year === undefined ? null : Number(parts.year), index, length: m[0].length, text: m[0] };
  }
  return null;
}

/** Every date in free text: exact month words, capitalized ("may 2" is a verb and a number). */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  // Only where a date can start: a month word or a number at the start of a word.
  const starts = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?=[\s,])|\b\d{1,4}\b/gi;
  for (const start of text.matchAll(starts)) {
    const i = start.index;
    if (found.length && i < found.at(-1)!.index + found.at(-1)!.length) continue;
    const d = dateAt(text, i);
    // In running text a month is a proper noun: "may 2" is a verb and a number.
    if (d && /^[a-z]/.test(d.text) && !/^\d/.test(d.text)) continue;
    if (d) found.push(d);
  }
  return found;
}

/** Between two dates: a comma, semicolon, "&", "and" or a slash (spaces around allowed), or spaces. Read where it stands (sticky). */
const SEPARATOR = /(?:\s*(?:,|;|&|\band\b|\/)\s*|\s+)/iy;

/**
 * A text that is nothing but one or more dates ("January 2025 AND September 2025"),
 * or null. Typos in month names are accepted here: the whole text must still be dates.
 */
export function wholeDates(text: string): DateMention[] | null {
  let t = text.trim();
  let cut = t.length;
  while (cut > 0 && '.;:'.includes(t[cut - 1]!)) cut--;
  t = t.slice(0, cut);
  if (!t) return null;
  const dates: DateMention[] = [];
  let i = 0;
  while (i < t.length) {
    if (dates.length > 0) {
      SEPARATOR.lastIndex = i;
      const sep = SEPARATOR.exec(t);
      if (!sep) return null;
      i += sep[0].length;
    }
    const d = dateAt(t, i, true);
    if (!d) return null;
    dates.push(d);
    i += d.length;
  }
  return dates.length > 0 ? dates : null;
}

/** The months of mentions that have a year, in order of first mention, without repeats. */
export function monthsOf(dates: readonly DateMention[]): string[] {
  const months: string[] = [];
  for (const d of dates) {
    const m = isoMonth(d);
    if (m && !months.includes(m)) months.push(m);
  }
  return months;
}
