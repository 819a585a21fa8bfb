import type { PublicationData } from '../adoption/model';
import { scanForLeaks, type GuardReport, type LeakHit, type TextPart } from '../guard/scan';
import { packageText } from './package-text';

/** Paragraphs scanned as one piece of text at most (fold() is cheap on short texts). */
const CHUNK_PARAGRAPHS = 16;
const CHUNK_CHARS = 2_000;

interface Chunk {
  part: string;
  /** Line 1 of the chunk is line `offset + 1` of the part. */
  offset: number;
}

/**
 * Scans every text part of a finished .docx package for the secrets of the anonymous
 * adopters and people in `data`: the paragraphs of the document, headers and footers,
 * every attribute value (hyperlink targets in the .rels, style names…), the document
 * properties (title, author) and every other part. Hits point at the part, and for
 * paragraphs at the paragraph number (line N = paragraph N) and its adopter entry.
 *
 * Paragraph parts are scanned in chunks of whole paragraphs that never cross an entry:
 * a name cannot hide across two paragraphs, and short texts keep the scan linear in the
 * size of the document.
 */
export async function scanDocxPackage(
  bytes: Uint8Array,
  data: PublicationData,
  entryOfParagraph: (part: string, index: number) => number | null = () => null,
): Promise<GuardReport> {
  const parts: TextPart[] = [];
  const chunks: Chunk[] = [];
  const add = (part: string, offset: number, lines: string[], entryOfLine?: (line: number) => number | null) => {
    // Word's text is what its reader sees: read as shown (a literal "<Globex>" stays readable).
    parts.push({ part: String(chunks.length), text: lines.join('\n'), mode: 'plain', ...(entryOfLine ? { entryOfLine } : {}) });
    chunks.push({ part, offset });
  };
  for (const text of await packageText(bytes)) {
    if (text.paragraphs) {
      let start = 0;
      while (start < text.lines.length) {
        const entry = entryOfParagraph(text.part, start);
        let end = start + 1;
        let size = text.lines[start]!.length;
        while (
          end < text.lines.length &&
          end - start < CHUNK_PARAGRAPHS &&
          size + text.lines[end]!.length < CHUNK_CHARS &&
          entryOfParagraph(text.part, end) === entry
        ) {
          size += text.lines[end]!.length;
          end++;
        }
        const first = start;
        add(text.part, first, text.lines.slice(start, end), (line) => entryOfParagraph(text.part, first + line - 1));
        start = end;
      }
    } else if (text.lines.length > 0) {
      add(text.part, 0, text.lines);
    }
    if (text.attributes.length > 0) add(`${text.part} (attributes)`, 0, text.attributes);
  }
  const report = scanForLeaks(parts, data);
  const place = (hit: LeakHit): LeakHit => {
    const chunk = chunks[Number(hit.part)]!;
    return { ...hit, part: chunk.part, line: hit.line + chunk.offset };
  };
  const order = (a: LeakHit, b: LeakHit) =>
    a.part.localeCompare(b.part) || a.line - b.line || a.column - b.column || b.term.length - a.term.length;
  // A spot reported by two overlapping secrets' scans counts once.
  const once = (hits: LeakHit[]) => {
    const seen = new Set<string>();
    return hits.filter((hit) => {
      const key = `${hit.part}|${hit.line}|${hit.column}|${hit.adopterNumber}|${hit.term}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  return { leaks: once(report.leaks.map(place).sort(order)), allowed: once(report.allowed.map(place).sort(order)) };
}
