import { defaultAnonymousLabel } from '../../domain/vocabulary';
import { normalizeMarkdown } from '../markdown/normalize';
import { ANONYMOUS_INTERVIEWEES_LINE, ANONYMOUS_ORGANIZATION_LINE, anonymityMarker, labelWordsNamingOrganization } from './anonymity';
import { findDates, isoDay, monthsOf, wholeDates, type DateMention } from './dates';
import {
  atxHeading,
  bareAdopterHeading,
  documentTitle,
  headingsOf,
  isNotAnAdopterHeading,
  isSectionHeading,
  numberedEntryHeading,
  unnumberedEntryHeading,
  type DocumentTitle,
  type EntryHeading,
  type Heading,
} from './dd-headings';
import { plainText, unescapeMarkdown, wholeLink, withoutHardBreak, wrappedEmphasis } from './inline';
import { nonSectorWords, splitLabel, type LabelParts } from './labels';
import { looksLikeName, parsePeopleList, parsePerson, parsePlainPeopleLine, type PersonMention } from './people';

/**
 * The DD importer's parser: the inverse of templates/adoption (entry.ts). It finds the
 * adopter entries of a DD document and reads what it can from each; everything it does
 * not turn into a field stays, verbatim, in the entry's summary (or, before the first
 * entry, in the project notes). Every non-blank line of the section is accounted for in
 * `sources`, which the corpus suite checks line by line.
 */

/** Where a line (or part of one) of the section went. */
export type SourceField =
  | 'heading'
  | 'interviewees'
  | 'date'
  | 'anonymity'
  | 'vendorNote'
  | 'draft'
  | 'summary'
  | 'notes'
  | 'planned';

export interface SourcePart {
  /** 1-based line number in the document. */
  line: number;
  field: SourceField;
  /** The part of the line that went there (the whole line, trimmed, for most fields). */
  text: string;
}

export type DateSource = 'heading' | 'top' | 'bottom' | 'text';
export type EntryStatus = 'published' | 'draft' | 'planned';

export interface DdEntry {
  /** 1-based line of the heading (or checklist item). */
  line: number;
  heading: string;
  writtenNumber: number | null;
  /** The number it is imported as (the written one unless missing or taken). */
  number: number;
  label: LabelParts;
  organization: string | null;
  industry: string | null;
  website: string | null;
  anonymous: boolean;
  /** Why it is anonymous, as the report says it. */
  anonymousBecause: string | null;
  /**
   * How the heading was read, for the dry run: a named organization, an anonymous adopter
   * published under the heading's words, or an anonymous adopter with the default label.
   */
  readAs: 'organization' | 'label' | 'anonymous';
  /** Why, in words: "the heading gives the organization and, after the dash, a description…", "the label is only an industry". */
  readBecause: string;
  publicLabel: string | null;
  people: PersonMention[];
  /** People the document counts without naming (the generator's "an anonymous interviewee"). */
  anonymousPeople: number;
  /** Interview months, oldest first (two for "JANUARY 2025 AND SEPTEMBER 2025"). */
  months: string[];
  date: string | null;
  dateFrom: DateSource | null;
  /** A date without a year ("October 17th"): kept in the text, reported. */
  vendorNote: string;
  /**
   * Words of an anonymous entry's label that may name its organization: the importer records
   * them as aliases of the organization, so the anonymity guard refuses to print them.
   */
  labelSecrets: string[];
  status: EntryStatus;
  /** H6 sub-sections kept in the summary ("Usage", "Perception and Feeling"…). */
  subsections: string[];
  summary: string;
  sources: SourcePart[];
  warnings: string[];
}

export interface ParsedDd {
  title: DocumentTitle | null;
  /** The heading that holds the entries, or null when they were found without one. */
  section: { line: number; heading: string; lastLine: number } | null;
  /** Text between the section heading and the first entry: it has no adopter to go to. */
  notes: string;
  notesSources: SourcePart[];
  entries: DdEntry[];
  warnings: string[];
}

interface Line {
  /** 1-based. */
  no: number;
  text: string;
}

const isBlank = (text: string) => text.trim() === '';

/** The section's lines and the entry headings in it. */
interface Located {
  heading: Heading | null;
  first: number;
  /** Exclusive, 0-based. */
  end: number;
  entries: { heading: Heading | null; entry: EntryHeading; checklist?: true }[];
  /**
   * Headings of the section that do not start an adopter ("##### Summary", an empty
   * heading, a heading above the entries' level): each, with the lines under it up to the
   * next entry, goes to the project notes, and the report names it.
   */
  asides: Heading[];
}

const CHECKLIST_ITEM = /^\s*[-*+]\s+\[([ xX])\]\s+(.*)$/;

