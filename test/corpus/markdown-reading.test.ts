// @vitest-environment jsdom
import { expect, it } from 'vitest';
import { describeCorpus } from '../helpers/corpus';
import { githubView, ourView } from '../helpers/markdown-oracle';

/**
 * Every Markdown file of the corpus (real DDs, interview notes, the TOC's templates) reads
 * the same with the reader as with micromark + GFM: the same text blocks in the same
 * places of the structure (quotes, nested lists, tables, setext headings, reference links,
 * bare URLs, entities, raw HTML), the same link targets.
 */
describeCorpus('the reader on the corpus', (corpus) => {
  const files = [...corpus.ddFiles.map((f) => `dd/${f}`), ...corpus.interviewFiles.map((f) => `interviews/${f}`)];

  it('has the documents', () => {
    expect(files.length).toBeGreaterThanOrEqual(38);
  });

  it.each(files)('%s', (file) => {
    const text = corpus.read(file);
    expect(ourView(text)).toEqual(githubView(text));
  });
});
