/**
 * Small readers for Markdown written inline: the inverse of templates/markdown/escape.ts
 * (a label the generator escaped comes back as typed), emphasis around a whole line,
 * and a link standing for a name.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Backslash escapes and character references undone: `\*Globex\*` → `*Globex*`, `&lt;b&gt;` → `<b>`. */
export function unescapeMarkdown(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, body: string) => {
      const lower = body.toLowerCase();
      if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
      return ENTITIES[lower] ?? whole;
    });
}

/** A line without its Markdown hard break (a trailing backslash or two spaces) and trailing space. */
export function withoutHardBreak(line: string): string {
  const trimmed = line.trimEnd();
  return trimmed.endsWith('\\') && !trimmed.endsWith('\\\\') ? trimmed.slice(0, -1).trimEnd() : trimmed;
}

/**
 * The text inside emphasis that wraps the whole line (`_x_`, `*x*`, `**x**`, `__x__`,
 * `***x***`), or null when the line is not wrapped.
 */
export function wrappedEmphasis(line: string): string | null {
  const t = withoutHardBreak(line).trim();
  const m = /^(\*{1,3}|_{1,3})(?=\S)([\s\S]*?\S)\1$/.exec(t);
  if (!m) return null;
  const inner = m[2]!;
  // `_a_ and _b_` is not one wrapped span.
  if (inner.includes(m[1]!) && !inner.includes(`\\${m[1]![0]}`)) return null;
  return inner;
}

/** Leading and trailing emphasis markers dropped (`**Status:**` → `Status:`). */
export function stripEmphasisMarkers(text: string): string {
  return text.replace(/(^|[\s(])[*_]{1,3}(?=\S)/g, '$1').replace(/(?<=\S)[*_]{1,3}(?=$|[\s).,:;])/g, '');
}

/** `[Open Horizon](https://…)` → { text, url }; null when the text is not exactly one link. */
export function wholeLink(text: string): { text: string; url: string } | null {
  const m = /^\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)$/.exec(text.trim());
  return m ? { text: m[1]!.trim(), url: m[2]! } : null;
}

/** Markdown reduced to the words a reader sees: link text kept, targets, emphasis and escapes dropped. */
export function plainText(markdown: string): string {
  return unescapeMarkdown(
    stripEmphasisMarkers(
      markdown
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/<[^>\n]+>/g, ' ')
        .replace(/`([^`]*)`/g, '$1'),
    ),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whitespace folded and ends trimmed: how lines are compared. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
