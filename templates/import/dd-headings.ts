import type { ProjectLevel } from '../../domain/project';
import { plainText, stripEmphasisMarkers } from './inline';

/**
 * Headings of a DD document: the title ("# Kubescape Incubation Due Diligence"), the
 * section that holds the adopter entries ("#### Adoption", or "### Adopter Interviews"
 * in an appendix) and the entries' own headings in every form reviewers used.
 */

export interface Heading {
  /** 0-based line index. */
  index: number;
  level: number;
  /** The text after the #s, closing #s and spaces removed. */
  text: string;
}

/** ATX headings outside fenced code blocks. */
export function headingsOf(lines: readonly string[]): Heading[] {
  const out: Heading[] = [];
  let fence: string | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const m = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (m) out.push({ index, level: m[1]!.length, text: (m[2] ?? '').trim() });
  }
  return out;
}

const SECTION = /^(?:the\s+)?(?:adoption|adopters|adopter interviews?|adopter interview summaries|interviews? with adopters|adopter interview write-?ups)\s*:?$/i;

/** "Adoption", "Adopter Interviews": a heading that may hold the entries (not "Adoption Evaluation"). */
export const isSectionHeading = (h: Heading): boolean => h.level <= 5 && SECTION.test(plainText(h.text));

export interface EntryHeading {
  /** The number as written, or null ("##### AWS", "##### Adopter"). */
  number: number | null;
  /** The label as Markdown source (may be empty). */
  label: string;
  /** The generator marks unapproved entries "(DRAFT)". */
  draft: boolean;
}

/**
 * "Adopter 1 - X" with a hyphen, en dash or em dash; "Adopter 1: X"; "Adopter 1- X";
 * "Adopter1 - X"; "Adopter 1" alone; bold or not. Null when the heading does not name an
 * adopter by number.
 */
export function numberedEntryHeading(text: string): EntryHeading | null {
  const t = stripEmphasisMarkers(text).trim();
  const m = /^adopter\s*#?\s*(\d{1,3})(?:\s*[-–—:]+\s*|\s+|$)(.*)$/i.exec(t);
  if (!m) return null;
  let label = m[2]!.trim();
  const draft = /\s*\(DRAFT\)$/.test(label);
  if (draft) label = label.replace(/\s*\(DRAFT\)$/, '');
  return { number: Number(m[1]), label, draft };
}

/** An entry heading without a number: the label is the whole heading ("##### AWS"). */
export function unnumberedEntryHeading(text: string): EntryHeading {
  const draft = /\s*\(DRAFT\)$/.test(text);
  return { number: null, label: text.replace(/\s*\(DRAFT\)$/, '').trim(), draft };
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
