import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../../../markdown/blocks';
import { readMarkdown, type Block } from '../../../../markdown/read';
import { allowedTarget, containMarkdown, findInvisible, removeInvisible } from '../../../../templates/markdown/contain';
import { escapeInline } from '../../../../templates/markdown/escape';

const contain = (markdown: string) => containMarkdown(markdown).text;

/** Headings of a text as our reader reads it, at any depth. */
function headings(blocks: readonly Block[]): number[] {
  return blocks.flatMap((b): number[] =>
    b.kind === 'heading' ? [b.level] : b.kind === 'quote' ? headings(b.blocks) : b.kind === 'list' ? b.items.flatMap(headings) : [],
  );
}

describe('containment of a summary: nothing in it reaches the DD around its entry', () => {
  it('leaves a well-formed summary byte for byte as it is', () => {
    const summary = [
      '###### Usage',
      '',
      'Globex runs **Globex Mesh** in production ([docs](https://globex.example/docs), [notes](./notes.md), <https://globex.example>).',
      '',
      '- 300 services',
      '  1. upgraded quarterly',
      '',
      '> "It just works." `kubectl apply`',
      '',
      '```yaml',
      'mesh: on',
      '```',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      'Mail [us](mailto:a@example.org) or www.example.org.',
    ].join('\n');
    expect(contain(summary)).toBe(summary);
  });

  it('demotes every heading below the entry: ATX, setext, in quotes and lists', () => {
    expect(contain('#### Sneaky section\ntext')).toBe('###### Sneaky section\ntext');
    expect(contain('##### Adopter 99 - Fake')).toBe('###### Adopter 99 - Fake');
    expect(contain('Title\ngoes on\n===\n\nbody')).toBe('###### Title goes on\n\nbody');
    expect(contain('para\n\nTitle\n---')).toBe('para\n\n###### Title');
    expect(contain('> ## quoted\n> - # listed\n>\n> Setext\n> ---')).toBe('> ###### quoted\n> - ###### listed\n>\n> ###### Setext');
    for (const text of ['# a\n> ## b\n- ### c\n\n  d\n  ===', '   ## x ##']) expect(headings(readMarkdown(contain(text))).every((l) => l === 6)).toBe(true);
  });

  it('closes a code fence left open, so the rest of the DD is not code', () => {
    expect(contain('```js\ncode\n##### not a heading')).toBe('```js\ncode\n##### not a heading\n```');
    expect(contain('~~~~\nx')).toBe('~~~~\nx\n~~~~');
    // Inside a quote or list the container's end closes it; nothing is added there.
    expect(contain('> ```\n> x')).toBe('> ```\n> x');
  });

  it('escapes raw HTML, block or inline: shown as the text it is', () => {
    // A comment never closed runs to the end: all of it becomes text, the "####" too.
    expect(contain('<!-- never closed\n\n#### x')).toBe('\\<\\!-- never closed\n\n\\#### x');
    expect(contain('<details>\n<summary>More</summary>')).toBe('\\<details>\n\\<summary>More\\</summary>');
    expect(contain('a <img src=x onerror=alert(1)> b')).toBe('a \\<img src=x onerror=alert(1)> b');
    // Inside a block, what would start Markdown on a line is escaped too.
    expect(contain('<!--\n1. x\n| a |\n|---|\n[l](javascript:x) *e*\n-->')).toBe('\\<\\!--\n1\\. x\n\\| a |\n\\|---|\n\\[l\\](javascript:x) \\*e\\*\n\\-->');
    // A bare link would run on through the escape after it on GitHub: it is written as a link that ends.
    expect(contain('see https://example.org<div> now')).toBe('see [https\\:\\/\\/example\\.org](<https://example.org>)\\<div> now');
    expect(contain('<!--\nhttps://example.org<div>')).toBe('\\<\\!--\nhttps\\://example.org\\<div>');
    // Escaped, a block reads as a paragraph: a blank line (inside its quotes) ends it where the block ended.
    expect(contain('<script>alert(1)</script>\n===')).toBe('\\<script>alert(1)\\</script>\n\n===');
    expect(contain('> <script>x</script>\n>      <img src=x>')).toBe('> \\<script>x\\</script>\n>\n>      <img src=x>');
    // References read as they would in HTML.
    expect(readMarkdown(contain('<p>Cr&egrave;me</p>'))).toEqual([{ kind: 'paragraph', inlines: [expect.objectContaining({ text: '<p>Crème</p>' })] }]);
    const shown = readMarkdown(contain('a <script>alert(1)</script>'));
    expect(shown).toEqual([{ kind: 'paragraph', inlines: [expect.objectContaining({ text: 'a <script>alert(1)</script>', link: null })] }]);
  });

  it('keeps links to http(s), mailto and relative addresses; others lose the link and keep their text', () => {
    expect(contain('[click *here*](javascript:alert(1)) and ![chart](data:text/html,x)')).toBe('click here and chart');
    expect(contain('see <javascript:alert(1)>')).toBe('see javascript\\:alert\\(1\\)');
    expect(contain('[x](JaVa&#x09;ScRiPt:alert(1))')).toBe('x');
    for (const href of ['https://a.example', 'HTTP://a', 'mailto:a@b.example', './a.md', '#usage', '/docs', '?q=1']) expect(allowedTarget(href)).toBe(true);
    for (const href of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', ' java\u0000script:x']) expect(allowedTarget(href)).toBe(false);
  });

  it('drops link definitions (they act on the whole DD) and writes the references inline', () => {
    expect(contain('Read [the docs][d] and [d].\n\n[d]: https://docs.example "Docs"')).toBe('Read [the docs](<https://docs.example>) and [d](<https://docs.example>).');
    expect(contain('> [r]: /x\n> Text [r]')).toBe('> Text [r](</x>)');
    expect(contain('[evil][e]\n\n[e]: javascript:alert(1)')).toBe('evil');
  });

  it(`flattens quotes and lists nested deeper than ${MAX_NESTING} levels, and says from which line`, () => {
    const quotes = containMarkdown(`intro\n\n${'>'.repeat(MAX_NESTING + 10)} deep`);
    expect(quotes.flattenedAt).toBe(3);
    expect(quotes.text).toBe(`intro\n\n${'>'.repeat(MAX_NESTING)}\\${'>'.repeat(10)} deep`);
    const list = containMarkdown(`${'- '.repeat(MAX_NESTING + 3)}x`);
    expect(list.text).toBe(`${'- '.repeat(MAX_NESTING)}\\- - - x`);
    expect(containMarkdown('- a\n  - b').flattenedAt).toBeNull();
  });
});

describe('invisible characters: removed when rendering, found for the warning', () => {
  it('finds controls, bidirectional overrides, noncharacters and lone surrogates, with line and column', () => {
    expect(findInvisible('fine\ttext\r\nline two')).toBeNull();
    expect(findInvisible('ok\nab\u0007c')).toEqual({ first: { codePoint: 7, line: 2, column: 3 }, count: 1 });
    expect(findInvisible('😀x\u202Eexe.txt\u0000')).toEqual({ first: { codePoint: 0x202e, line: 1, column: 3 }, count: 2 });
    for (const ch of ['\u0000', '\u001b', '\u0085', '\u200f', '\u2066', '\ufdd0', '\uffff', '\ud800', '\udc00', '\u{1fffe}']) {
      expect(removeInvisible(`a${ch}b`), JSON.stringify(ch)).toBe('ab');
    }
    // Joiners and soft hyphens are part of emoji and words: they stay.
    expect(removeInvisible('👩\u200d💻 co\u00adop')).toBe('👩\u200d💻 co\u00adop');
  });

  it('labels and names lose them too', () => {
    expect(escapeInline('Acme\u202E Corp\u0007')).toBe('Acme Corp');
  });
});
