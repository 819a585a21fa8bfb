import { allSources, type ParsedDd, type SourceField, type SourcePart } from '../../../templates/import/dd-parse';
import { monthNumber } from '../../../templates/import/dates';
import { plainText } from '../../../templates/import/inline';
import type { ProjectRecords } from './records';

/**
 * "Words kept": every word of a DD's Adoption section, outside Markdown markup, is found in
 * the records the import made — in the records of the one owner its line went to (the
 * adopter of its entry, or the project notes). A word of a summary or of the notes must be
 * in that text; a word the importer read into a field must be in that field (a name, a
 * role, an organization, an industry, a public label, a vendor note), or be the month or
 * day it was read as, or one of the few words that only say which field follows
 * ("Interviewee:", "Adopter 3 -", "Note: This adopter uses … through").
 */
export interface WordsKept {
  total: number;
  kept: number;
  /** Of those kept, how many went to the project notes rather than to an adopter (the text before the first entry, headings that are not adopters). */
  inNotes: number;
  /** "line 12: word" for each word not found (empty when all were kept). */
  missing: string[];
}

/** Words as compared: letters and digits, lower-case, cut where letters and digits meet ("Adopter4"); "17th" → "17", "09" → "9". */
export function wordsOf(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .map((w) => w.replace(/^(\d+)(?:st|nd|rd|th)$/, '$1'))
    .flatMap((w) => w.split(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u))
    .map((w) => w.replace(/^0+(?=\d)/, ''));
}

/** A line without its block markup: heading marks, list and checkbox marks, quote marks, table pipes. */
function withoutBlockMarkup(line: string): string {
  return line
    .replace(/^ {0,3}#{1,6}(?=\s|$)/, '')
    .replace(/^\s*(?:>\s*)+/, '')
    .replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, '')
    .replace(/\|/g, ' ');
}

/** Words that only say which field follows, by the field the importer read them into. */
const FIELD_WORDS: Partial<Record<SourceField, string>> = {
  heading: 'adopter draft',
  date: 'interviewed interview interviews date of the on in month when held conducted status complete completed done and not recorded anonymous',
  interviewees: 'representative representatives interviewee interviewees interviewed attendee attendees participant participants speaker speakers and the is are anonymous an one',
  anonymity: 'adopter and organization organisation are anonymous',
  vendorNote: 'note this adopter uses through via the project',
  draft: 'draft not yet approved by the adopter do publish',
};

type Adopter = ProjectRecords['adopters'][number];

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The words of one adopter's records: everything the import stored for it. */
function adopterWords(a: Adopter): Set<string> {
  const texts: string[] = [String(a.number), a.organization.name, ...a.organization.aliases, a.organization.industry ?? '', a.organization.website ?? '', a.publicLabel ?? '', a.vendorNote, a.notes];
  for (const i of a.interviews) {
    texts.push(i.summary);
    if (i.month) {
      const [year, month] = i.month.split('-');
      texts.push(year!, month!, MONTHS[Number(month) - 1]!);
    }
    if (i.date) texts.push(i.date.replace(/-/g, ' '));
    for (const p of i.participants) texts.push(p.name, p.role ?? '');
  }
  if (a.anonymous) texts.push('anonymous');
  return new Set(texts.flatMap(wordsOf));
}

/** Months the adopter's interviews were read as: a misspelt month word ("Auguest") counts as kept when it was read as one of them. */
function adopterMonths(a: Adopter): Set<number> {
  return new Set(a.interviews.filter((i) => i.month).map((i) => Number(i.month!.split('-')[1])));
}

/**
 * Every non-blank line of the section, from the document itself: a line no part of which
 * went anywhere loses all its words; a line's words are looked for in the records of the
 * owner its parts went to, and in the words that name the fields they went to.
 */
export function wordsKept(document: string, parsed: ParsedDd, records: ProjectRecords): WordsKept {
  const notes = new Set(wordsOf(records.project.notes));
  const project = wordsOf(records.project.name);
  const owners = new Map<number, Adopter>(records.adopters.map((a) => [a.number, a]));
  const entryOfLine = new Map<number, number>();
  for (const e of parsed.entries) for (const s of e.sources) entryOfLine.set(s.line, e.number);
  const partsOfLine = new Map<number, SourcePart[]>();
  for (const part of allSources(parsed)) partsOfLine.set(part.line, [...(partsOfLine.get(part.line) ?? []), part]);
  const cache = new Map<number, Set<string>>();
  const result: WordsKept = { total: 0, kept: 0, inNotes: 0, missing: [] };
  const lines = document.split('\n');
  const section = parsed.section!;
  const first = section.heading ? section.line + 1 : section.line;
  for (let no = first; no <= section.lastLine; no++) {
    const line = lines[no - 1] ?? '';
    if (line.trim() === '') continue;
    const parts = partsOfLine.get(no) ?? [];
    const number = entryOfLine.get(no);
    const adopter = number === undefined ? undefined : owners.get(number);
    let known: Set<string> = new Set();
    if (parts.some((p) => p.field === 'notes')) known = notes;
    else if (number !== undefined) {
      if (!adopter) throw new Error(`Adopter ${number} of line ${no} was not stored.`);
      if (!cache.has(number)) cache.set(number, adopterWords(adopter));
      known = cache.get(number)!;
    }
    const fieldWords = new Set(parts.flatMap((p) => [...wordsOf(FIELD_WORDS[p.field] ?? ''), ...(p.field === 'vendorNote' ? project : [])]));
    const months = adopter && parts.some((p) => p.field === 'date') ? adopterMonths(adopter) : new Set<number>();
    for (const word of wordsOf(plainText(withoutBlockMarkup(line)))) {
      result.total++;
      const month = months.size > 0 ? monthNumber(word, true) : null;
      if (known.has(word) || fieldWords.has(word) || (month !== null && months.has(month))) {
        result.kept++;
        if (known === notes) result.inNotes++;
      } else result.missing.push(`line ${no}: ${word}`);
    }
  }
  return result;
}

export const percent = (w: WordsKept): string => (w.total === 0 ? '100%' : `${((100 * w.kept) / w.total).toFixed(w.kept === w.total ? 0 : 2)}%`);
