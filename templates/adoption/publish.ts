import { assertNoLeaks, scanForLeaks, type GuardReport } from '../guard/scan';
import { DEFAULT_RENDER_OPTIONS, type PublicationData, type RenderOptions } from './model';
import { renderAdoptionSection, type RenderedSection } from './section';

export interface PublishedSection extends RenderedSection {
  /** Hits released by the reviewer's allowances (shown in the report, not blocking). */
  allowed: GuardReport['allowed'];
}

/** Which entry a line of the rendered section belongs to. */
export function entryLocator(rendered: RenderedSection): (line: number) => number | null {
  return (line) => rendered.entries.find((e) => line >= e.firstLine && line <= e.lastLine)?.number ?? null;
}

/** Renders and scans without refusing: what the preview and `check` show. */
export function previewAdoptionSection(data: PublicationData, options: Partial<RenderOptions> = {}): RenderedSection & { guard: GuardReport } {
  const rendered = renderAdoptionSection(data, { ...DEFAULT_RENDER_OPTIONS, ...options });
  const guard = scanForLeaks([{ part: 'markdown', text: rendered.markdown, entryOfLine: entryLocator(rendered) }], data);
  return { ...rendered, guard };
}

/**
 * The ONLY way the Adoption section leaves as public output: rendered, then scanned for
 * every secret of every anonymous adopter and person, and refused with LEAK_DETECTED
 * (and the report) on any hit not released by an allowance. There is no option to skip it.
 */
export function publishAdoptionSection(data: PublicationData, options: Partial<RenderOptions> = {}): PublishedSection {
  const { guard, ...rendered } = previewAdoptionSection(data, options);
  assertNoLeaks(guard);
  return { ...rendered, allowed: guard.allowed };
}