/**
 * For each heading (by its position in `headings`), the position of the next heading of
 * its level or higher: where its section ends. One pass with a stack.
 */
function sectionEnds(headings: readonly Heading[]): number[] {
  const ends = headings.map(() => headings.length);
  const open: number[] = [];
  headings.forEach((h, k) => {
    while (open.length > 0 && headings[open.at(-1)!]!.level >= h.level) ends[open.pop()!] = k;
    open.push(k);
  });
  return ends;
}

const lowest = (values: readonly number[]): number => values.reduce((a, b) => Math.min(a, b), Infinity);
const highest = (values: Iterable<number>): number => {
  let top = 0;
  for (const v of values) top = Math.max(top, v);
  return top;
};

/** An entry heading of any style: "Adopter 2 - Retail", "Adopter", "Globex", "Globex - technology company". */
const entryHeadingOf = (h: Heading): EntryHeading | null =>
  numberedEntryHeading(h.text) ?? bareAdopterHeading(h.text) ?? (h.text === '' || isNotAnAdopterHeading(h.text) ? null : unnumberedEntryHeading(h.text));

/**
 * The entries of a section. The entries' level is that of the "Adopter N" headings, or
 * else of the highest heading that may name an adopter; at that level EVERY heading starts
 * an entry, whatever its style (reviewers mix "##### Globex", "##### Adopter 2 - Retail"
 * and "##### Initech — finance" in one section), except those that clearly organize the
 * section ("##### Summary"). Deeper headings stay inside their entry (its "######
 * Usage"); higher ones are asides. Without headings, a checklist of organizations.
 */
function entriesIn(lines: readonly string[], inside: readonly Heading[], first: number, end: number): Pick<Located, 'entries' | 'asides'> {
  const numbered = inside.filter((h) => numberedEntryHeading(h.text));
  const candidates = numbered.length > 0 ? numbered : inside.filter((h) => entryHeadingOf(h));
  if (candidates.length > 0) {
    const level = lowest(candidates.map((h) => h.level));
    const entries: Located['entries'] = [];
    const asides: Heading[] = [];
    for (const h of inside) {
      if (h.level > level) continue;
      const entry = h.level === level ? entryHeadingOf(h) : null;
      if (entry) entries.push({ heading: h, entry });
      else asides.push(h);
    }
    return { entries, asides };
  }
  const items: Located['entries'] = [];
  for (let i = first; i < end; i++) {
    if (CHECKLIST_ITEM.test(lines[i]!)) items.push({ heading: { index: i, level: 0, text: lines[i]! }, entry: { number: null, label: '', draft: false }, checklist: true });
  }
  return { entries: items, asides: [] };
}

/**
 * The section holding the entries: the candidate heading with the most entries, else a run
 * of "Adopter N" headings. Each candidate reads only the headings of its own section (a
 * section holds no other of its level), so a document of many candidates is read once per
 * level at most.
 */
function locate(lines: readonly string[], headings: readonly Heading[]): Located | null {
  const ends = sectionEnds(headings);
  let best: Located | null = null;
  headings.forEach((h, k) => {
    if (!isSectionHeading(h)) return;
    const endAt = ends[k]!;
    const end = headings[endAt]?.index ?? lines.length;
    const found = entriesIn(lines, headings.slice(k + 1, endAt), h.index + 1, end);
    if (found.entries.length > 0 && (!best || found.entries.length > best.entries.length)) best = { heading: h, first: h.index + 1, end, ...found };
  });
  if (best) return best;
  const numbered = headings.filter((h) => numberedEntryHeading(h.text));
  if (numbered.length === 0) return null;
  const level = lowest(numbered.map((h) => h.level));
  const startAt = headings.findIndex((h) => h.level === level && numberedEntryHeading(h.text));
  const start = headings[startAt]!;
  let endAt = startAt + 1;
  while (endAt < headings.length && headings[endAt]!.level >= level) endAt++;
  const end = headings[endAt]?.index ?? lines.length;
  return { heading: null, first: start.index, end, ...entriesIn(lines, headings.slice(startAt, endAt), start.index, end) };
}

/* ----------------------------------------------------------------- line readers */

interface DateLine {
  dates: DateMention[];
  anonymous: boolean;
  /** The generator's "DATE NOT RECORDED". */
  notRecorded: boolean;
}

const DATE_LABEL = /^(?:interviewed(?:\s+(?:on|in))?|interview(?:\s+(?:date|month|held|conducted))?|date(?:\s+of\s+(?:the\s+)?interview)?|month|when)\s*:?\s*/i;

