/**
 * A summary as the reviewer typed it, tidied only where Markdown renders the same:
 * LF line endings, no trailing spaces (a two-space hard break inside a paragraph
 * becomes the visible backslash form), at most one blank line in a row, no blank
 * lines at the ends.
 */
export function normalizeMarkdown(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  return lines
    .map((line, i) => {
      const next = lines[i + 1];
      const hardBreak = /\S {2,}$/.test(line) && next !== undefined && next.trim() !== '';
      return hardBreak ? `${line.trimEnd()}\\` : line.trimEnd();
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
