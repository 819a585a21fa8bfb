import type { ProjectLevel } from '../../domain/project';
import { BlockReader, type RawBlock } from '../../markdown/blocks';
import { splitLines } from '../../markdown/lines';
import { plainText, stripEmphasisMarkers } from './inline';

/**
 * Headings of a DD document: the title ("# Kubescape Incubation Due Diligence"), the
 * section that holds the adopter entries ("#### Adoption", or "### Adopter Interviews"
 * in an appendix) and the entries' own headings in every form reviewers used.
 *
 * Everything here reads a line in one pass (no pattern that can try a long run of spaces
 * again from every position): a document is untrusted input, and a heading of a million
 * spaces must cost what its length costs.
 */

export interface Heading {
  /** 0-based line index. */
  index: number;
  level: number;
  /** The text after the #s, closing #s and spaces removed. */
  text: string;
}

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t';

/** An ATX heading line ("##### Globex ##"): its level and text, or null. */
export function atxHeading(line: string): { level: number; text: string } | null {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let j = i;
  while (line[j] === '#') j++;
  const level = j - i;
  if (level < 1 || level > 6) return null;
  if (j < line.length && !isSpace(line[j])) return null;
  let text = line.slice(j).trim();
  // A closing run of #s counts only after a space ("##### C#" keeps its #).
  let k = text.length;
  while (k > 0 && text[k - 1] === '#') k--;
  if (k < text.length && (k === 0 || isSpace(text[k - 1]))) text = text.slice(0, k).trimEnd();
  return { level, text };
}

/**
 * ATX headings where the one reading of Markdown finds them (markdown/blocks.ts): not inside
 * code — a fence that a list item's end closes included, which a line-by-line fence tracker
 * kept open to the end of the document, hiding every entry after it — and in quotes and list
 * items only as a line of its own ("> ##### x" is not an entry's heading, as before).
 */
export function headingsOf(lines: readonly string[]): Heading[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const lineOf = (from: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= from) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const found = new Set<number>();
  const walk = (blocks: readonly RawBlock[]) => {
    for (const block of blocks) {
      if (block.kind === 'heading' && !block.marker.setext) found.add(lineOf(block.marker.from));
      else if (block.kind === 'quote') walk(block.blocks);
      else if (block.kind === 'list') for (const item of block.items) walk(item);
    }
  };
  walk(new BlockReader(new Map()).parse(splitLines(lines.join('\n'))));
  const out: Heading[] = [];
  for (const index of [...found].sort((a, b) => a - b)) {
    const h = atxHeading(lines[index]!);
    if (h) out.push({ index, ...h });
  }
  return out;
}

const SECTION = /^(?:the )?(?:adoption|adopters|adopter interviews?|adopter interview summaries|interviews? with adopters|adopter interview write-?ups) ?:?$/i;

/** "Adoption", "Adopter Interviews": a heading that may hold the entries (not "Adoption Evaluation"). */
export const isSectionHeading = (h: Heading): boolean => h.level <= 5 && SECTION.test(plainText(h.text));

/**
 * Words of headings that organize the section rather than name an adopter: "Summary",
 * "Methodology", "Adopters interviewed", "Common themes", "Next steps". A heading made
 * only of these words is kept with the project notes; any other heading of the entries'
 * level is an adopter.
 */
const NOT_AN_ADOPTER_WORDS = new Set(
  `summary summaries overview methodology method methods approach process introduction intro background context scope purpose
  notes note general key findings finding observations observation takeaways takeaway themes theme common conclusion conclusions
  recap results analysis insights highlights lessons learned learnt next steps references reference appendix questions question
  list feedback adoption adopters adopter interviewed interviews interview selection selected outreach contacted candidates
  candidate other additional further remaining more about these this the of and for with on in to from a an all toc reviewer
  reviewers review due diligence dd our`.split(/\s+/),
);

