import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMarkdown, visibleText, type Block } from '../../../markdown/read';
import { smartenTypography } from '../../../templates/markdown/typography';
import { markdownDocument } from '../../helpers/markdown-arbitrary';

describe('typography', () => {
  it.each([
    ['They said "it just works"... and it did', 'They said “it just works”… and it did'],
    ["O'Neil's team", 'O’Neil’s team'],
    ['**"Batteries included"** was the pitch', '**“Batteries included”** was the pitch'],
    ["_'strict'_ mode", '_‘strict’_ mode'],
    ['(“nested ‘quotes’”) and ("plain")', '(“nested ‘quotes’”) and (“plain”)'],
    ['2019--2020, a -- b, a --- b', '2019–2020, a – b, a — b'],
    ['run with --profile=strict', 'run with --profile=strict'],
    ['an escaped \\"quote\\" and &quot;reference&quot; stay', 'an escaped \\"quote\\" and &quot;reference&quot; stay'],
    ['`kubectl get -o "json" ...` and ``a "b" ...``', '`kubectl get -o "json" ...` and ``a "b" ...``'],
    ['[the "notes"](https://x.example/a"b...) and <https://x.example/it\'s>', '[the “notes”](https://x.example/a"b...) and <https://x.example/it\'s>'],
    ["see https://x.example/don't... or ops@team.example...", "see https://x.example/don't... or ops@team.example..."],
    ['"www.globex.example" and ops@team.example\'s', '“www.globex.example” and ops@team.example\'s'],
    ['<span title="a \'b\'">"text"</span>', '<span title="a \'b\'">“text”</span>'],
  ])('%s', (source, expected) => {
    expect(smartenTypography(source)).toBe(expected);
  });

  it('never touches code blocks, indented code or code inside list items', () => {
    const source = ['```sh', 'echo "a" ...', '```', '', '    indented "code" ...', '', '- item "one"', '', '      code in "item"', '', '  ~~~', '  "fenced" -- in item', '  ~~~'].join('\n');
    expect(smartenTypography(source)).toBe(source.replace('item "one"', 'item “one”'));
  });

  it('curls quotes in headings, quotes and table cells', () => {
    expect(smartenTypography('## The "why"\n\n> "Quoted"\n\n| "a" | b |\n|---|---|\n| it\'s | x |')).toBe('## The “why”\n\n> “Quoted”\n\n| “a” | b |\n|---|---|\n| it’s | x |');
  });
});

/** Code and link targets in reading order: typography must leave them byte for byte. */
function untouchable(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'code':
        return [block.text];
      case 'quote':
        return untouchable(block.blocks);
      case 'list':
        return block.items.flatMap(untouchable);
      case 'paragraph':
      case 'heading':
      case 'html':
        return block.inlines.flatMap((i) => (i.kind === 'text' && (i.code || i.link) ? [`${i.code ? i.text : ''}|${i.link ?? ''}`] : []));
      case 'table':
        return block.rows.flatMap((row) => row.flatMap((cell) => cell.flatMap((i) => (i.kind === 'text' && (i.code || i.link) ? [`${i.code ? i.text : ''}|${i.link ?? ''}`] : []))));
      case 'rule':
        return [];
    }
  });
}

/** Curly marks folded back to the straight ones they stand for. */
const straighten = (text: string) =>
  text.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'").replace(/\u2026/g, '...').replace(/\u2014/g, '---').replace(/\u2013/g, '--');

describe('typography never corrupts', () => {
  it('the text a reader sees is the same once the curly marks are straightened; code and link targets are byte-identical', () => {
    fc.assert(
      fc.property(markdownDocument, (source) => {
        const before = readMarkdown(source);
        const after = readMarkdown(smartenTypography(source));
        expect(straighten(visibleText(after))).toBe(straighten(visibleText(before)));
        expect(untouchable(after)).toEqual(untouchable(before));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 1000), seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261203 },
    );
  }, 120_000);
});
