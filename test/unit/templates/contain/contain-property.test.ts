// @vitest-environment jsdom
import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { readMarkdown, type Block } from '../../../../markdown/read';
import { renderAdoptionSection } from '../../../../templates/adoption/section';
import { adopter, interview, person, publication } from '../../../fixtures/publication';

/**
 * The rules the generated Adoption section must satisfy whatever the summaries say: the
 * structural ones, which containment guarantees (templates/markdown/contain.ts; the choice
 * is explained in docs/architecture.md, "A summary stays inside its entry"). Style rules
 * (blank lines around a heading, list markers, bare URLs, emphasis style…) are the
 * reviewer's writing and stay theirs; the golden section passes all default rules
 * (adoption-section.test.ts).
 */
const SECTION_LINT_CONFIG = {
  default: false,
  MD001: true, // heading levels go down one at a time: ####, #####, ######
  MD009: true, // no trailing spaces
  MD010: true, // no hard tabs
  MD012: true, // no blank lines in a row
  MD025: true, // no top-level heading
  MD033: true, // no raw HTML
  MD047: true, // ends with one newline
  MD053: true, // no link definitions left (they would act on the whole DD)
};

/** Pieces of Markdown that try to break out of an entry, and the characters that hide or reorder text. */
const HOSTILE = [
  '#### Sneaky section',
  '##### Adopter 99 - Fake',
  '# Top',
  '## closed ##',
  '   ### indented',
  'Setext',
  '===',
  '---',
  '```',
  '~~~~',
  '```js',
  '    indented code',
  '<!--',
  '-->',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<details>',
  '<div>',
  '</div>',
  '<pre>',
  '<?php',
  '<![CDATA[',
  '- item',
  '* item',
  '1. item',
  '2) item',
  '> quote',
  '>',
  '[x](javascript:alert(1))',
  '![i](data:text/html,x)',
  '[ok](https://example.org)',
  '[rel](./a.md)',
  '<javascript:alert(1)>',
  '[r]: javascript:evil',
  '[r]: https://example.org',
  '[r]',
  '[a][r]',
  '| a | b |',
  '|---|---|',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u202e',
  '\u2066',
  '\ud800',
  '\uffff',
  '&#x110000;',
  'plain words',
  '*',
  '_',
  '`',
  '\\',
  '<',
  '&',
  '[',
  ']',
  ' ',
  '  ',
  '\t',
];
const SEPARATORS = ['\n', '\n', '\n\n', ' ', '', '\r\n'];

const hostileText = fc
  .array(fc.tuple(fc.constantFrom(...HOSTILE), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 24 })
  .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''));
const hostileLine = fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));

const entries = fc.array(fc.record({ summary: hostileText, vendorNote: fc.oneof(fc.constant(''), hostileLine), label: hostileLine, name: hostileLine }), {
  minLength: 1,
  maxLength: 3,
});

const render = (markdown: string) =>
  micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

function headingLevels(blocks: readonly Block[]): number[] {
  return blocks.flatMap((b): number[] =>
    b.kind === 'heading' ? [b.level] : b.kind === 'quote' ? headingLevels(b.blocks) : b.kind === 'list' ? b.items.flatMap(headingLevels) : [],
  );
}

const BEFORE = 'The paragraph of the DD before the section.';
const AFTER = 'The paragraph of the DD after the section.';

describe('an Adoption section of hostile summaries stays inside the DD it is pasted into', () => {
  it('one #### and one ##### per entry, markdownlint passes, the paragraphs around it intact', () => {
    fc.assert(
      fc.property(entries, fc.boolean(), (generated, typography) => {
        const data = publication(
          generated.map((e, k) =>
            adopter(k + 1, {
              anonymous: k % 2 === 1,
              publicLabel: k % 2 === 1 ? e.label : null,
              org: { name: e.label, industry: null },
              vendorNote: e.vendorNote,
              interviews: [interview({ summary: e.summary, participants: [person(e.name, { role: e.name })] })],
            }),
          ),
        );
        const { markdown, entries: rendered } = renderAdoptionSection(data, { includeDrafts: true, typography });
        // An adopter whose summary is blank has no entry.
        const count = rendered.length;
        expect(count).toBe(generated.filter((e) => e.summary.trim() !== '').length);

        // As our reader reads it (what Word prints).
        const levels = headingLevels(readMarkdown(markdown));
        expect(levels.filter((l) => l === 4)).toHaveLength(1);
        expect(levels.filter((l) => l === 5)).toHaveLength(count);
        expect(levels.filter((l) => l < 4)).toEqual([]);

        const lintResult = lint({ strings: { section: markdown }, config: SECTION_LINT_CONFIG });
        expect(lintResult.section, markdown).toEqual([]);

        // As GitHub reads it, pasted between two paragraphs of a DD.
        const html = render(`${BEFORE}\n\n${markdown}\n${AFTER}\n`);
        const body = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
        const children = [...body.children];
        expect(children[0]!.outerHTML, html).toBe(`<p>${BEFORE}</p>`);
        expect(children.at(-1)!.outerHTML, html).toBe(`<p>${AFTER}</p>`);
        expect(body.querySelectorAll('h4')).toHaveLength(1);
        expect(body.querySelectorAll('h5')).toHaveLength(count);
        expect(body.querySelectorAll('h1, h2, h3')).toHaveLength(0);
        expect(body.querySelectorAll('h4, h5').length).toBe([...body.children].filter((c) => c.tagName === 'H4' || c.tagName === 'H5').length);
        expect(body.querySelectorAll('script, img[onerror], details, div, pre:not(:has(> code))')).toHaveLength(0);
        for (const a of body.querySelectorAll('a[href], img[src]')) {
          const href = a.getAttribute(a.tagName === 'A' ? 'href' : 'src')!;
          expect(/^(?:https?:|mailto:|[^:]*$|[^:]*[/?#])/i.test(href), href).toBe(true);
        }
        // No invisible characters reach the page.
        // eslint-disable-next-line no-control-regex -- the characters containment removes
        expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\uffff]|[\ud800-\udbff](?![\udc00-\udfff])/.test(markdown)).toBe(false);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200), seed: Number(process.env.FC_SEED ?? 1812) },
    );
  }, 120_000);
});
