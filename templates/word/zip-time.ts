import { DeskError } from '../../domain/errors';

/** The years a zip entry can carry (MS-DOS dates start in 1980; fflate refuses years after 2099). */
const FIRST_YEAR = 1980;
const LAST_YEAR = 2099;

/**
 * The time to stamp every zip entry with: the document's date, to the second, read in UTC.
 *
 * fflate writes an entry's MS-DOS date and time from the local-time fields of the Date it
 * is given (getFullYear, getHours…), so the same instant would give different bytes in
 * Kolkata and Los Angeles. This returns the Date whose local-time fields are the
 * document's UTC fields: the stamp — and the file — are then the same in every time zone.
 * (The one exception is a moment the zone's clocks skip, inside the hour a daylight-saving
 * change jumps over: no local time shows it, and Date moves it past the gap.)
 */
export function zipEntryTime(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new DeskError('INTERNAL', `The document's date "${iso}" is not a date.`);
  const year = date.getUTCFullYear();
  if (year < FIRST_YEAR) return new Date(FIRST_YEAR, 0, 1, 0, 0, 0);
  if (year > LAST_YEAR) return new Date(LAST_YEAR, 11, 31, 23, 59, 58);
  return new Date(year, date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
}
