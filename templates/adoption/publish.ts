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
 */
function scanMarkdown(rendered: RenderedSection, data: PublicationData): GuardReport {
  const entryOfLine = entryLocator(rendered);
  const shown = readerText(rendered.markdown);
  const parts: TextPart[] = [
    { part: 'markdown', text: rendered.markdown, entryOfLine },
    { part: 'markdown', text: shown.text, mode: 'plain', origin: { text: rendered.markdown, map: shown.map }, entryOfLine },
  ];
  return scanForLeaks(parts, data);
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
