import { dateAt, isoDay, isoMonth, type DateMention } from './dates';
import { headingsOf } from './dd-headings';
import { plainText, stripEmphasisMarkers, unescapeMarkdown, withoutHardBreak, wrappedEmphasis } from './inline';
import { parsePeopleList, parsePerson, type PersonMention } from './people';
import { assignQuestionKeys } from './questions';

/**
 * A stand-alone interview notes file: a title, a few header lines (meeting date,
 * interviewees or attendees), then questions (headings or italic lines) each followed by
 * the answer. Answers under a TOC question get its key (q1…q14, m1…m3); other questions
 * become custom answers that keep the question as their first line. Every line that is
 * not part of an answer is kept in the raw notes, so nothing is lost.
 */

export interface NotesAnswer {
  /** "q4", or "custom-1" for a question the TOC list does not have. */
  key: string;
  custom: boolean;
  /** The question as written (plain text). */
  question: string;
  /** 1-based line of the question. */
  line: number;
  /** Stored text: the answer verbatim; a custom answer starts with its question line. */
  text: string;
}

export interface NotesSource {
  line: number;
  field: 'answer' | 'rawNotes';
  /** The answer's key for answer lines. */
  key?: string;
}

export interface ParsedNotes {
  title: string | null;
  /** The organization the title names ("# Globex Adopter Interview - Initech" → Initech). */
  organization: string | null;
  meeting: {
    /** The header line's value as written ("Sept. 11th, Wednesday, 2024"), or null when there is none. */
    text: string | null;
    date: string | null;
    month: string | null;
    /** A date without a year: month and day only. */
    yearless: { month: number; day: number | null } | null;
  };
  interviewers: string[];
  participants: PersonMention[];
  answers: NotesAnswer[];
  rawNotes: string;
  sources: NotesSource[];
  warnings: string[];
}

const DATE_FIELD = /^[-*\s]*\**\s*(?:meeting\s+time|meeting\s+date|interview\s+date|date\s+of\s+(?:the\s+)?interview|date|interviewed(?:\s+on)?)\s*:?\s*\**\s*:?\s*(.*)$/i;
const INTERVIEWEE_FIELD = /^[-*\s]*\**\s*interviewees?\s*:?\s*\**\s*:?\s*(.+)$/i;
const ATTENDEES_FIELD = /^[-*\s]*\**\s*(?:attendees|participants)\s*:?\s*\**\s*:?\s*(.*)$/i;
const GROUP_FIELD = /^[-*\s]*\**\s*(toc|tab|interviewers?|adopters?|interviewees?)\s*(?:members?)?\s*:?\s*\**\s*:?\s*(.*)$/i;
const LIST_ITEM = /^\s*[-*+]\s+(.*)$/;
const INTERROGATIVE = /^(?:what|how|why|when|where|which|who|do|does|did|is|are|was|were|has|have|can|could|would|will|should|please|tell|describe|if)\b/i;

/** The first date in a header value, typos in month names allowed; trailing times and zones ignored. */
function firstDate(value: string): DateMention | null {
  const text = stripEmphasisMarkers(value);
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && /[A-Za-z0-9]/.test(text[i - 1]!)) continue;
    const d = dateAt(text, i, true);
    if (d) return d;
  }
  return null;
}

function isQuestionHeading(level: number, text: string): boolean {
  if (level < 2) return false;
  const plain = plainText(text);
  return plain.includes('?') || (level >= 3 && (/:$/.test(plain) || INTERROGATIVE.test(plain)));
}

/** An italic (or bold "Q:") line that asks something. */
function questionLine(line: string): string | null {
  const t = withoutHardBreak(line).trim();
  const q = /^\**\s*Q\s*[:.]\s*\**\s*(.+)$/i.exec(t);
  if (q) return plainText(q[1]!);
  const inner = wrappedEmphasis(t);
  if (inner !== null && inner.includes('?')) return plainText(inner);
  return null;
}

