import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { readPage } from './page-walk';
import { inlineText, readMarkdown, type Block, type Inline } from '../../markdown/read';

/**
 * "What GitHub shows" for a Markdown text, from the reference GitHub follows: micromark
 * with every GFM extension (tables, strikethrough, task lists, autolink literals, the tag
 * filter), raw HTML passed through, read back as a DOM. And the same view of our reader's
 * blocks, so a test can compare the two: every text block (paragraph, heading, code, cell
 * row, HTML text) with its place in the structure, and every link target in order.
 */
export interface View {
  blocks: string[];
  /** Link targets in order; two links in a row to the same place count once (they read as one). */
  links: string[];
}

const once = (links: string[]) => links.filter((link, k) => k === 0 || links[k - 1] !== link);

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** How micromark writes a link target (percent-encoded): ours are compared the same way. */
const uri = (href: string) => normalizeUri(href);

/** The page's parser: tests that use this helper run in jsdom (`// @vitest-environment jsdom`). */
const parse = (html: string) => new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;

const render = (markdown: string, allowDangerousHtml: boolean) =>
  micromark(markdown, { allowDangerousHtml, allowDangerousProtocol: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

/**
 * The text comes from the page with raw HTML passed through, as GitHub shows it; the links
 * from the page with raw HTML escaped, so they are the Markdown's own links (a raw
 * `<a href>` is not one: the reader shows its text, and the guard reads the source).
 */
/**
 * Cases where the page is not a reading of the Markdown, so the two views cannot be
 * compared: raw markup left unclosed in an HTML block (a browser reads on into the markup
 * after it, `<Globex` swallowing the next `<blockquote>`), a block right after a link
 * definition (micromark's HTML writer drops that block's line ends), and a list item right
 * after indented code (whether one may start there depends on micromark's state beyond
 * what CommonMark says: "    x\n10. y" is a paragraph, the same after a quote a list).
 */
export function comparable(markdown: string): boolean {
  if (/^ {0,3}\[[^\]]+\]:.*\r?\n[ \t]*[^\s[]/m.test(markdown)) return false;
  if (/^(?: {4}|\t).*\r?\n[ \t>]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/m.test(markdown)) return false;
  return !/<[A-Za-z/!?][^<>]*(?:<|$)/.test(render(markdown, true));
}

export function githubView(markdown: string): View {
  const body = parse(render(markdown, true));
  const markdownLinks = parse(render(markdown, false));
  const links: string[] = [];
  // A link with nothing to see (`[](x)`, `![](x)`) shows nothing: it is not compared.
  for (const a of markdownLinks.querySelectorAll('a[href], img[src]')) {
    if (a.tagName === 'A' && a.textContent === '' && !a.querySelector('img[alt]:not([alt=""])')) continue;
    if (a.tagName === 'IMG' && (a.closest('a[href]') || !a.getAttribute('alt'))) continue;
    links.push(a.getAttribute(a.tagName === 'A' ? 'href' : 'src')!);
  }
  const blocks = readPage(body);
  return { blocks, links: once(links) };
}

/** A tight list item's paragraphs are not wrapped in <p>: on the page, text next to HTML text runs together. */
function joinTextBlocks(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const previous = out.at(-1);
    const text = block.kind === 'paragraph' || block.kind === 'html';
    if (text && previous && (previous.kind === 'paragraph' || previous.kind === 'html')) {
      out[out.length - 1] = { kind: 'paragraph', inlines: [...previous.inlines, { kind: 'break' }, ...block.inlines] };
    } else out.push(block);
  }
  return out;
}

export function ourView(markdown: string): View {
  const blocks: string[] = [];
  const links: string[] = [];
  const inlines = (items: readonly Inline[], path: string) => {
    let last: string | null = null;
    for (const inline of items) {
      const link = inline.kind === 'text' ? inline.link : null;
      if (link !== null && link !== last) links.push(uri(link));
      last = link;
    }
    const text = squash(inlineText(items));
    if (text) blocks.push(`${path}${text}`);
  };
  const walk = (items: readonly Block[], path: string) => {
    for (const block of items) {
      switch (block.kind) {
        case 'paragraph':
        case 'heading':
        case 'html':
          inlines(block.inlines, path);
          break;
        case 'code':
          if (squash(block.text)) blocks.push(`${path}${squash(block.text)}`);
          break;
        case 'quote':
          walk(block.blocks, `${path}>`);
          break;
        case 'list':
          for (const item of block.items) walk(block.tight ? joinTextBlocks(item) : item, `${path}-`);
          break;
        case 'table':
          for (const row of block.rows) for (const cell of row) inlines(cell, path);
          break;
        case 'rule':
          break;
      }
    }
  };
  walk(readMarkdown(markdown), '');
  return { blocks, links: once(links) };
}
