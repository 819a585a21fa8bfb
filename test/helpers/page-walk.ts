/**
 * A rendered page read as text blocks: every text block (paragraph, heading, list item
 * text, cell, code) with its place in the structure (`>` per quote, `-` per list), white
 * space squashed, a <br> a space, an image its alt text, script and style unread. The one
 * walk for GitHub's page (markdown-oracle.ts) and the preview's (rendered-view.ts), so a
 * difference is a difference of the pages, not of two ways of reading them.
 * Tests that use it run in jsdom (`// @vitest-environment jsdom`).
 */
const BLOCK = /^(P|H[1-6]|PRE|LI|TH|TD|TR|BLOCKQUOTE|UL|OL|TABLE|THEAD|TBODY|HR|DIV|DETAILS|SUMMARY|SECTION|DL|DT|DD|ARTICLE|HEADER|FOOTER|FIGURE|FIGCAPTION)$/;
const UNREAD = new Set(['SCRIPT', 'STYLE', 'TEMPLATE']);

export function readPage(root: Element): string[] {
  const blocks: string[] = [];
  let buffer = '';
  let path = '';
  const flush = () => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    if (text) blocks.push(`${path}${text}`);
    buffer = '';
  };
  const walk = (node: Node, where: string): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      buffer += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.tagName;
    if (UNREAD.has(tag)) return;
    if (tag === 'BR' || tag === 'IMG') {
      buffer += tag === 'BR' ? ' ' : (element.getAttribute('alt') ?? '');
      return;
    }
    if (!BLOCK.test(tag)) {
      element.childNodes.forEach((child) => walk(child, where));
      return;
    }
    flush();
    const inner = tag === 'BLOCKQUOTE' ? `${where}>` : tag === 'UL' || tag === 'OL' ? `${where}-` : where;
    path = inner;
    element.childNodes.forEach((child) => walk(child, inner));
    flush();
    path = where;
  };
  root.childNodes.forEach((child) => walk(child, ''));
  flush();
  return blocks;
}