/** A line that is nothing but the interview date(s), in every form reviewers used. */
export function readDateLine(line: string): DateLine | null {
  let t = withoutHardBreak(line).trim();
  if (!t || t.length > 120) return null;
  t = wrappedEmphasis(t) ?? t;
  if (/^date not recorded$/i.test(t)) return { dates: [], anonymous: false, notRecorded: true };
  const status = /^\**\s*status\s*:?\s*\**\s*:?\s*interview(?:ed)?\s+(?:complete[d]?|done|held|conducted)\s*\(([^)]+)\)\s*\.?\s*(.*)$/i.exec(t);
  if (status) {
    const dates = wholeDates(plainText(status[1]!));
    const rest = plainText(status[2]!);
    if (!dates || dates.some((d) => d.year === null) || (rest && !/^anonymous\.?$/i.test(rest))) return null;
    return { dates, anonymous: rest !== '', notRecorded: false };
  }
  // What a reader sees: "**Interviewed:** _Sep 2024_" reads "Interviewed: Sep 2024".
  let bare = plainText(t);
  const labelled = DATE_LABEL.exec(bare);
  if (labelled && labelled[0].trim() !== '') bare = bare.slice(labelled[0].length).trim();
  bare = (wrappedEmphasis(bare) ?? bare).trim();
  const dates = wholeDates(bare);
  if (!dates || dates.some((d) => d.year === null)) return null;
  return { dates, anonymous: false, notRecorded: false };
}

function daysAndMonths(dates: readonly DateMention[]): { months: string[]; date: string | null } {
  const months = monthsOf(dates).sort();
  const days = dates.map(isoDay).filter((d): d is string => d !== null);
  return { months, date: days.length === 1 && dates.length === 1 ? days[0]! : null };
}

/** "###### Ada Example and Bo Sample, September 2024". */
function readH6People(line: string): { people: PersonMention[]; dates: DateMention[] } | null {
  const h = atxHeading(line.trim());
  // A line of names and a date is short; a long heading is a subsection's title.
  if (!h || h.level !== 6 || h.text.length > 300) return null;
  const text = h.text.replace(/\s+/g, ' ');
  const commas = [...text.matchAll(/,/g)].map((c) => c.index);
  for (const at of commas) {
    const dates = wholeDates(text.slice(at + 1));
    if (!dates || dates.some((d) => d.year === null)) continue;
    const people: PersonMention[] = [];
    for (const chunk of text.slice(0, at).split(/ ?(?:,|;|&|\band\b) ?/)) {
      if (!chunk) continue;
      if (looksLikeName(chunk)) people.push({ name: unescapeMarkdown(chunk), role: null });
      else if (people.length > 0) people[people.length - 1]!.role = [people.at(-1)!.role, chunk].filter(Boolean).join(', ');
      else return null;
    }
    return people.length > 0 ? { people, dates } : null;
  }
  return null;
}

const PEOPLE_LABEL = /^\**\s*(?:representatives?|interviewees?|interviewed|attendees?|participants?|speakers?)\s*:?\s*\**\s*:?\s*(.+)$/i;

/** "Representative: Ada Example", "Interviewees: A; B". */
function readLabelledPeople(line: string): ReturnType<typeof parsePeopleList> {
  const m = PEOPLE_LABEL.exec(withoutHardBreak(line).trim());
  if (!m) return null;
  return parsePeopleList(plainText(m[1]!), true);
}

/**
 * The generator's interviewee line ("_Ada Example, Platform Lead and Bo Sample, SRE_") or an
 * italic one a reviewer typed, which may list people with commas ("_Ada Example, SRE, Bo
 * Sample, Architect_").
 */
function readItalicPeople(line: string, organization: string | null): ReturnType<typeof parsePeopleList> {
  const inner = wrappedEmphasis(line);
  if (inner === null) return null;
  const text = unescapeMarkdown(inner).trim();
  const listed = parsePeopleList(text, true);
  if (listed && listed.anonymous === 0) {
    const commas = text.length <= 300 && !/[.!?:]$/.test(text) ? parsePlainPeopleLine(text, organization) : null;
    if (commas && commas.length > listed.people.length) return { people: commas, anonymous: 0 };
  }
  return listed;
}

/**
 * A plain line of interviewees right under the heading or the date (never a sentence):
 * "Ada Example, Platform Lead", "Ada Example, Bo Sample", "Ada Example, Head of Platform at
 * Globex". The heading's organization tells its name from a person's.
 */
function readPlainPeople(line: string, organization: string | null): PersonMention[] | null {
  const t = withoutHardBreak(line).trim();
  if (t.length > 300 || /[.!?:]$/.test(t) || /^[-*+>#|]/.test(t) || /\]\(|https?:/.test(t)) return null;
  return parsePlainPeopleLine(unescapeMarkdown(t), organization);
}

/** The text with trailing dots and spaces cut, in one pass from the end. */
function withoutTrailingDots(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || /\s/.test(text[end - 1]!))) end--;
  return text.slice(0, end);
}

