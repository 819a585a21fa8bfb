/**
 * Lines of a Markdown source, each remembering where it stands in the source, so every
 * character the reader shows can be traced back (typography edits the source there, the
 * anonymity guard points the reviewer at the spot). Indentation is measured in columns
 * with tab stops every 4 columns, as CommonMark does; a tab partly used as indentation
 * leaves "virtual" spaces that are not in the source.
 */
export interface Line {
  /** The rest of the line (no line ending); the first `virtual` characters are virtual spaces. */
  text: string;
  /** Where `text[virtual]` is in the source. */
  from: number;
  virtual: number;
  /** The column `text[0]` stands at in its source line (tabs count to the next multiple of 4). */
  column: number;
  /** A lazy line: it goes on with the paragraph before it, whatever it looks like. */
  lazy?: boolean;
  /** Starts a block that cut a paragraph short: on it, an empty list item cannot start (micromark). */
  interrupting?: boolean;
  /** A lazy line that starts an HTML block: micromark reads it as a one-line HTML block inside the container. */
  lazyHtml?: boolean;
}

/** The lines of a source: CRLF, CR and LF all end a line; a leading byte-order mark is skipped. */
export function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    const m = re.exec(source);
    const end = m ? m.index : source.length;
    lines.push({ text: source.slice(start, end), from: start, virtual: 0, column: 0 });
    if (!m) return lines;
    start = m.index + m[0].length;
  }
}

export const isBlank = (line: Line) => /^[ \t]*$/.test(line.text);

const tabWidth = (column: number) => 4 - (column % 4);

/** Columns of whitespace at the start of the line. */
export function indentation(line: Line): number {
  let columns = 0;
  for (const ch of line.text) {
    if (ch === ' ') columns++;
    else if (ch === '\t') columns += tabWidth(line.column + columns);
    else break;
  }
  return columns;
}

/** The line without up to `columns` columns of leading whitespace (a tab cut in two leaves virtual spaces). */
export function stripColumns(line: Line, columns: number): Line {
  let used = 0;
  let i = 0;
  while (used < columns && i < line.text.length) {
    const ch = line.text[i]!;
    if (ch === ' ') {
      used++;
      i++;
    } else if (ch === '\t') {
      const width = tabWidth(line.column + used);
      if (used + width > columns) {
        // Part of the tab is indentation; the rest stays, as spaces not in the source.
        const rest = used + width - columns;
        const skipped = i - Math.min(i, line.virtual);
        return {
          ...line,
          text: ' '.repeat(rest) + line.text.slice(i + 1),
          from: line.from + skipped + 1,
          virtual: rest,
          column: line.column + columns,
        };
      }
      used += width;
      i++;
    } else break;
  }
  return dropChars(line, i, line.column + used);
}

/** The line without its first `count` characters (a marker, a ">"). */
export function sliceLine(line: Line, count: number): Line {
  let column = line.column;
  for (let i = 0; i < count && i < line.text.length; i++) column += line.text[i] === '\t' ? tabWidth(column) : 1;
  return dropChars(line, count, column);
}

function dropChars(line: Line, count: number, column: number): Line {
  const virtualDropped = Math.min(count, line.virtual);
  return { ...line, text: line.text.slice(count), from: line.from + (count - virtualDropped), virtual: line.virtual - virtualDropped, column };
}

/** The line with all leading whitespace removed (what a paragraph keeps of it). */
export function trimStart(line: Line): Line {
  const spaces = /^[ \t]*/.exec(line.text)![0].length;
  return dropChars(line, spaces, line.column);
}

/** The source index of `line.text[k]`, or -1 for a virtual space. */
export const sourceIndex = (line: Line, k: number) => (k < line.virtual ? -1 : line.from + k - line.virtual);

/**
 * Text for the inline reader: some lines joined with "\n", and where each starts in the
 * source, so an index in `text` can be traced back with `sourceOf`.
 */
export interface InlineSource {
  text: string;
  /** Index in `text` where line k starts. */
  starts: number[];
  /** Source index of `text[starts[k]]`. */
  froms: number[];
}

export function inlineSource(lines: readonly Line[], trim = true): InlineSource {
  const starts: number[] = [];
  const froms: number[] = [];
  let text = '';
  lines.forEach((line, k) => {
    // The first line loses its indentation; later ones keep it, as micromark does (a code span
    // shows it; elsewhere the inline reader skips it after the line end). Virtual spaces are
    // dropped either way: they are not in the source.
    const trimmed = trim && k === 0 ? trimStart(line) : sliceLine(line, line.virtual);
    if (k > 0) text += '\n';
    starts.push(text.length);
    froms.push(trimmed.from);
    text += trimmed.text;
  });
  return { text, starts, froms };
}

/** Where `text[index]` of an inline source stands in the Markdown source. */
export function sourceOf(source: InlineSource, index: number): number {
  let lo = 0;
  let hi = source.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (source.starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return source.froms[lo]! + index - source.starts[lo]!;
}

/** The inline source from `index` on (what is left after a paragraph's link definitions or a task box). */
export function sliceInlineSource(source: InlineSource, index: number): InlineSource {
  const starts: number[] = [];
  const froms: number[] = [];
  source.starts.forEach((start, k) => {
    const end = k + 1 < source.starts.length ? source.starts[k + 1]! : source.text.length + 1;
    if (end <= index) return;
    const from = Math.max(start, index);
    starts.push(from - index);
    froms.push(source.froms[k]! + (from - start));
  });
  return { text: source.text.slice(index), starts, froms };
}

/** One line's text as an inline source (a heading's content, a table cell). */
export const lineSource = (text: string, from: number): InlineSource => ({ text, starts: [0], froms: [from] });

/** Two inline sources as one, a line end between them (HTML blocks that follow each other). */
export function joinSources(first: InlineSource, second: InlineSource): InlineSource {
  const offset = first.text.length + 1;
  return { text: `${first.text}\n${second.text}`, starts: [...first.starts, ...second.starts.map((s) => s + offset)], froms: [...first.froms, ...second.froms] };
}

/**
 * The text without trailing spaces and tabs. A loop rather than `/[ \t]+$/`: that pattern
 * starts again at every space of a run that is not at the end, so a line with long runs of
 * spaces took time quadratic in their length.
 */
export function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end === text.length ? text : text.slice(0, end);
}
