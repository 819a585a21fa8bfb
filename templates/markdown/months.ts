const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "2024-09" → "September 2024". */
export function monthName(yearMonth: string): string {
  const [year, month] = yearMonth.split('-');
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

/** The published month line: "SEPTEMBER 2024", or "JANUARY 2025 AND SEPTEMBER 2025". */
export function monthLine(months: readonly string[]): string | null {
  const unique = [...new Set(months)].sort();
  if (unique.length === 0) return null;
  return unique.map((m) => monthName(m).toUpperCase()).join(' AND ');
}