/**
 * "Note: This adopter uses P through X": where P starts and X starts, or null. Read step by
 * step, each run of spaces and markers skipped once: a pattern with several optional runs
 * in a row retries a long run of spaces in every split of it.
 */
function vendorNoteParts(line: string): { project: string; tailAt: number } | null {
  const lead = /^\s*(?:\*\*|__)?note/i.exec(line);
  if (!lead) return null;
  let i = lead[0].length;
  while (i < line.length && /[\s:*_]/.test(line[i]!)) i++;
  const uses = /this adopter uses\s+/iy;
  uses.lastIndex = i;
  if (!uses.exec(line)) return null;
  const projectAt = uses.lastIndex;
  // The first " through " or " via " after the project's name.
  const word = /\b(?:through|via)\b/gi;
  word.lastIndex = projectAt;
  for (let m = word.exec(line); m; m = word.exec(line)) {
    const before = m.index;
    const after = before + m[0].length;
    if (!/\s/.test(line[before - 1] ?? '') || !/\s/.test(line[after] ?? '')) continue;
    const project = line.slice(projectAt, before).trim();
    let tailAt = after;
    while (tailAt < line.length && /\s/.test(line[tailAt]!)) tailAt++;
    if (project && tailAt < line.length) return { project, tailAt };
  }
  return null;
}

