import { z } from 'zod';

/**
 * Dates are stored as text a human can read in the database: a day "2024-09-17", a
 * month "2024-09" (published sections name only the month), or a year "2023" ("in use
 * since"). No time zones: an interview happened on a calendar day.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

export function isValidDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidMonth(text: string): boolean {
  const m = MONTH.exec(text);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export const isoDay = z
  .string()
  .trim()
  .refine(isValidDay, { error: (issue) => `"${String(issue.input)}" is not a date; write it as YYYY-MM-DD, like 2024-09-17.` });

export const yearMonth = z
  .string()
  .trim()
  .refine(isValidMonth, { error: (issue) => `"${String(issue.input)}" is not a month; write it as YYYY-MM, like 2024-09.` });

export const yearOrYearMonth = z
  .string()
  .trim()
  .refine((s) => YEAR.test(s) || isValidMonth(s), { error: (issue) => `"${String(issue.input)}" is not a year or a month; write 2023 or 2023-03.` });

export const monthOfDay = (day: string): string => day.slice(0, 7);

/** The day `days` after `day` (both YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The adopter has two weeks to approve a summary (TOC practice). */
export const APPROVAL_WINDOW_DAYS = 14;
export const approvalDue = (sentAt: string): string => addDays(sentAt, APPROVAL_WINDOW_DAYS);
