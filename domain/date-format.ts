/**
 * How the app shows a stored day ("2025-06-03") to the reviewer: one format everywhere on
 * screen, chosen in Settings. Plain constants and functions, no schemas: the renderer
 * imports this file at run time. The published Markdown does not use it (it keeps the
 * TOC's "MONTH YEAR").
 */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const SHORT_MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3));

/** The formats a reviewer can choose; "system" follows the computer's locale. */
export const DATE_FORMATS = ['system', 'day-month-year', 'month-day-year', 'iso'] as const;
export type DateFormatChoice = (typeof DATE_FORMATS)[number];
export type DateFormat = Exclude<DateFormatChoice, 'system'>;
export const DATE_FORMAT_LABELS: Record<DateFormatChoice, string> = {
  system: 'Follow the system',
  'day-month-year': '3 Jun 2025',
  'month-day-year': 'Jun 3, 2025',
  iso: '2025-06-03',
};

/** How to read a typed "3/6/2025", whose order the numbers alone do not tell. */
export const TYPED_ORDERS = ['ask', 'day-first', 'month-first'] as const;
export type TypedOrder = (typeof TYPED_ORDERS)[number];
export const TYPED_ORDER_LABELS: Record<TypedOrder, string> = {
  ask: 'Ask me each time',
  'day-first': 'Day first (3/6 is 3 June)',
  'month-first': 'Month first (3/6 is March 6)',
};

/** Days in a month (1–12) of a year, leap years counted. */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The format the computer's locale writes dates in: year first (sv-SE, ja-JP) reads as ISO,
 * day before month (en-GB, de-DE) as "3 Jun 2025", month before day (en-US) as "Jun 3, 2025".
 */
export function systemDateFormat(locale?: string): DateFormat {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.UTC(2025, 5, 3)));
  const order = parts.map((p) => p.type).filter((t) => t === 'year' || t === 'month' || t === 'day');
  if (order[0] === 'year') return 'iso';
  return order.indexOf('day') < order.indexOf('month') ? 'day-month-year' : 'month-day-year';
}

export const resolveDateFormat = (choice: DateFormatChoice, locale?: string): DateFormat => (choice === 'system' ? systemDateFormat(locale) : choice);

const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_TEXT = /^(\d{4})-(\d{2})$/;

/**
 * A stored day, month ("2025-06") or year as the chosen format writes it; anything else
 * (an older free-text value) is shown as it is, never hidden.
 */
export function formatDate(stored: string, format: DateFormat): string {
  const day = DAY_TEXT.exec(stored);
  if (day) {
    const [y, m, d] = [day[1]!, Number(day[2]), Number(day[3])];
    const month = SHORT_MONTHS[m - 1];
    if (format === 'iso' || !month) return stored;
    return format === 'day-month-year' ? `${d} ${month} ${y}` : `${month} ${d}, ${y}`;
  }
  const month = MONTH_TEXT.exec(stored);
  if (month) {
    const name = SHORT_MONTHS[Number(month[2]) - 1];
    return format === 'iso' || !name ? stored : `${name} ${month[1]}`;
  }
  return stored;
}

const DATES_IN_TEXT = /\b\d{4}-\d{2}(?:-\d{2})?\b(?!-)/g;

/**
 * A sentence written with stored dates ("Interview of 2024-09-17 moved to the trash", a
 * change's label kept in the history) with each day or month in the chosen format, so the
 * history reads in the same dates as the screens. Only whole ISO days and months are touched.
 */
export function formatDatesIn(text: string, format: DateFormat): string {
  return format === 'iso' ? text : text.replace(DATES_IN_TEXT, (stored) => formatDate(stored, format));
}
