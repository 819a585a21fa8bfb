import { MONTH_NAMES, daysInMonth, type TypedOrder } from './date-format';

/**
 * What a reviewer typed into a date field, read as a day: "2025-06-03", "3 June 2025",
 * "June 3, 2025", "3 Jun 2025", "Jun 3 2025", or "3/6/2025" when its order is clear (a
 * part above 12) or set in Settings. Otherwise the field asks; an impossible date is
 * refused in words. Pure and without schemas: the renderer runs it as the reviewer types.
 */
export type TypedDate =
  | { kind: 'empty' }
  /** `day`: the stored text, "2025-06-03" (or "2025-06" when a month field reads it). */
  | { kind: 'date'; day: string }
  | { kind: 'ambiguous'; question: string; dayFirst: { day: string; label: string }; monthFirst: { day: string; label: string } }
  | { kind: 'refused'; message: string };

const EXAMPLE = 'Write it like 2025-06-03 or 3 June 2025.';

/** "jan", "january", "sept" → 1…12; English only (the app's language). */
function monthOfWord(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w === 'sept') return 9;
  if (w.length < 3) return null;
  const index = MONTH_NAMES.findIndex((name) => name.toLowerCase() === w || (w.length === 3 && name.toLowerCase().startsWith(w)));
  return index < 0 ? null : index + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');
const longDate = (year: number, month: number, day: number) => `${day} ${MONTH_NAMES[month - 1]} ${year}`;

/** A day that exists, as stored text; or the reason it does not exist, in words. */
function checked(year: number, month: number, day: number): TypedDate {
  if (month < 1 || month > 12) return { kind: 'refused', message: `There is no month ${month}: months go from 1 to 12. ${EXAMPLE}` };
  const name = MONTH_NAMES[month - 1]!;
  if (day < 1) return { kind: 'refused', message: `There is no day ${day} in ${name}: days start at 1.` };
  const last = daysInMonth(year, month);
  if (day > last) {
    const leap = month === 2 ? ` in ${year}` : '';
    return { kind: 'refused', message: `${day} ${name} ${year} is not a date: ${name} has ${last} days${leap}.` };
  }
  return { kind: 'date', day: `${year}-${pad(month)}-${pad(day)}` };
}

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/;
/** "3 June 2025", "3rd June, 2025", "3 Jun. 2025" */
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+\.?),?\s+(\d{2,4})$/i;
/** "June 3, 2025", "Jun 3 2025", "June 3rd 2025" */
const MONTH_DAY_YEAR = /^([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{2,4})$/i;

function fullYear(text: string): number | TypedDate {
  if (text.length !== 4) return { kind: 'refused', message: `Write the year in full (like 2025), not “${text}”.` };
  return Number(text);
}

function fromWords(dayText: string, monthWord: string, yearText: string): TypedDate {
  const month = monthOfWord(monthWord);
  if (month === null) {
    return { kind: 'refused', message: `“${monthWord}” is not a month name this field knows: write the month in English (June, Jun) or as a number. ${EXAMPLE}` };
  }
  const year = fullYear(yearText);
  return typeof year === 'number' ? checked(year, month, Number(dayText)) : year;
}

function fromNumbers(first: number, second: number, yearText: string, typed: string, order: TypedOrder): TypedDate {
  const year = fullYear(yearText);
  if (typeof year !== 'number') return year;
  // A part above 12 cannot be a month, so it is the day; equal parts read the same either way.
  if (first > 12 && second > 12) return { kind: 'refused', message: `${typed} is not a date: neither ${first} nor ${second} can be a month.` };
  if (first > 12 || first === second) return checked(year, second, first);
  if (second > 12) return checked(year, first, second);
  if (order === 'day-first') return checked(year, second, first);
  if (order === 'month-first') return checked(year, first, second);
  // Both parts are 1–12, so both readings are real days: only the reviewer knows which.
  return {
    kind: 'ambiguous',
    question: `Is ${typed} ${first} ${MONTH_NAMES[second - 1]} or ${second} ${MONTH_NAMES[first - 1]}?`,
    dayFirst: { day: `${year}-${pad(second)}-${pad(first)}`, label: longDate(year, second, first) },
    monthFirst: { day: `${year}-${pad(first)}-${pad(second)}`, label: longDate(year, first, second) },
  };
}

export function parseTypedDate(input: string, order: TypedOrder = 'ask'): TypedDate {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) return { kind: 'empty' };
  let m = YEAR_FIRST.exec(text);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(text);
  if (m) return fromNumbers(Number(m[1]), Number(m[2]), m[3]!, text, order);
  m = DAY_MONTH_YEAR.exec(text);
  if (m) return fromWords(m[1]!, m[2]!, m[3]!);
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return fromWords(m[2]!, m[1]!, m[3]!);
  return { kind: 'refused', message: `“${text}” is not a date this field can read. ${EXAMPLE}` };
}

const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
/** "June 2025", "Jun. 2025", "June, 2025" */
const WORD_YEAR = /^([a-z]+\.?),?\s+(\d{2,4})$/i;
const MONTH_EXAMPLE = 'Write it like June 2025 or 2025-06.';

function monthOf(year: number | TypedDate, month: number): TypedDate {
  if (typeof year !== 'number') return year;
  if (month < 1 || month > 12) return { kind: 'refused', message: `There is no month ${month}: months go from 1 to 12. ${MONTH_EXAMPLE}` };
  return { kind: 'date', day: `${year}-${pad(month)}` };
}

const monthLabel = (stored: string) => `${MONTH_NAMES[Number(stored.slice(5, 7)) - 1]} ${stored.slice(0, 4)}`;

/**
 * A month typed into a month field ("June 2025", "Jun 2025", "2025-06", "6/2025"), read as
 * stored text ("2025-06" in `day`). A whole date is taken for its month; a numeric date whose
 * order is unclear asks which month, as the date field asks which day.
 */
export function parseTypedMonth(input: string, order: TypedOrder = 'ask'): TypedDate {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) return { kind: 'empty' };
  let m = YEAR_MONTH.exec(text);
  if (m) return monthOf(Number(m[1]), Number(m[2]));
  m = MONTH_YEAR.exec(text);
  if (m) return monthOf(Number(m[2]), Number(m[1]));
  m = WORD_YEAR.exec(text);
  if (m) {
    const month = monthOfWord(m[1]!);
    if (month === null) return { kind: 'refused', message: `“${m[1]}” is not a month name this field knows: write the month in English (June, Jun) or as a number. ${MONTH_EXAMPLE}` };
    return monthOf(fullYear(m[2]!), month);
  }
  const asDay = parseTypedDate(text, order);
  switch (asDay.kind) {
    case 'date':
      return { kind: 'date', day: asDay.day.slice(0, 7) };
    case 'ambiguous': {
      const [dayFirst, monthFirst] = [asDay.dayFirst.day.slice(0, 7), asDay.monthFirst.day.slice(0, 7)];
      if (dayFirst === monthFirst) return { kind: 'date', day: dayFirst };
      return {
        kind: 'ambiguous',
        question: `Is ${text} in ${monthLabel(dayFirst)} or ${monthLabel(monthFirst)}?`,
        dayFirst: { day: dayFirst, label: monthLabel(dayFirst) },
        monthFirst: { day: monthFirst, label: monthLabel(monthFirst) },
      };
    }
    case 'refused':
      // A date the day field would refuse keeps its reason ("June has 30 days"); anything else is not a month at all.
      return asDay.message.startsWith('“') ? { kind: 'refused', message: `“${text}” is not a month this field can read. ${MONTH_EXAMPLE}` } : asDay;
    default:
      return asDay;
  }
}