/** "Note: This adopter uses P through X. …": the offering, and what follows the first sentence. */
export function readVendorNote(line: string): { consumed: string; offering: string; rest: string } | null {
  const parts = vendorNoteParts(line);
  if (!parts) return null;
  const project = parts.project;
  const tail = line.slice(parts.tailAt);
  // The generator's own disclaimer follows the offering: take it back out.
  const disclaimer = new RegExp(`^(.*?)\\.\\s+The interview is about ${escapeRegExp(project)} itself, not about what the offering adds to it\\.\\s*$`, 'i').exec(tail);
  if (disclaimer) return { consumed: line.trim(), offering: disclaimer[1]!.trim(), rest: '' };
  const sentence = /^(.*?[^.\s])\.(?:\s+(?=\S)|\s*$)/.exec(tail);
  const offering = withoutTrailingDots((sentence ? sentence[1]! : tail).trim());
  const rest = sentence ? tail.slice(sentence[0].length).trim() : '';
  const consumed = rest ? line.slice(0, line.length - tail.length) + tail.slice(0, sentence![0].length).trimEnd() : line.trim();
  return { consumed: consumed.trim(), offering, rest };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const DRAFT_LINE = /^\*\*DRAFT:\*\*\s*not yet approved by the adopter; do not publish\.$/;

/** "The adopter was interviewed on June 4, 2025": a date in a sentence about the interview. */
function dateInText(lines: readonly Line[]): DateMention[] | null {
  for (const line of lines) {
    if (!/interview/i.test(line.text)) continue;
    for (const sentence of plainText(line.text).split(/(?<=[.!?])\s+(?=[A-Z"“[(])/)) {
      if (!/\binterview/i.test(sentence)) continue;
      const dates = findDates(sentence).filter((d) => d.year !== null);
      if (dates.length > 0) return [dates[0]!];
    }
  }
  return null;
}

/* ------------------------------------------------------------------ one entry */

interface Working {
  entry: DdEntry;
  /** Lines of the body that are not consumed into a field (they become the summary). */
  kept: Map<number, string>;
}

function newEntry(line: number, heading: string, written: EntryHeading): DdEntry {
  return {
    line,
    heading,
    writtenNumber: written.number,
    number: 0,
    label: splitLabel(written.label),
    organization: null,
    industry: null,
    website: null,
    anonymous: false,
    anonymousBecause: null,
    readAs: 'organization',
    readBecause: '',
    publicLabel: null,
    people: [],
    anonymousPeople: 0,
    months: [],
    date: null,
    dateFrom: null,
    vendorNote: '',
    labelSecrets: [],
    status: written.draft ? 'draft' : 'published',
    subsections: [],
    summary: '',
    sources: [],
    warnings: [],
  };
}

function setDates(entry: DdEntry, dates: readonly DateMention[], from: DateSource): void {
  const { months, date } = daysAndMonths(dates);
  entry.months = months;
  entry.date = date;
  entry.dateFrom = from;
}

/** Reads the header (heading, people, date, notes), the bottom date and the rest of an entry written under a heading. */
function readEntryBody(work: Working, body: readonly Line[]): void {
  const { entry, kept } = work;
  const take = (line: Line, field: SourceField, text = line.text.trim()) => {
    entry.sources.push({ line: line.no, field, text });
    kept.delete(line.no);
  };
  for (const line of body) kept.set(line.no, line.text);

  // 1. The header: the lines right under the heading, up to the first paragraph.
  let previous: 'heading' | 'date' | 'people' = 'heading';
  for (const line of body) {
    if (isBlank(line.text)) continue;
    const t = line.text;
    if (entry.months.length === 0 && entry.dateFrom === null) {
      const h6 = entry.people.length === 0 ? readH6People(t) : null;
      if (h6) {
        entry.people.push(...h6.people);
        setDates(entry, h6.dates, 'top');
        take(line, 'interviewees');
        previous = 'people';
        continue;
      }
      const date = readDateLine(t);
      if (date) {
        if (date.notRecorded) entry.dateFrom = 'top';
        else setDates(entry, date.dates, 'top');
        if (date.anonymous && !entry.anonymous) {
          entry.anonymous = true;
          entry.anonymousBecause = 'the status line says Anonymous';
        }
        take(line, 'date');
        previous = 'date';
        continue;
      }
    }
    const inner = wrappedEmphasis(t);
    if (inner !== null && ANONYMOUS_ORGANIZATION_LINE.test(unescapeMarkdown(inner).trim())) {
      entry.anonymous = true;
      entry.anonymousBecause = `"${unescapeMarkdown(inner).trim()}"`;
      take(line, 'anonymity');
      previous = 'people';
      continue;
    }
    if (inner !== null && ANONYMOUS_INTERVIEWEES_LINE.test(unescapeMarkdown(inner).trim())) {
      entry.anonymousPeople += /are anonymous/i.test(inner) ? 2 : 1;
      take(line, 'interviewees');
      previous = 'people';
      continue;
    }
    if (DRAFT_LINE.test(t.trim())) {
      entry.status = 'draft';
      take(line, 'draft');
      continue;
    }
    if (entry.people.length === 0) {
      const listed = readLabelledPeople(t) ?? readItalicPeople(t, entry.label.organization);
      if (listed) {
        entry.people.push(...listed.people.map((p) => ({ name: p.name.trim(), role: p.role?.trim() || null })));
        entry.anonymousPeople += listed.anonymous;
        take(line, 'interviewees');
        previous = 'people';
        continue;
      }
    }
    if (entry.anonymousPeople === 0) {
      const people = readPlainPeople(t, entry.label.organization);
      if (people && (entry.people.length === 0 || previous === 'people')) {
        entry.people.push(...people);
        take(line, 'interviewees');
        previous = 'people';
        continue;
      }
    }
    break;
  }

  // 2. A vendor note anywhere (the generator puts it after the date; reviewers first).
  for (const line of body) {
    if (!kept.has(line.no)) continue;
    const note = readVendorNote(line.text);
    if (!note) continue;
    entry.vendorNote = note.offering;
    entry.sources.push({ line: line.no, field: 'vendorNote', text: note.consumed });
    if (note.rest) {
      const indent = /^\s*/.exec(line.text)![0];
      kept.set(line.no, indent + note.rest);
      entry.sources.push({ line: line.no, field: 'summary', text: note.rest });
    } else kept.delete(line.no);
    break;
  }

  // 3. No date on top: a date line at the bottom (or anywhere below the header).
  const standalone = body.filter((l) => kept.has(l.no) && readDateLine(l.text)?.dates.length);
  if (entry.dateFrom === null && standalone.length > 0) {
    const line = standalone.at(-1)!;
    setDates(entry, readDateLine(line.text)!.dates, 'bottom');
    take(line, 'date');
  }
  for (const line of body.filter((l) => kept.has(l.no) && readDateLine(l.text)?.dates.length)) {
    entry.warnings.push(`Line ${line.no} "${line.text.trim()}" is another date; it was kept in the summary.`);
  }

  // 4. Still no date: a sentence about the interview that names one.
  if (entry.dateFrom === null) {
    const inText = dateInText(body.filter((l) => kept.has(l.no)).map((l) => ({ no: l.no, text: kept.get(l.no)! })));
    if (inText) {
      setDates(entry, inText, 'text');
    }
  }

  // 4b. A month without a day: a sentence about the interview may give the day.
  if (entry.months.length === 1 && entry.date === null && entry.dateFrom !== 'text') {
    const inText = dateInText(body.filter((l) => kept.has(l.no)).map((l) => ({ no: l.no, text: kept.get(l.no)! })));
    const day = inText ? isoDay(inText[0]!) : null;
    if (day && day.startsWith(entry.months[0]!)) entry.date = day;
  }

  // 5. Everything left is the summary, verbatim.
  const summaryLines: string[] = [];
  const inSummary = new Set(entry.sources.filter((s) => s.field === 'summary').map((s) => s.line));
  for (const line of body) {
    if (!kept.has(line.no)) continue;
    const text = kept.get(line.no)!;
    summaryLines.push(text);
    if (!isBlank(text) && !inSummary.has(line.no)) {
      entry.sources.push({ line: line.no, field: 'summary', text: text.trim() });
    }
    const sub = atxHeading(text);
    if (sub && sub.level === 6 && sub.text) entry.subsections.push(plainText(sub.text));
  }
  entry.summary = normalizeMarkdown(summaryLines.join('\n'));
}

/** "- [x] [Globex](https://globex.example): The TOC interviewed Ada Example from Globex in June 2024, …". */
function readChecklistItem(work: Working, line: Line, continuation: readonly Line[]): void {
  const { entry } = work;
  const m = CHECKLIST_ITEM.exec(line.text)!;
  const checked = m[1] !== ' ';
  const rest = m[2]!;
  const lead = /^((?:\[[^\]]+\]\([^)]*\)|\*\*[^*]+\*\*|[^:]{1,80}?))\s*(?::|\s[-–—]\s)\s*(.*)$/.exec(rest);
  const name = lead ? lead[1]! : rest;
  const description = lead ? lead[2]! : '';
  const link = wholeLink(name);
  entry.label = splitLabel(name);
  entry.organization = link ? unescapeMarkdown(link.text) : plainText(name);
  entry.website = link && /^https?:\/\//i.test(link.url) ? link.url : null;
  if (!checked) entry.status = 'planned';
  const prefix = description ? line.text.slice(0, line.text.length - description.length).trim() : line.text.trim();
  entry.sources.push({ line: line.no, field: 'heading', text: prefix });
  const summaryLines = description ? [description] : [];
  if (description) entry.sources.push({ line: line.no, field: entry.status === 'planned' ? 'planned' : 'summary', text: description.trim() });
  for (const extra of continuation) {
    summaryLines.push(extra.text);
    if (!isBlank(extra.text)) entry.sources.push({ line: extra.no, field: entry.status === 'planned' ? 'planned' : 'summary', text: extra.text.trim() });
  }
  const text = plainText(summaryLines.join(' '));
  // The sentence that names who was interviewed comes first; reading only its start keeps a
  // long item from being searched again from every "interview" in it.
  const who = /\binterview(?:ed|s)?\s+(?:with\s+)?(.+?)\s+(?:from|of|at)\s+/i.exec(text.slice(0, 500));
  if (who) {
    const person = parsePerson(who[1]!);
    if (person) entry.people.push(person);
  }
  const dates = findDates(text).filter((d) => d.year !== null);
  if (dates.length > 0) setDates(entry, [dates[0]!], 'text');
  entry.summary = normalizeMarkdown(summaryLines.join('\n'));
}

/** Why a named entry was read as its organization, by the heading's form (the dry run shows it). */
const NAMED_BECAUSE: Partial<Record<LabelParts['form'], string>> = {
  org: 'the heading is the organization\'s name',
  'org/industry': 'the heading gives the organization and, after the slash, its industry',
  'org (industry)': 'the heading gives the organization and, in parentheses, its industry',
  'org - description': 'the heading gives the organization and, after the dash, a description kept as its industry',
};

/** Organization, industry, anonymity and the public label, from the label and the markers. */
function decideIdentity(entry: DdEntry, wholeText: string): void {
  const label = entry.label;
  const marker = anonymityMarker(wholeText);
  if (!entry.anonymous && label.form === 'anonymous') {
    entry.anonymous = true;
    entry.anonymousBecause = 'the label says Anonymous';
  }
  if (!entry.anonymous && marker) {
    entry.anonymous = true;
    entry.anonymousBecause = `the entry says "${marker}"`;
  }
  if (!entry.anonymous && label.form === 'industry') {
    entry.anonymous = true;
    entry.anonymousBecause = 'the label is only an industry';
    entry.warnings.push(`The label "${label.text}" is only an industry, so Adopter ${entry.number} is read as anonymous; confirm that it is.`);
  }
  if (!entry.anonymous && label.form === 'none' && entry.organization === null) {
    entry.anonymous = true;
    entry.anonymousBecause = 'the heading has no label';
    entry.warnings.push(`Adopter ${entry.number} has no label, so it is read as anonymous (the export will print "Anonymous"); confirm that it is.`);
  }
  if (!entry.anonymous) {
    if (entry.organization === null) {
      entry.organization = label.organization;
      entry.industry = label.industry;
      entry.website = label.website;
    }
    entry.readAs = 'organization';
    entry.readBecause = CHECKLIST_ITEM.test(entry.heading) ? 'the checklist item names it' : (NAMED_BECAUSE[label.form] ?? 'the heading names it');
    return;
  }
  entry.organization = null;
  entry.website = null;
  if (label.form === 'anonymous') {
    entry.industry = label.industry;
    entry.publicLabel = label.text === defaultAnonymousLabel(label.industry) ? null : label.text;
  } else if (label.form === 'none') {
    entry.industry = null;
    entry.publicLabel = null;
  } else {
    entry.industry = label.form === 'industry' ? label.text : label.industry;
    entry.publicLabel = label.text;
    entry.labelSecrets = labelWordsNamingOrganization(label.text);
    const named = nonSectorWords(label.text);
    if (entry.labelSecrets.length > 0) {
      const words = entry.labelSecrets.map((w) => `"${w}"`).join(', ');
      const [was, alias, it] = entry.labelSecrets.length === 1 ? ['was', 'an alias', 'it'] : ['were', 'aliases', 'them'];
      entry.warnings.push(
        `Adopter ${entry.number} is anonymous but its label "${label.text}" may name the organization (${entry.labelSecrets.join(', ')}): ${words} ${was} recorded as ${alias} of its organization, so the anonymity guard refuses any export that prints ${it}, this label included. Change the public label, or remove the alias if it does not name them.`,
      );
    } else if (named.length > 0) {
      entry.warnings.push(`Adopter ${entry.number} is anonymous but its label "${label.text}" may name the organization (${named.join(', ')}); check it before publishing.`);
    }
  }
  entry.readAs = entry.publicLabel ? 'label' : 'anonymous';
  entry.readBecause = entry.anonymousBecause ?? 'the entry says so';
  if (entry.people.length > 0) {
    entry.warnings.push(
      `Adopter ${entry.number} is anonymous but the entry names ${entry.people.length === 1 ? 'its interviewee' : `${entry.people.length} interviewees`}; they were kept (private), and the export will not print them.`,
    );
  }
}

/* --------------------------------------------------------------- the document */

/**
 * Numbers: an entry keeps the number it was written with; a duplicate gets the next number
 * after the highest written. An entry without one (a heading that names the organization)
 * gets the smallest number after the entry before it that no entry was written with, so the
 * export lists the document's entries in the document's order wherever the written numbers
 * allow it.
 */
function assignNumbers(entries: DdEntry[], warnings: string[]): void {
  const written = new Set(entries.map((e) => e.writtenNumber).filter((n): n is number => n !== null));
  const max = highest(written);
  const used = new Set<number>();
  const firstWith = new Map<number, DdEntry>();
  for (const e of entries) if (e.writtenNumber !== null && !firstWith.has(e.writtenNumber)) firstWith.set(e.writtenNumber, e);
  let nextAfterMax = max + 1;
  let previous = 0;
  for (const entry of entries) {
    const n = entry.writtenNumber;
    if (n !== null && !used.has(n)) {
      entry.number = n;
    } else if (n !== null) {
      while (used.has(nextAfterMax) || written.has(nextAfterMax)) nextAfterMax++;
      entry.number = nextAfterMax;
      const first = firstWith.get(n)!;
      warnings.push(`Adopter ${n} appears twice (lines ${first.line} and ${entry.line}); the second one becomes Adopter ${entry.number}.`);
    } else {
      let k = previous + 1;
      while (used.has(k) || written.has(k)) k++;
      entry.number = k;
      if (written.size > 0) warnings.push(`The heading "${plainText(entry.heading.replace(/^#+/, ''))}" (line ${entry.line}) has no adopter number; it becomes Adopter ${k}.`);
    }
    used.add(entry.number);
    previous = entry.number;
  }
  const numbers = entries.map((e) => e.number);
  if (numbers.some((n, k) => k > 0 && n < numbers[k - 1]!)) {
    warnings.push(`The adopters are numbered ${numbers.join(', ')} in the document's order; the export lists them by number, so in another order.`);
  }
  if (written.size > 0) {
    const top = highest(used);
    const missing: number[] = [];
    for (let k = 1; k <= top; k++) if (!used.has(k)) missing.push(k);
    if (missing.length > 0) {
      warnings.push(`There is no ${missing.map((k) => `Adopter ${k}`).join(', ')} in the document (numbers kept as written; the gap stays).`);
    }
  }
}

export function parseDdDocument(text: string): ParsedDd {
  const lines = text.split('\n');
  const headings = headingsOf(lines);
  const title = documentTitle(lines, headings);
  const result: ParsedDd = { title, section: null, notes: '', notesSources: [], entries: [], warnings: [] };
  const located = locate(lines, headings);
  if (!located || located.entries.length === 0) return result;
  if (located.heading) {
    result.section = { line: located.heading.index + 1, heading: lines[located.heading.index]!.trim(), lastLine: located.end };
  } else {
    result.section = { line: located.first + 1, heading: '', lastLine: located.end };
  }
  const line = (index: number): Line => ({ no: index + 1, text: lines[index]! });

  // The section cut where each entry or aside starts; every line falls in exactly one part.
  type Part = { index: number; entry: Located['entries'][number] } | { index: number; aside: Heading };
  const parts: Part[] = [...located.entries.map((entry) => ({ index: entry.heading!.index, entry })), ...located.asides.map((aside) => ({ index: aside.index, aside }))].sort(
    (x, y) => x.index - y.index,
  );
  const partEnd = (k: number) => (k + 1 < parts.length ? parts[k + 1]!.index : located.end);

  // Before the first entry (the section's introduction) and under an aside heading: no
  // adopter to give it to; the project notes keep it.
  const notes: string[][] = [];
  const toNotes = (from: number, end: number): SourcePart[] => {
    const block: string[] = [];
    const taken: SourcePart[] = [];
    for (let i = from; i < end; i++) {
      block.push(lines[i]!);
      if (!isBlank(lines[i]!)) taken.push({ line: i + 1, field: 'notes', text: lines[i]!.trim() });
    }
    if (taken.length > 0) notes.push(block);
    result.notesSources.push(...taken);
    return taken;
  };
  const preamble = toNotes(located.first, parts[0]!.index);
  if (preamble.length > 0) {
    result.warnings.push(
      `${preamble.length === 1 ? `Line ${preamble[0]!.line}` : `${preamble.length} lines (${preamble[0]!.line}–${preamble.at(-1)!.line})`} before the first adopter entry belong${preamble.length === 1 ? 's' : ''} to no adopter; kept in the project notes.`,
    );
  }

  const works: Working[] = [];
  parts.forEach((part, k) => {
    const start = part.index;
    const end = partEnd(k);
    if ('aside' in part) {
      const taken = toNotes(start, end);
      const heading = plainText(part.aside.text);
      const under = taken.length - 1;
      result.warnings.push(
        heading
          ? `The heading "${heading}" (line ${start + 1}) does not name an adopter, so it was not imported as one: it${under > 0 ? ` and the ${under === 1 ? 'line' : `${under} lines`} under it` : ''} were kept in the project notes. If it is an adopter, rename the heading in the document and import again.`
          : `The empty heading on line ${start + 1}${under > 0 ? ` and the ${under === 1 ? 'line' : `${under} lines`} under it` : ''} were kept in the project notes.`,
      );
      return;
    }
    const found = part.entry;
    const work: Working = { entry: newEntry(start + 1, lines[start]!.trim(), found.entry), kept: new Map() };
    const body: Line[] = [];
    for (let i = start + 1; i < end; i++) body.push(line(i));
    if (found.checklist) {
      readChecklistItem(work, line(start), body);
    } else {
      work.entry.sources.push({ line: start + 1, field: 'heading', text: lines[start]!.trim() });
      readEntryBody(work, body);
    }
    works.push(work);
  });
  result.notes = normalizeMarkdown(notes.map((block) => normalizeMarkdown(block.join('\n'))).join('\n\n'));

  const entries = works.map((w) => w.entry);
  result.entries = entries;
  assignNumbers(entries, result.warnings);
  for (const work of works) {
    const entry = work.entry;
    const bodyText = [entry.heading, entry.summary].join('\n');
    decideIdentity(entry, bodyText);
    if (entry.months.length === 0) {
      entry.warnings.push(
        entry.dateFrom === 'top'
          ? `Adopter ${entry.number}'s date is "DATE NOT RECORDED".`
          : `Adopter ${entry.number} has no interview date; the export will print "DATE NOT RECORDED" until you set the month.`,
      );
    }
    if (entry.dateFrom === 'text') entry.warnings.push(`Adopter ${entry.number}'s date was read from the text (${entry.date ?? entry.months.join(', ')}); check it.`);
    if (entry.status !== 'planned' && entry.summary.trim() === '') {
      entry.warnings.push(`Adopter ${entry.number} has no summary in the document; the export leaves entries without a summary out.`);
    }
    if (entry.status === 'planned') entry.warnings.push(`Adopter ${entry.number} is not checked in the list; it becomes a candidate, its text in the adopter's notes.`);
    if (entry.vendorNote) {
      entry.warnings.push(`Adopter ${entry.number}'s vendor note was read as "${entry.vendorNote}"; the export words it as the app's note ("Note: This adopter uses … through …").`);
    }
  }
  return result;
}

/** All the parts of the section in line order, for the nothing-lost check and reports. */
export function allSources(parsed: ParsedDd): SourcePart[] {
  return [...parsed.notesSources, ...parsed.entries.flatMap((e) => e.sources)].sort((a, b) => a.line - b.line);
}

