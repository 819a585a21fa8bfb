import type { Block } from '../../../../markdown/read';
import { Inlines } from './Inlines';
import { List } from './List';
import { headingLevel, type Outline } from './outline';
import { Table } from './Table';

/** What every block of one view needs to know: where its headings sit in the app's outline. */
export interface Context {
  outline: Outline;
}

export function BlockView({ block, context }: { block: Block; context: Context }) {
  switch (block.kind) {
    case 'paragraph':
      return (
        <p>
          <Inlines inlines={block.inlines} />
        </p>
      );
    case 'heading': {
      const Tag = `h${headingLevel(context.outline, block)}` as const;
      return (
        <Tag className={`md-heading md-h${block.level}`}>
          <Inlines inlines={block.inlines} />
        </Tag>
      );
    }
    case 'code':
      return (
        <pre className="md-code" data-info={block.info || undefined}>
          <code>{block.text}</code>
        </pre>
      );
    case 'quote':
      return (
        <blockquote>
          <Blocks blocks={block.blocks} context={context} />
        </blockquote>
      );
    case 'list':
      return <List block={block} context={context} />;
    case 'rule':
      return <hr />;
    case 'table':
      return <Table align={block.align} rows={block.rows} />;
    case 'html':
      // The reader already made raw HTML into what a reader of the page sees: text and breaks.
      return (
        <div className="md-html">
          <Inlines inlines={block.inlines} />
        </div>
      );
  }
}

/**
 * Blocks in order. Keys are the position and the kind: the same document keeps its
 * elements as the reviewer types, and a block that turns into another kind is rebuilt.
 */
export function Blocks({ blocks, context }: { blocks: readonly Block[]; context: Context }) {
  return blocks.map((block, b) => <BlockView key={`${b}-${block.kind}`} block={block} context={context} />);
}
