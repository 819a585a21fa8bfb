// @vitest-environment jsdom
import spec from 'commonmark-spec';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownDocument } from '../../helpers/markdown-arbitrary';
import { githubView, ourView } from '../../helpers/markdown-oracle';
import { renderedView } from '../../helpers/rendered-view';

/**
 * MarkdownView shows exactly what the reader read: for generated documents (emphasis,
 * links, lists, quotes, entities, raw HTML, code, tables) the rendered page reads, block for
 * block, as the reader's blocks do, with the same link targets; and on every CommonMark
 * spec example it reads as GitHub's page. (The corpus: test/corpus/preview-rendering.test.ts.)
 */
describe('the preview of generated Markdown', () => {
  // A few hundred renders: seconds on a busy machine, over the 5 s default.
  it('reads as the reader reads it', { timeout: 30_000 }, () => {
    const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261203;
    fc.assert(
      fc.property(markdownDocument, (markdown) => {
        expect(renderedView(markdown)).toEqual(ourView(markdown));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300), seed },
    );
  });
});

/** Examples where the reader follows GitHub's tag filter and micromark does not (see test/unit/markdown/differential.test.ts). */
const FOLLOWS_GITHUB = new Set([172, 173]);

describe('the preview of the CommonMark spec examples', () => {
  it.each(spec.tests.filter((t) => !FOLLOWS_GITHUB.has(t.number)).map((t) => [t.number, t.section, t.markdown] as const))(
    'example %i (%s)',
    (_number, _section, markdown) => {
      const github = githubView(markdown);
      expect(renderedView(markdown)).toEqual({ blocks: github.blocks, links: github.links });
    },
  );
});
