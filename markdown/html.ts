import { decodeCharacterReferences, htmlReferenceAt } from './entities';

/**
 * Raw HTML in Markdown, read as GitHub shows it. CommonMark passes tags through; the
 * browser hides them and shows the text between them; comments, processing instructions,
 * declarations and CDATA show nothing. GitHub's "tag filter" (GFM) escapes a few tags
 * (script, style, textarea…), so those read as the literal text "<script>". `<br>` breaks
 * the line.
 */

const TAG_NAME = '[A-Za-z][A-Za-z0-9-]*';
const ATTRIBUTE = `(?:[ \\t\\n]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \\t\\n]*=[ \\t\\n]*(?:[^"'=<>\`\\u0000-\\u0020]+|'[^']*'|"[^"]*"))?)`;
const OPEN_TAG = `<${TAG_NAME}${ATTRIBUTE}*[ \\t\\n]*\\/?>`;
const CLOSING_TAG = `<\\/${TAG_NAME}[ \\t\\n]*>`;
const COMMENT = '<!-->|<!--->|<!--[\\s\\S]*?-->';
const INSTRUCTION = '<\\?[\\s\\S]*?\\?>';
const DECLARATION = '<![A-Za-z][^>]*>';
const CDATA = '<!\\[CDATA\\[[\\s\\S]*?\\]\\]>';

/** Raw HTML as an inline (CommonMark 6.6), at the start of the string. */
export const INLINE_HTML = new RegExp(`^(?:${OPEN_TAG}|${CLOSING_TAG}|${COMMENT}|${INSTRUCTION}|${DECLARATION}|${CDATA})`);
const TAG = new RegExp(`^(?:${OPEN_TAG}|${CLOSING_TAG})$`);

/** Tags GitHub escapes instead of passing through (GFM's tag filter). */
const FILTERED = /^<\/?(title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)(?=[\s/>])/i;

/**
 * What raw HTML shows in place of itself: nothing, a line break, itself as text (a
 * filtered tag), or the text after its first ">" (a browser ends a processing
 * instruction, declaration or CDATA section there and shows the rest).
 */
export type HtmlPiece = { kind: 'hidden' } | { kind: 'break' } | { kind: 'literal' } | { kind: 'tail'; at: number } | { kind: 'alt'; text: string };

export function htmlPiece(raw: string): HtmlPiece {
  if (FILTERED.test(raw)) return { kind: 'literal' };
  // An image shows its alt text where it cannot be shown (and to screen readers), as a Markdown image does here.
  const alt = /^<img\b/i.test(raw) ? /[ \t\n]alt[ \t\n]*=[ \t\n]*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(raw) : null;
  if (alt) return { kind: 'alt', text: decodeCharacterReferences(alt[1] ?? alt[2] ?? alt[3] ?? '', true) };
  if (/^<[?!]/.test(raw) && !raw.startsWith('<!--')) {
    const at = raw.indexOf('>') + 1;
    return at > 0 && at < raw.length ? { kind: 'tail', at } : { kind: 'hidden' };
  }
  if (/^<br[\s/>]/i.test(raw) && TAG.test(raw)) return { kind: 'break' };
  return { kind: 'hidden' };
}

// ---------------------------------------------------------------- blocks (CommonMark 4.6)

const BLOCK_TAGS = new Set(
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'.split(
    ' ',
  ),
);

/** The kind of HTML block a line starts (1–7), or 0. Kind 7 cannot interrupt a paragraph. */
export function htmlBlockStart(text: string): number {
  const t = text.replace(/^ {0,3}/, '');
  if (!t.startsWith('<')) return 0;
  if (/^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i.test(t)) return 1;
  if (t.startsWith('<!--')) return 2;
  if (t.startsWith('<?')) return 3;
  if (/^<![A-Za-z]/.test(t)) return 4;
  if (t.startsWith('<![CDATA[')) return 5;
  const m = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:[ \t>]|\/>|$)/.exec(t);
  if (m && BLOCK_TAGS.has(m[1]!.toLowerCase())) return 6;
  const whole = new RegExp(`^(?:${OPEN_TAG}|${CLOSING_TAG})[ \\t]*$`).exec(t);
  if (whole) return 7;
  return 0;
}

