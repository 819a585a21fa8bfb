import { readerText } from '../../markdown/read';
import { assertNoLeaks, scanForLeaks, type GuardReport, type TextPart } from '../guard/scan';
import { DEFAULT_RENDER_OPTIONS, type PublicationData, type RenderOptions } from './model';
import { renderAdoptionSection, type RenderedSection } from './section';

export interface PublishedSection extends RenderedSection {
  /** Hits released by the reviewer's allowances (shown in the report, not blocking). */
  allowed: GuardReport['allowed'];
}

/** Which entry a line of the rendered section belongs to. */
export function entryLocator(rendered: RenderedSection): (line: number) => number | null {
  // Entries are in line order: a binary search keeps a section with many hits linear.
  const { entries } = rendered;
  return (line) => {
    let low = 0;
    let high = entries.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const entry = entries[mid]!;
      if (line < entry.firstLine) high = mid - 1;
      else if (line > entry.lastLine) low = mid + 1;
      else return entry.number;
    }
    return null;
  };
}

/**
 * The published Markdown is read two ways, as its readers read it: as written (the DD's
 * source on GitHub: link targets, raw HTML attributes and comments included) and as GitHub
 * shows it (references decoded, raw HTML's tags gone: `Glo<span>bex</span>` reads "Globex").
 * Both are the final bytes, after typography. A secret that only raw HTML puts together is
 * therefore refused, never escaped on the reviewer's behalf.
 *
 * The section is read entry by entry (each piece from an entry's heading to the next one's):
 * an entry's heading starts a block that nothing before it can hold open (summaries are
 * contained: templates/markdown/contain.ts), so each piece reads as it does in the whole, and
 * what the guard builds per character (the folded text and its maps, 8 bytes a character) is
 * as large as one entry, not the section — a 45 MB section needed 3 GB read at once.
 */
function scanMarkdown(rendered: RenderedSection, data: PublicationData): GuardReport {
  const entryOfLine = entryLocator(rendered);
  // Read lazily: one piece's reading is alive at a time.
  function* parts(): Generator<TextPart> {
    for (const piece of entryPieces(rendered)) {
      yield { part: 'markdown', text: piece.text, entryOfLine, firstLine: piece.firstLine };
      const shown = readerText(piece.text);
      yield { part: 'markdown', text: shown.text, mode: 'plain', origin: { text: piece.text, map: shown.map }, entryOfLine, firstLine: piece.firstLine };
    }
  }
  return scanForLeaks(parts(), data);
}

/** The section cut at the line each entry starts at: the text before the first entry, then one piece per entry. */
function entryPieces(rendered: RenderedSection): { text: string; firstLine: number }[] {
  const { markdown } = rendered;
  const pieces: { text: string; firstLine: number }[] = [];
  let line = 1;
  let at = 0;
  let piece = { from: 0, firstLine: 1 };
  for (const { firstLine: cut } of rendered.entries) {
    // Advance to the start of line `cut`, counting line ends once over the whole text.
    while (line < cut) {
      const end = markdown.indexOf('\n', at);
      if (end < 0) break;
      at = end + 1;
      line++;
    }
    if (line !== cut || at === piece.from) continue;
    pieces.push({ text: markdown.slice(piece.from, at), firstLine: piece.firstLine });
    piece = { from: at, firstLine: line };
  }
  pieces.push({ text: markdown.slice(piece.from), firstLine: piece.firstLine });
  return pieces;
}

/** Renders and scans without refusing: what the preview and `check` show. */
export function previewAdoptionSection(data: PublicationData, options: Partial<RenderOptions> = {}): RenderedSection & { guard: GuardReport } {
  const rendered = renderAdoptionSection(data, { ...DEFAULT_RENDER_OPTIONS, ...options });
  return { ...rendered, guard: scanMarkdown(rendered, data) };
}

/**
 * The ONLY way the Adoption section leaves as public output: rendered, then scanned for
 * every secret of every anonymous adopter and person, and refused with LEAK_DETECTED
 * (and the report) on any hit not released by an allowance. There is no option to skip it.
 */
export function publishAdoptionSection(data: PublicationData, options: Partial<RenderOptions> = {}): PublishedSection {
  const { guard, ...rendered } = previewAdoptionSection(data, options);
  assertNoLeaks(guard, data.project.slug);
  return { ...rendered, allowed: guard.allowed };
}
