// @vitest-environment jsdom
import { expect, it } from 'vitest';
import { describeCorpus } from '../helpers/corpus';
import { githubView } from '../helpers/markdown-oracle';
import { githubPage, readPage, renderedView } from '../helpers/rendered-view';

/**
 * The preview is GitHub's rendering: every Markdown file of the corpus (real DDs, interview
 * notes, the TOC's templates), rendered by MarkdownView, reads block for block as micromark
 * + GFM's page does — the same text in the same places of the structure (quotes, nested
 * lists, tables, setext headings, reference links, bare URLs, entities, raw HTML) — and its
 * links show the same targets.
 */
describeCorpus('the preview on the corpus', (corpus) => {
  const files = [...corpus.ddFiles.map((f) => `dd/${f}`), ...corpus.interviewFiles.map((f) => `interviews/${f}`)];

  it('has the documents', () => {
    expect(files.length).toBeGreaterThanOrEqual(38);
  });

  it.each(files)('%s', (file) => {
    const text = corpus.read(file);
    const github = githubView(text);
    // The walk reads GitHub's page as the oracle does, so it can read ours.
    expect(readPage(githubPage(text))).toEqual(github.blocks);
    const preview = renderedView(text);
    expect(preview.blocks).toEqual(github.blocks);
    expect(preview.links).toEqual(github.links);
  });
});
