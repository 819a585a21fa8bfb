import { useMemo } from 'react';
import { readMarkdown } from '../../../markdown/read';
import { Blocks } from './markdown/Blocks';
import { outlineOf } from './markdown/outline';

/**
 * Markdown as GitHub shows it, for the previews: the app's one reading of Markdown
 * (markdown/read.ts, the same the Word documents and the anonymity guard use) turned into
 * React elements — never an HTML string, so nothing in a summary can run, load or navigate.
 *
 * `headingLevel` is the HTML level the view's first heading takes: one below the heading
 * of the card or screen it sits in (see markdown/outline.ts).
 */
export function MarkdownView({ markdown, className, headingLevel = 4 }: { markdown: string; className?: string; headingLevel?: number }) {
  const blocks = useMemo(() => readMarkdown(markdown), [markdown]);
  const context = useMemo(() => ({ outline: outlineOf(blocks, headingLevel) }), [blocks, headingLevel]);
  return (
    <div className={className ? `markdown ${className}` : 'markdown'}>
      <Blocks blocks={blocks} context={context} />
    </div>
  );
}