export function parseNotesFile(text: string): ParsedNotes {
  const lines = text.split('\n');
  const headings = headingsOf(lines);
  const result: ParsedNotes = {
    title: null,
    organization: null,
    meeting: { text: null, date: null, month: null, yearless: null },
    interviewers: [],
    participants: [],
    answers: [],
    rawNotes: '',
    sources: [],
    warnings: [],
  };
  const h1 = headings.find((h) => h.level === 1);
  if (h1) {
    result.title = plainText(h1.text);
    const org = /\s[-–—]\s+(.+)$/.exec(result.title);
    result.organization = org ? org[1]!.trim() : null;
  }

  // Front matter ("---\ntitle: …\n---") is part of the frame.
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (close > 0) start = close + 1;
  }

  // Where questions and sections begin: the header is everything above.
  const body = headings.filter((h) => h.level >= 2 && h.index >= start);
  const firstItalicQuestion = lines.findIndex((l, i) => i >= start && questionLine(l) !== null);
  const headerEnd = Math.min(body[0]?.index ?? lines.length, firstItalicQuestion < 0 ? lines.length : firstItalicQuestion);

  // 1. Header fields (the lines stay in the raw notes as well).
  let group: 'toc' | 'adopter' | null = null;
  let inAttendees = false;
  const addPerson = (value: string, as: 'toc' | 'adopter' | null, lineNo: number) => {
    const clean = unescapeMarkdown(stripEmphasisMarkers(value)).trim();
    if (!clean) return;
    const person = parsePerson(clean);
    if (!person) {
      result.warnings.push(`Line ${lineNo} "${clean}" names no one (a role only); it was kept in the raw notes.`);
      return;
    }
    if (as === 'toc') {
      if (!result.interviewers.includes(person.name)) result.interviewers.push(person.name);
    } else if (!result.participants.some((p) => p.name === person.name)) result.participants.push(person);
  };
  for (let i = start; i < headerEnd; i++) {
    const line = lines[i]!;
    const t = withoutHardBreak(line).trim();
    if (!t) {
      if (inAttendees && group !== null) inAttendees = false;
      continue;
    }
    const dateField = DATE_FIELD.exec(t);
    if (dateField && result.meeting.text === null && !/^meeting record/i.test(t)) {
      const value = stripEmphasisMarkers(dateField[1]!).trim();
      result.meeting.text = value;
      const d = firstDate(value);
      if (d && d.year !== null) {
        result.meeting.month = isoMonth(d);
        result.meeting.date = isoDay(d);
      } else if (d) result.meeting.yearless = { month: d.month, day: d.day };
      continue;
    }
    const interviewees = INTERVIEWEE_FIELD.exec(t);
    if (interviewees && !inAttendees) {
      const list = parsePeopleList(unescapeMarkdown(stripEmphasisMarkers(interviewees[1]!)).trim());
      if (list) for (const p of list.people) if (!result.participants.some((q) => q.name === p.name)) result.participants.push(p);
      if (!list) result.warnings.push(`Line ${i + 1} "${t}" names no one; it was kept in the raw notes.`);
      continue;
    }
    const attendees = ATTENDEES_FIELD.exec(t);
    if (attendees) {
      inAttendees = true;
      group = null;
      continue;
    }
    if (inAttendees) {
      const item = LIST_ITEM.exec(line)?.[1] ?? t;
      const grouped = GROUP_FIELD.exec(item);
      if (grouped) {
        group = /^(?:toc|tab|interviewers?)$/i.test(grouped[1]!) ? 'toc' : 'adopter';
        if (grouped[2]!.trim()) addPerson(grouped[2]!, group, i + 1);
        continue;
      }
      if (LIST_ITEM.test(line) || /^\s/.test(line)) addPerson(item, group, i + 1);
    }
  }

  // 2. Questions and answers.
  interface Block {
    question: string;
    line: number;
    level: number;
    /** 0-based index of the question line. */
    index: number;
    end: number;
  }
  const blocks: Block[] = [];
  // Looked up by line, once: a find over every heading for every line made many headings quadratic.
  const headingAt = new Map(headings.map((h) => [h.index, h]));
  for (let i = headerEnd; i < lines.length; i++) {
    const heading = headingAt.get(i);
    if (heading) {
      if (heading.level >= 2 && isQuestionHeading(heading.level, heading.text)) blocks.push({ question: plainText(heading.text), line: i + 1, level: heading.level, index: i, end: lines.length });
      continue;
    }
    const asked = questionLine(lines[i]!);
    if (asked) blocks.push({ question: asked, line: i + 1, level: 7, index: i, end: lines.length });
  }
  // An answer ends at the next question, a heading at its level or above, or a thematic break.
  // Blocks and headings are both in line order: one pointer walks the headings once for all blocks.
  let next = 0;
  for (const [k, block] of blocks.entries()) {
    const nextQuestion = blocks[k + 1]?.index ?? lines.length;
    while (next < headings.length && headings[next]!.index <= block.index) next++;
    let boundary = nextQuestion;
    for (let h = next; h < headings.length && headings[h]!.index < nextQuestion; h++) {
      if (headings[h]!.level <= Math.min(block.level, 6)) {
        boundary = headings[h]!.index;
        break;
      }
    }
    let end = boundary;
    for (let i = block.index + 1; i < boundary; i++) {
      if (/^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/.test(lines[i]!)) {
        end = i;
        break;
      }
    }
    block.end = end;
  }

  const inAnswer = new Map<number, string>();
  const answered = blocks.filter((block) => lines.slice(block.index + 1, block.end).some((l) => l.trim() !== ''));
  const keys = assignQuestionKeys(answered.map((b) => b.question));
  let custom = 0;
  for (const [k, block] of answered.entries()) {
    // An unanswered question stores nothing; its line stays in the raw notes.
    const answerLines = lines.slice(block.index + 1, block.end);
    while (answerLines.length && answerLines[0]!.trim() === '') answerLines.shift();
    while (answerLines.length && answerLines.at(-1)!.trim() === '') answerLines.pop();
    const isCustom = keys[k] === null;
    const key = keys[k] ?? `custom-${++custom}`;
    const answer = answerLines.join('\n');
    const text = isCustom ? [lines[block.index]!.trim(), answer].join('\n\n') : answer;
    result.answers.push({ key, custom: isCustom, question: block.question, line: block.line, text });
    if (isCustom) inAnswer.set(block.index, key);
    for (let i = block.index + 1; i < block.end; i++) inAnswer.set(i, key);
  }

  // 3. Everything else is the frame: the raw notes.
  const frame: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const key = inAnswer.get(i);
    if (key !== undefined) {
      if (lines[i]!.trim()) result.sources.push({ line: i + 1, field: 'answer', key });
      continue;
    }
    frame.push(lines[i]!);
    if (lines[i]!.trim()) result.sources.push({ line: i + 1, field: 'rawNotes' });
  }
  result.rawNotes = frame
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');

  if (result.meeting.text === null) result.warnings.push('The file gives no meeting date.');
  else if (result.meeting.yearless) result.warnings.push(`The meeting date "${result.meeting.text}" has no year.`);
  else if (!result.meeting.month) result.warnings.push(`The meeting date "${result.meeting.text}" is not a date.`);
  if (result.answers.length === 0) result.warnings.push('No question with an answer was found in the file.');
  return result;
}
