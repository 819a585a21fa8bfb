import { decodeCharacterReferences } from '../../markdown/entities';
import { inlineText, readInline } from '../../markdown/read';

/**
 * Small readers for Markdown written inline: the inverse of templates/markdown/escape.ts
 * (a label the generator escaped comes back as typed), emphasis around a whole line,
 * and a link standing for a name. Character references and what a reader sees come from
 * the one reading of Markdown (markdown/).
 */

/** Backslash escapes and character references undone: `\*Globex\*` → `*Globex*`, `&lt;b&gt;` → `<b>`. */
export function unescapeMarkdown(text: string): string {
  // One pass, so an escaped "&" (`\&amp;`) stays the text "&amp;".
  return text.replace(/\\([!-/:-@[-`{-~])|&[^&;\s]{1,40};/g, (whole, escaped: string | undefined) => escaped ?? decodeCharacterReferences(whole));
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

/** More runs of emphasis markers than any heading, label or line a reviewer writes holds. */
const MANY_MARKER_RUNS = 500;

/**
 * Markdown reduced to the words a reader sees (as one paragraph): link text kept, targets,
 * emphasis, tags and escapes dropped.
 *
 * The importers call this on text from untrusted documents, and the reader's time grows
 * with the square of the length of a run of spaces and of the number of unmatched emphasis
 * markers. So runs of spaces are folded first (the result folds them anyway), and a text
 * with hundreds of marker runs has its markers taken off at word edges and the rest read as
 * plain characters: the same words, in time that grows with the length.
 */
export function plainText(markdown: string): string {
  let source = markdown.replace(/[ \t]{2,}/g, ' ');
  let runs = 0;
  for (const _ of source.matchAll(/[*_~]+/g)) if (++runs > MANY_MARKER_RUNS) break;
  if (runs > MANY_MARKER_RUNS) source = stripEmphasisMarkers(source).replace(/[*_~]/g, '\\$&');
  return squash(inlineText(readInline(source)));
}

/** Whitespace folded and ends trimmed: how lines are compared. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
