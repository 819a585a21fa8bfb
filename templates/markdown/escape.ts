import { removeInvisible } from './contain';

/**
 * Text a reviewer typed into a name or label, made safe to print inside Markdown:
 * `*Globex*_#1` or `<script>` come out literally and cannot open emphasis, a link, a
 * heading or HTML in the published section.
 */
const SPECIAL = /[\\`*_{}[\]()#+!|~<>&]/g;

export function escapeInline(text: string): string {
  return (
    // Controls and bidirectional overrides are left out, as in a summary (contain.ts).
    removeInvisible(text)
      .replace(/\s+/g, ' ')
      .trim()
      .replace(SPECIAL, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`))
      // A URL in a name would become a link on GitHub (GFM autolinks); escaping its colon or dot keeps it text.
      .replace(/\b(https?|ftp):/gi, '$1\\:')
      .replace(/\bwww\./gi, 'www\\.')
  );
}

/** Escapes a line that will start a paragraph: also list markers and numbered lists ("1. "). */
export function escapeLineStart(text: string): string {
  const escaped = escapeInline(text);
  return escaped.replace(/^(\d+)([.)])(\s)/, '$1\\$2$3').replace(/^([-=])/, '\\$1');
}
