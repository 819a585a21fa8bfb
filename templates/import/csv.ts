/**
 * CSV as RFC 4180 writes it (and as spreadsheets and form tools export it): fields
 * separated by commas (or semicolons or tabs, detected from the header), quoted fields
 * with "" for a quote and line breaks inside, CRLF or LF rows, a byte-order mark.
 * Problems are reported with their line, never guessed around.
 */

import type { CandidateField } from '../../domain/vocabulary';

export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

export interface ParsedCsv {
  delimiter: ',' | ';' | '\t';
  header: string[];
  rows: CsvRow[];
  problems: CsvProblem[];
}

/** The delimiter the header line uses (outside quotes): the most frequent of , ; and tab. */
function detectDelimiter(text: string): ParsedCsv['delimiter'] {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

const QUOTED_STOPS = new Set(['"', '\n', '\r']);

/** The index of the next character of `stops` at or after `from` (the text's length when none). */
function nextOf(text: string, from: number, stops: ReadonlySet<string>): number {
  let i = from;
  while (i < text.length && !stops.has(text[i]!)) i++;
  return i;
}

export function parseCsv(input: string): ParsedCsv {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const rowStops = new Set(['\n', '\r', delimiter]);
  const unquotedStops = new Set([...rowStops, '"']);
  const records: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let i = 0;
  let cells: string[] = [];
  // The cell's pieces, joined once at its end: a string grown a piece at a time is re-flattened
  // by the engine as it deepens, which made a long cell of quotes or line breaks quadratic.
  let cell: string[] = [];
  let rowLine = 1;
  let fieldStart = true;
  let quoted = false;
  let quoteLine = 1;
  const endCell = () => {
    cells.push(cell.join(''));
    cell = [];
    fieldStart = true;
  };
  const endRow = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: rowLine, cells });
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell.push('"');
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        // After a closing quote: a delimiter, a line end or the end of the text.
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
          problems.push({ line, message: `A quoted field is followed by "${next}" instead of "${delimiter === '\t' ? 'tab' : delimiter}" or the end of the row.` });
          const stop = nextOf(text, i, rowStops);
          cell.push(text.slice(i, stop));
          i = stop;
        }
        continue;
      }
      if (ch === '\n' || ch === '\r') {
        // A line break inside the field: CRLF counts once, at its LF.
        if (ch === '\n' || text[i + 1] !== '\n') line++;
        cell.push(ch);
        i++;
        continue;
      }
      // A run up to the next quote or line end, as one piece.
      const stop = nextOf(text, i, QUOTED_STOPS);
      cell.push(text.slice(i, stop));
      i = stop;
      continue;
    }
    if (fieldStart && ch === '"') {
      quoted = true;
      quoteLine = line;
      fieldStart = false;
      i++;
      continue;
    }
    if (ch === delimiter) {
      endCell();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    if (ch === '"') problems.push({ line, message: 'A quote stands inside a field that does not start with one; quote the whole field and double the quote ("").' });
    fieldStart = false;
    const stop = Math.max(i + 1, nextOf(text, i + 1, unquotedStops));
    cell.push(text.slice(i, stop));
    i = stop;
  }
  if (quoted) problems.push({ line: quoteLine, message: 'A quoted field is never closed (a missing "); everything after it was read as one field.' });
  if (cell.length > 0 || cells.length > 0) endRow();
  const [head, ...rows] = records;
  const header = (head?.cells ?? []).map((h) => h.trim());
  if (!head) problems.push({ line: 1, message: 'The file is empty: there is no header row.' });
  for (const row of rows) {
    if (row.cells.length > header.length) problems.push({ line: row.line, message: `The row has ${row.cells.length} fields; the header has ${header.length}.` });
  }
  problems.push(...headerProblems(header));
  return { delimiter, header, rows, problems };
}

/**
 * What is wrong with the header's names: one sentence per run of unnamed columns and one per
 * repeated name. A header of 100,000 empty columns is one problem ("Columns 2 to 100,001 have
 * no name"), not 100,000 lines for the reviewer to scroll; reading it stays linear.
 */
function headerProblems(header: readonly string[]): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const uses = new Map<string, number>();
  let unnamedFrom = -1;
  const endUnnamed = (end: number) => {
    if (unnamedFrom < 0) return;
    const message = end - unnamedFrom === 1
      ? `Column ${unnamedFrom + 1} has no name in the header.`
      : `Columns ${(unnamedFrom + 1).toLocaleString('en-US')} to ${end.toLocaleString('en-US')} have no name in the header.`;
    problems.push({ line: 1, message });
    unnamedFrom = -1;
  };
  header.forEach((name, k) => {
    if (name) {
      endUnnamed(k);
      uses.set(name, (uses.get(name) ?? 0) + 1);
    } else if (unnamedFrom < 0) unnamedFrom = k;
  });
  endUnnamed(header.length);
  for (const [name, count] of uses) {
    if (count > 1) problems.push({ line: 1, message: `${count === 2 ? 'Two' : count.toLocaleString('en-US')} columns are named "${name}".` });
  }
  return problems;
}

/** The fields a candidate row can fill; "ignore" drops a column on purpose. */
export { CANDIDATE_FIELDS, type CandidateField } from '../../domain/vocabulary';

const GUESSES: readonly [CandidateField, RegExp][] = [
  ['email', /e-?mail/i],
  ['website', /web ?site|homepage|\burl\b/i],
  ['industry', /industry|sector|vertical/i],
  ['organization', /^(?:your |the )?(?:organi[sz]ation|company|org|employer|adopter|end ?user)(?: name)?\s*\??$/i],
  ['role', /\brole\b|job|title|position/i],
  ['name', /^(?:your |contact |full |person(?:'s)? )?name\s*\??$|^contact(?: person)?$|^interviewee$/i],
  ['notes', /^notes?$|^comments?$/i],
];

/** A mapping from the header alone: the obvious columns; the rest go to the adopter's notes. */
export function guessMapping(header: readonly string[]): Record<string, CandidateField> {
  const mapping: Record<string, CandidateField> = {};
  const taken = new Set<CandidateField>();
  for (const column of header) {
    const guess = GUESSES.find(([field, pattern]) => pattern.test(column) && (field === 'notes' || !taken.has(field)));
    if (guess) {
      mapping[column] = guess[0];
      taken.add(guess[0]);
    }
  }
  return mapping;
}

/** Free-mail domains say nothing about the organization. */
const FREE_MAIL = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'me.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'web.de', 'qq.com', '163.com', 'aol.com', 'mail.com', 'yandex.ru']);

/** The organization's domain of an e-mail address, or null for free-mail and malformed addresses. */
export function organizationDomain(email: string | null | undefined): string | null {
  const m = /@([^@\s]+)$/.exec(email?.trim().toLowerCase() ?? '');
  if (!m || FREE_MAIL.has(m[1]!)) return null;
  return m[1]!.replace(/^(?:mail|email|corp|ext)\./, '');
}

/** The domain of a website ("https://www.globex.example/x" → globex.example). */
export function websiteDomain(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
