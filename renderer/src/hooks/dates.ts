import { useCallback, useSyncExternalStore } from 'react';
import { formatDate, formatDatesIn, resolveDateFormat, type DateFormatChoice, type TypedOrder } from '../../../domain/date-format';
import type { Settings } from '../../../services/views';

/**
 * The reviewer's date settings for the whole window: every date on screen is shown in one
 * format, and every date field reads a typed "3/6/2025" the same way. Set when the app
 * starts and when Settings change; screens showing dates re-render then.
 */
interface DatePreferences {
  format: DateFormatChoice;
  typedOrder: TypedOrder;
}

let current: DatePreferences = { format: 'system', typedOrder: 'ask' };
const listeners = new Set<() => void>();

export function applyDatePreferences(settings: Pick<Settings, 'dateFormat' | 'typedDateOrder'>): void {
  current = { format: settings.dateFormat, typedOrder: settings.typedDateOrder };
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * `show("2025-06-03")` → "3 Jun 2025" (or the chosen format); `showIn` does it for each date of
 * a sentence written with stored dates (a change's label); the typed order for date fields.
 */
export function useDates() {
  const preferences = useSyncExternalStore(subscribe, () => current);
  const format = resolveDateFormat(preferences.format);
  const show = useCallback((stored: string) => formatDate(stored, format), [format]);
  const showIn = useCallback((text: string) => formatDatesIn(text, format), [format]);
  return { show, showIn, typedOrder: preferences.typedOrder };
}

/** The reviewer's calendar day of a moment ("2026-12-03T23:30:00Z" → "2026-12-04" east of UTC). */
export function localDayOf(at: string): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
