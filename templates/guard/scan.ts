import { DeskError } from '../../domain/errors';
import type { PublicationData } from '../adoption/model';
import { findSecret, fold, foldTerm, indexWords, type FoldMode } from './fold';
import { refusalAdvice } from './refusal-advice';
import { collectSecrets, SECRET_KIND_WORDS, type Secret, type SecretKind } from './secrets';

/** One piece of public output: the Markdown, a Word part, a document property. */
export interface TextPart {
  /** Where it is: "markdown", "word/document.xml", "docProps/core.xml title". */
  part: string;
  text: string;
  /**
   * "source": Markdown as written (markup and references read as a reader would); "plain":
   * text as a reader sees it (the rendered page, Word's paragraphs). Default "source".
   */
  mode?: FoldMode;
  /**
   * When `text` is what a reader sees of another text (the rendered Markdown), that text
   * and where each character of `text` stands in it: hits are reported there.
   */
  origin?: { text: string; map: ArrayLike<number> };
  /** Which adopter entry a 1-based line belongs to (null: outside any entry). */
  entryOfLine?: (line: number) => number | null;
  /**
   * The line of its part that `text` starts at (default 1): a long part is scanned in pieces
   * that start at line starts, and hits are reported at their line in the whole part.
   */
  firstLine?: number;
}

export interface LeakHit {
  term: string;
  kind: SecretKind;
  /** The anonymous adopter whose secret it is. */
  adopterNumber: number;
  person?: string;
  part: string;
  line: number;
  /** 1-based column of the hit in its line, so the UI can put the cursor on it. */
  column: number;
  /** The entry the text is in (may be another adopter's). */
  entryNumber: number | null;
  excerpt: string;
  /** Released by an allowance the reviewer added: reported, not blocking. */
  allowedBy?: string;
}

export interface GuardReport {
  leaks: LeakHit[];
  allowed: LeakHit[];
}

const EXCERPT_RADIUS = 40;

/** The line(s) holding the hit, shortened around it when long. */
function excerptAround(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
  const from = Math.max(lineStart, start - EXCERPT_RADIUS);
  const to = Math.min(lineEnd, end + EXCERPT_RADIUS);
  return `${from > lineStart ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < lineEnd ? '…' : ''}`;
}

/**
 * The 1-based line of an index, by binary search over the text's line starts (made once per
 * part): counting newlines from the start for every hit made a section with many hits
 * quadratic (1,000 entries, 300 of them anonymous: 5 s of the guard's 6).
 */
function lineLocator(text: string): (index: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

function allowanceFor(hit: Omit<LeakHit, 'allowedBy'>, secret: Secret, data: PublicationData): string | undefined {
  const adopter = data.adopters.find((a) => a.number === secret.adopterNumber);
  const allowance = adopter?.allowances.find(
    (a) => foldTerm(a.term) === secret.folded && (a.entryNumber === null || a.entryNumber === hit.entryNumber),
  );
  return allowance ? `${allowance.term}${allowance.note ? ` (${allowance.note})` : ''}` : undefined;
}

/** Finds every secret of every anonymous adopter and person in every part. */
export function scanForLeaks(parts: Iterable<TextPart>, data: PublicationData): GuardReport {
  const secrets = collectSecrets(data);
  const report: GuardReport = { leaks: [], allowed: [] };
  // Nothing anonymous, nothing to find: the parts (which may be read lazily) are not even read.
  if (secrets.length === 0) return report;
  // A spot found twice (in the source and in what a reader sees of it) is reported once.
  const seen = new Set<string>();
  for (const part of parts) {
    const folded = fold(part.text, part.mode ?? 'source');
    const words = indexWords(folded);
    // Where hits are reported: the part itself, or the text it was read from.
    const shown = part.origin?.text ?? part.text;
    const place = (index: number) => (part.origin ? (part.origin.map[index] ?? 0) : index);
    let lineAt: ((index: number) => number) | null = null;
    for (const secret of secrets) {
      for (const at of findSecret(folded, words, secret.folded)) {
        const start = place(folded.map[at] ?? 0);
        const end = place(folded.map[at + secret.folded.length - 1] ?? 0) + 1;
        const key = `${part.part}|${part.firstLine ?? 1}|${secret.adopterNumber}|${secret.folded}|${start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        lineAt ??= lineLocator(shown);
        const line = lineAt(start) + (part.firstLine ?? 1) - 1;
        const column = start - shown.lastIndexOf('\n', start - 1);
        const hit: LeakHit = {
          term: secret.term,
          kind: secret.kind,
          adopterNumber: secret.adopterNumber,
          ...(secret.person ? { person: secret.person } : {}),
          part: part.part,
          line,
          column,
          entryNumber: part.entryOfLine?.(line) ?? null,
          excerpt: excerptAround(shown, start, Math.max(end, start + 1)),
        };
        const allowedBy = allowanceFor(hit, secret, data);
        if (allowedBy) report.allowed.push({ ...hit, allowedBy });
        else report.leaks.push(hit);
      }
    }
  }
  const order = (a: LeakHit, b: LeakHit) =>
    a.part.localeCompare(b.part) || a.line - b.line || a.column - b.column || b.term.length - a.term.length;
  report.leaks.sort(order);
  report.allowed.sort(order);
  return report;
}

const KIND_WORDS = SECRET_KIND_WORDS;

/** "The export names 'Globex' (the organization of Adopter 3, who is anonymous) in Adopter 3's entry, line 12." */
export function describeLeak(hit: LeakHit): string {
  const where = hit.entryNumber === null ? `line ${hit.line}` : `Adopter ${hit.entryNumber}'s entry, line ${hit.line}`;
  const whose = hit.person && hit.kind !== 'person' ? ` (${hit.person})` : '';
  return `'${hit.term}'${whose}, ${KIND_WORDS[hit.kind]} Adopter ${hit.adopterNumber}, in ${where}${hit.part === 'markdown' ? '' : ` of ${hit.part}`}`;
}

/** The only way public output leaves templates/: refuse it with LEAK_DETECTED and the report when anything leaks. */
export function assertNoLeaks(report: GuardReport, projectSlug?: string): void {
  if (report.leaks.length === 0) return;
  const first = report.leaks.slice(0, 3).map(describeLeak).join('; ');
  const more = report.leaks.length > 3 ? ` and ${report.leaks.length - 3} more` : '';
  throw new DeskError(
    'LEAK_DETECTED',
    `The export was refused: it would reveal who an anonymous adopter is. It names ${first}${more}. ${refusalAdvice(report.leaks[0], projectSlug)}`,
    report,
  );
}
