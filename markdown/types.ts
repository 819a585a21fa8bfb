/**
 * The one reading of Markdown in Adoption Desk: what the reader (markdown/read.ts) gives
 * every consumer — the Word builder, the previews, the anonymity guard, typography and
 * the importers. It follows GitHub's reading (CommonMark + GFM tables, strikethrough,
 * task list items and autolink literals): the text in these blocks is what a reader of
 * the rendered page sees.
 */

/** A piece of a span's text that stands in the source exactly as shown. */
export interface SourceRun {
  /** Where it starts in the span's text. */
  at: number;
  /** Where it starts in the Markdown source (UTF-16 index). */
  from: number;
  length: number;
}

export interface TextSpan {
  kind: 'text';
  /** What the reader sees: escapes resolved, character references decoded. */
  text: string;
  bold: boolean;
  italic: boolean;
  strike: boolean;
  code: boolean;
  /** The link target exactly as written (escapes and references resolved), or null. */
  link: string | null;
  /**
   * The parts of `text` copied verbatim from the source. Characters not covered came
   * from a character reference, a backslash escape or a line ending (a soft break reads
   * as a space): they are not in the source as shown, so typography never changes them.
   */
  source: SourceRun[];
}

export type Inline = TextSpan | { kind: 'break' };

export type Alignment = 'left' | 'center' | 'right' | null;

export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'heading'; level: number; inlines: Inline[] }
  /** Fenced or indented code, shown as written; `info` is the fence's info string ("yaml"), or empty. */
  | { kind: 'code'; text: string; info: string }
  | { kind: 'quote'; blocks: Block[] }
  | {
      kind: 'list';
      ordered: boolean;
      start: number;
      tight: boolean;
      items: Block[][];
      /** Per item: a task list item's box (`- [x]` true, `- [ ]` false), or null. */
      tasks: (boolean | null)[];
    }
  | { kind: 'rule' }
  /** A GFM table: rows[0] is the header row; every row has one cell per column. */
  | { kind: 'table'; align: Alignment[]; rows: Inline[][][] }
  /** An HTML block, as a reader sees it: tags and comments hidden, their text shown. */
  | { kind: 'html'; inlines: Inline[] };
