import type { Block } from '../../../../markdown/read';

/**
 * Which HTML level each Markdown heading of a view takes. The preview sits inside the
 * app's own outline (the screen's h2, a card's h3), and a summary is free to write `# Big`
 * under its entry's `#####`: on the page that would outrank the entry, and a screen
 * reader's heading list would put the summary above the adopter it belongs to. So the
 * view's first heading takes `top`, the others keep their distance from it in Markdown
 * levels but never rise to its rank or above, and nothing goes past h6.
 */
export interface Outline {
  /** The view's first heading (in reading order, inside quotes and lists too), or null. */
  first: Block | null;
  firstLevel: number;
  top: number;
}

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

function firstHeading(blocks: readonly Block[]): Extract<Block, { kind: 'heading' }> | null {
  for (const block of blocks) {
    if (block.kind === 'heading') return block;
    const inner = block.kind === 'quote' ? firstHeading(block.blocks) : block.kind === 'list' ? firstHeading(block.items.flat()) : null;
    if (inner) return inner;
  }
  return null;
}

export function outlineOf(blocks: readonly Block[], top: number): Outline {
  const first = firstHeading(blocks);
  return { first, firstLevel: first?.level ?? 1, top };
}

export function headingLevel(outline: Outline, heading: Extract<Block, { kind: 'heading' }>): HeadingLevel {
  const level = heading === outline.first ? outline.top : Math.max(outline.top + 1, outline.top + heading.level - outline.firstLevel);
  return Math.min(6, Math.max(1, level)) as HeadingLevel;
}