/** True for "Summary", "Methodology", "Adopters interviewed": a heading that is clearly not an adopter. */
export function isNotAnAdopterHeading(text: string): boolean {
  const words = plainText(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => NOT_AN_ADOPTER_WORDS.has(w));
}

export interface EntryHeading {
  /** The number as written, or null ("##### AWS", "##### Adopter"). */
  number: number | null;
  /** The label as Markdown source (may be empty). */
  label: string;
  /** The generator marks unapproved entries "(DRAFT)". */
  draft: boolean;
}

const DASHES = '-–—:';

/** "Globex (DRAFT)" → the label and whether it was marked. */
function withoutDraft(label: string): { label: string; draft: boolean } {
  const t = label.trimEnd();
  return t.endsWith('(DRAFT)') ? { label: t.slice(0, -'(DRAFT)'.length).trim(), draft: true } : { label: t.trim(), draft: false };
}

/**
 * "Adopter 1 - X" with a hyphen, en dash or em dash; "Adopter 1: X"; "Adopter 1- X";
 * "Adopter 3 -  X" (any spaces); "Adopter1 - X"; "Adopter #1 - X"; "Adopter 1" alone;
 * bold or not. Null when the heading does not name an adopter by number.
 */
export function numberedEntryHeading(text: string): EntryHeading | null {
  const t = stripEmphasisMarkers(text).replace(/\s+/g, ' ').trim();
  // Any number is read as written (bounded, so it stays a safe integer): one past the limit is refused with its line, not read as a name.
  const m = /^adopter ?(?:# ?)?(\d{1,9})/i.exec(t);
  if (!m) return null;
  let rest = t.slice(m[0].length);
  // "Adopter 12b" or "Adopter 1st" is not a number followed by a label.
  if (rest !== '' && rest[0] !== ' ' && !DASHES.includes(rest[0]!)) return null;
  let i = 0;
  while (i < rest.length && (rest[i] === ' ' || DASHES.includes(rest[i]!))) i++;
  rest = rest.slice(i);
  return { number: Number(m[1]), ...withoutDraft(rest) };
}

/** "Adopter" alone, or "Adopter - Globex": an adopter heading without its number. */
export function bareAdopterHeading(text: string): EntryHeading | null {
  const t = stripEmphasisMarkers(text).replace(/\s+/g, ' ').trim();
  if (!/^adopter(?:$| ?[-–—:])/i.test(t)) return null;
  let i = 'adopter'.length;
  while (i < t.length && (t[i] === ' ' || DASHES.includes(t[i]!))) i++;
  return { number: null, ...withoutDraft(t.slice(i)) };
}

/** An entry heading without a number: the label is the whole heading ("##### AWS", "##### Globex - technology company"). */
export function unnumberedEntryHeading(text: string): EntryHeading {
  return bareAdopterHeading(text) ?? { number: null, ...withoutDraft(text) };
}

export interface DocumentTitle {
  text: string;
  projectName: string | null;
  level: ProjectLevel | null;
}

/** "# Kubescape Incubation Due Diligence" → Kubescape, incubation. */
export function documentTitle(lines: readonly string[], headings: readonly Heading[]): DocumentTitle | null {
  const h1 = headings.find((h) => h.level === 1);
  if (!h1) return null;
  void lines;
  const text = plainText(h1.text);
  const level = /\bgraduat/i.test(text) ? 'graduation' : /\bincubat/i.test(text) ? 'incubation' : null;
  let name: string | null = null;
  const before = /^(.*?)\s+(?:project\s+)?(?:incubation|graduation)\b/i.exec(text);
  if (before && before[1]!.trim()) name = before[1]!.trim();
  else {
    const after = /\b(?:for|of)\s+(.+)$/i.exec(text);
    if (after) name = after[1]!.trim();
  }
  if (name) name = name.replace(/^\d{4}\s+/, '').replace(/\s+(?:due diligence|dd|proposal)$/i, '').trim() || null;
  return { text, projectName: name, level };
}
