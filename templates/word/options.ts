import type { ProjectLevel } from '../../domain/project';
import { monthName } from '../markdown/months';
import { DOCX_MIME_TYPE } from './mime-type';
import type { PageSize } from './page-size';

export { DOCX_MIME_TYPE };
export type { PageSize };

/** What the reviewer's settings change in every Word document. */
export interface WordOptions {
  /** Written as the document's author; empty: no author at all. */
  authorName: string;
  pageSize: PageSize;
}

export const DEFAULT_WORD_OPTIONS: WordOptions = { authorName: '', pageSize: 'a4' };

/** A finished document: the bytes and the name to suggest when saving. */
export interface WordFile {
  fileName: string;
  bytes: Buffer;
}

/**
 * The date a document carries when the data holds none: the first moment a zip file
 * can record (1980-01-01), so it reads as "no date" rather than as a plausible day.
 */
export const NO_DATE = '1980-01-01T00:00:00Z';

/**
 * The document's date from its data, never from the clock: the latest of the days and
 * timestamps given (YYYY-MM, YYYY-MM-DD or ISO timestamps), to the second, in UTC.
 * The same data always gives the same date, so exporting twice gives the same bytes.
 */
export function documentDate(values: readonly (string | null | undefined)[]): string {
  let latest: string | null = null;
  for (const value of values) {
    if (!value) continue;
    const iso = /^\d{4}-\d{2}$/.test(value) ? `${value}-01T00:00:00Z` : /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
    const time = Date.parse(iso);
    if (Number.isNaN(time)) continue;
    const normalized = new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (latest === null || normalized > latest) latest = normalized;
  }
  return latest ?? NO_DATE;
}

/** "2024-08-04" → "4 August 2024"; a month alone → "August 2024". */
export function longDate(value: string): string {
  if (/^\d{4}-\d{2}$/.test(value)) return monthName(value);
  const [y, m, d] = value.split('-');
  return `${Number(d)} ${monthName(`${y}-${m}`)}`;
}

export const LEVEL_LABELS: Record<ProjectLevel, string> = { incubation: 'Incubation', graduation: 'Graduation' };

/** A file name part from free text: "Globex Mesh" → "globex-mesh". */
export function fileNamePart(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'document'
  );
}