/** Whether `text` ends an HTML block of `kind` 1–5 (6 and 7 end at a blank line). */
export function endsHtmlBlock(kind: number, text: string): boolean {
  switch (kind) {
    case 1:
      return /<\/(?:script|pre|style|textarea)>/i.test(text);
    case 2:
      return text.includes('-->');
    case 3:
      return text.includes('?>');
    case 4:
      return text.includes('>');
    case 5:
      return text.includes(']]>');
    default:
      return false;
  }
}

// ---------------------------------------------------------------- what a reader sees

/**
 * Markup as a browser reads it in an HTML block: whole tags and comments, and also what
 * only starts one ("<div class" to the next ">" or the end, an unclosed comment): a browser
 * shows none of it.
 */
const ANY_MARKUP = new RegExp(`${OPEN_TAG}|${CLOSING_TAG}|${COMMENT}|${INSTRUCTION}|${DECLARATION}|${CDATA}|<!--[\\s\\S]*$|<[!?][^>]*(?:>|$)|<[A-Za-z/][^>]*(?:>|$)`, 'g');
/** Block-level elements start a new line of text where they open and close. */
const BLOCK_ELEMENT = /^<(\/?)(p|div|h[1-6]|li|ul|ol|tr|table|thead|tbody|blockquote|pre|details|summary|dl|dt|dd|section|article|header|footer|figure|figcaption|hr)(?=[\s/>])/i;

/**
 * One piece of what raw HTML shows: text (with where each run of it is in the source), a
 * line break, or the edge of a block-level element (what follows is a new block).
 */
export type HtmlText = { kind: 'text'; text: string; runs: { at: number; from: number; length: number }[] } | { kind: 'break' } | { kind: 'block' };

/**
 * The text an HTML block shows, with character references decoded and source runs for
 * the characters shown as written (`offset` is where `raw` starts in the source).
 */
export function htmlText(raw: string, offset: number): HtmlText[] {
  const out: HtmlText[] = [];
  const text = (from: number, to: number) => {
    let last = out.at(-1);
    if (!last || last.kind !== 'text') {
      last = { kind: 'text', text: '', runs: [] };
      out.push(last);
    }
    const current = last;
    let i = from;
    let plain = from;
    const flush = (end: number) => {
      if (end > plain) {
        current.runs.push({ at: current.text.length, from: offset + plain, length: end - plain });
        current.text += raw.slice(plain, end);
      }
    };
    while (i < to) {
      const amp = raw.indexOf('&', i);
      if (amp < 0 || amp >= to) break;
      const reference = htmlReferenceAt(raw.slice(0, to), amp);
      if (!reference) {
        i = amp + 1;
        continue;
      }
      flush(amp);
      current.text += reference.value;
      i = amp + reference.length;
      plain = i;
    }
    flush(to);
  };
  const decodedText = (value: string) => {
    const last = out.at(-1);
    if (last?.kind === 'text') last.text += value;
    else out.push({ kind: 'text', text: value, runs: [] });
  };
  // Block-level elements open and close blocks; a closing tag with nothing open is ignored, as a browser does.
  const open: string[] = [];
  const blockEdge = (markup: string) => {
    const m = BLOCK_ELEMENT.exec(markup);
    if (!m) return false;
    const name = m[2]!.toLowerCase();
    if (!m[1]) {
      if (!/\/>$/.test(markup) && name !== 'hr') open.push(name);
      return true;
    }
    const at = open.lastIndexOf(name);
    if (at < 0) return false;
    open.length = at;
    return true;
  };
  let last = 0;
  for (const m of raw.matchAll(ANY_MARKUP)) {
    if (m.index > last) text(last, m.index);
    const piece = htmlPiece(m[0]);
    if (piece.kind === 'literal') text(m.index, m.index + m[0].length);
    else if (piece.kind === 'tail') text(m.index + piece.at, m.index + m[0].length);
    else if (piece.kind === 'alt') decodedText(piece.text);
    else if (piece.kind === 'break') out.push({ kind: 'break' });
    else if (blockEdge(m[0])) out.push({ kind: 'block' });
    last = m.index + m[0].length;
  }
  if (last < raw.length) text(last, raw.length);
  return out;
}
