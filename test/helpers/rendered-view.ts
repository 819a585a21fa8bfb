import { cleanup, render } from '@testing-library/react';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { createElement } from 'react';
import { MarkdownView } from '../../renderer/src/components/MarkdownView';

/**
 * The preview as a reader sees it, and GitHub's page read the same way: one DOM walk for
 * both, so a difference is a difference of the pages, not of two ways of reading them.
 * The walk follows the oracle's (markdown-oracle.ts): every text block (paragraph,
 * heading, list item text, cell, code) with its place in the structure (`>` per quote,
 * `-` per list), white space squashed, a <br> a space, an image its alt text, script and
 * style unread. Heading levels are not part of it: the preview shifts them on purpose.
 * Tests that use this helper run in jsdom (`// @vitest-environment jsdom`).
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

/** GitHub's page for a Markdown text: micromark with every GFM extension, raw HTML passed through. */
export function githubPage(markdown: string): Element {
  const html = micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  return new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
}

export interface RenderedView {
  blocks: string[];
  /** The targets the preview's links show, written as micromark writes an href; a target repeated right away counts once. */
  links: string[];
}

/** MarkdownView rendered into the document, read back, and unmounted. */
export function renderedView(markdown: string): RenderedView {
  const { container } = render(createElement(MarkdownView, { markdown }));
  try {
    const links = [...container.querySelectorAll('.md-link')].map((a) => normalizeUri(a.getAttribute('data-target') ?? ''));
    return { blocks: readPage(container), links: links.filter((link, k) => k === 0 || links[k - 1] !== link) };
  } finally {
    cleanup();
  }
}
