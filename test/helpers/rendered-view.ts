import { cleanup, render } from '@testing-library/react';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { createElement } from 'react';
import { MarkdownView } from '../../renderer/src/components/MarkdownView';
import { readPage } from './page-walk';

export { readPage };

/**
 * The preview as a reader sees it, and GitHub's page read the same way: one DOM walk for
 * both, so a difference is a difference of the pages, not of two ways of reading them.
 * The walk follows the oracle's (markdown-oracle.ts): every text block (paragraph,
 * heading, list item text, cell, code) with its place in the structure (`>` per quote,
 * `-` per list), white space squashed, a <br> a space, an image its alt text, script and
 * style unread. Heading levels are not part of it: the preview shifts them on purpose.
 * Tests that use this helper run in jsdom (`// @vitest-environment jsdom`).
 */

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
