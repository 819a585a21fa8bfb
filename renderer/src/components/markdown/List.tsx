import { Fragment, type ReactNode } from 'react';
import type { Block } from '../../../../markdown/read';
import { BlockView, type Context } from './Blocks';
import { Inlines } from './Inlines';

type ListBlock = Extract<Block, { kind: 'list' }>;

/**
 * A task list item's box: shown, never ticked from here (the summary is the source), and
 * labelled by the item's own words, so a screen reader says "Ship it, checkbox, checked".
 */
function TaskBox({ done, children }: { done: boolean; children?: ReactNode }) {
  // An item whose first block is not a paragraph has no words to label its box with.
  if (children === undefined) return <input type="checkbox" className="md-task" checked={done} disabled readOnly aria-label={done ? 'Done' : 'Not done'} />;
  return (
    <label className="md-task-label">
      <input type="checkbox" className="md-task" checked={done} disabled readOnly /> {children}
    </label>
  );
}

/**
 * One item's blocks. In a tight list GitHub writes a paragraph's text straight into the
 * <li> (no <p>), so two text blocks in a row read as one line; a loose list keeps <p>s.
 */
function Item({ blocks, tight, task, context }: { blocks: readonly Block[]; tight: boolean; task: boolean | null; context: Context }) {
  return blocks.map((block, b) => {
    const key = `${b}-${block.kind}`;
    const text = block.kind === 'paragraph' || block.kind === 'html';
    const labelled = task !== null && b === 0 && block.kind === 'paragraph';
    const words = text ? <Inlines inlines={block.inlines} /> : null;
    if (tight && text) {
      const previous = blocks[b - 1];
      const joined = previous?.kind === 'paragraph' || previous?.kind === 'html';
      return (
        <Fragment key={key}>
          {joined && '\n'}
          {labelled ? <TaskBox done={task}>{words}</TaskBox> : words}
        </Fragment>
      );
    }
    if (labelled) {
      return (
        <p key={key}>
          <TaskBox done={task}>{words}</TaskBox>
        </p>
      );
    }
    return <BlockView key={key} block={block} context={context} />;
  });
}

export function List({ block, context }: { block: ListBlock; context: Context }) {
  const items = block.items.map((item, i) => {
    const task = block.tasks[i] ?? null;
    const boxFirst = task !== null && item[0]?.kind !== 'paragraph';
    return (
      <li key={i} className={task === null ? undefined : 'md-task-item'}>
        {boxFirst && <TaskBox done={task} />}
        <Item blocks={item} tight={block.tight} task={task} context={context} />
      </li>
    );
  });
  return block.ordered ? <ol start={block.start === 1 ? undefined : block.start}>{items}</ol> : <ul>{items}</ul>;
}
