/**
 * What a Word document says, before any library sees it: paragraphs of runs in Word's
 * built-in styles, lists, tables, and the document's title, header and date. The four
 * documents are written in these terms (through DocumentBuilder), and docx-document.ts
 * maps them onto the `docx` library's model; keeping this layer means the documents
 * never depend on docx's API, and docx is loaded only when one is packed.
 */

/** Word's built-in paragraph styles, by id ("Heading1" is the style Word names "heading 1"). */
export type StyleId =
  | 'Normal'
  | 'Title'
  | 'Subtitle'
  | 'Heading1'
  | 'Heading2'
  | 'Heading3'
  | 'Heading4'
  | 'Heading5'
  | 'Heading6'
  | 'ListParagraph'
  | 'Quote'
  | 'SourceCode';

export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  /** Grey, for "no notes" and the like. */
  muted?: boolean;
  /** An absolute http(s) or mailto address; the run becomes (part of) a hyperlink. */
  link?: string | null;
}

export type Run = TextRun | { break: true };

export interface Paragraph {
  style?: StyleId;
  runs: Run[];
  /**
   * A list item, and how deep. `numbered` is the index of its list in
   * WordDocument.numberedLists; without it the item is a bullet (bullets have no count to restart).
   */
  list?: { level: number; numbered?: number };
  /** Indented like the text of a list item at this depth (a second paragraph of an item). */
  indentLevel?: number;
  keepNext?: boolean;
  /** A thematic break: an empty paragraph with a line under it. */
  rule?: boolean;
}

export type CellAlignment = 'left' | 'center' | 'right' | null;

export interface Table {
  kind: 'table';
  /** Per column. */
  align: CellAlignment[];
  /** rows[0] is the header row; each cell is one paragraph of runs. */
  rows: Run[][][];
  /** Indented like the text of a list item at this depth. */
  indentLevel?: number;
}

export type BodyBlock = Paragraph | Table;

export const isTable = (block: BodyBlock): block is Table => 'kind' in block && block.kind === 'table';

export interface WordDocument {
  /** docProps title. */
  title: string;
  /** Printed at the top of every page, when set. */
  header?: string;
  /** W3CDTF, e.g. 2024-10-01T00:00:00Z: docProps created/modified and every zip entry's time. */
  date: string;
  body: BodyBlock[];
  /** Each numbered list is its own list in Word, counting from its start. */
  numberedLists: { start: number }[];
}
