import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCharacterReferences } from '../../../markdown/entities';
import { inlineText, readMarkdown, visibleText, type Block, type Inline } from '../../../markdown/read';
import { markdownDocument } from '../../helpers/markdown-arbitrary';

/** Compact view of inlines: text with markers, so expectations stay readable. */
function show(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => {
      if (i.kind === 'break') return '⏎';
      let t = i.text;
      if (i.code) t = `\`${t}\``;
      if (i.italic) t = `_${t}_`;
      if (i.bold) t = `**${t}**`;
      if (i.strike) t = `~${t}~`;
      if (i.link) t = `[${t}](${i.link})`;
      return t;
    })
    .join('');
}

/** The inlines of a one-paragraph text. */
function inlinesOf(source: string): Inline[] {
  const [block] = readMarkdown(source);
  return block && (block.kind === 'paragraph' || block.kind === 'heading') ? block.inlines : [];
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every block's visible text, in reading order (lists and quotes flattened). */
function texts(blocks: readonly Block[]): string[] {
  return visibleText(blocks)
    .split('\n')
    .map(normalize)
    .filter((t) => t !== '');
}

describe('Markdown inlines', () => {
  it.each([
    ['plain **bold** and _italic_ and *also* and `code`', 'plain **bold** and _italic_ and _also_ and `code`'],
    ['*a **b** c*', '_a _**_b_**_ c_'],
    ['**a*b*c**', '**a****_b_****c**'],
    ['***both***', '**_both_**'],
    ['snake_case_name and __init__ and 2*3*4', 'snake_case_name and **init** and 2_3_4'],
    ['a * not emphasis * here', 'a * not emphasis * here'],
    ['**unclosed and _half', '**unclosed and _half'],
    ['~~gone~~ kept', '~gone~ kept'],
    ['`` a ` b `` and ` `` `', '`a ` b` and ````'],
    ['\\*not\\* \\_em\\_ \\# \\[x\\] a\\b', '*not* _em_ # [x] a\\b'],
    ['&lt;b&gt; &amp; &copy; &#8217; &#x2014; &bogus;', '<b> & © ’ — &bogus;'],
    ['[the notes](https://x.example/a_b "Title") here', '[the notes](https://x.example/a_b) here'],
    ['[**bold** link](<https://x.example/a b>)', '[**bold**](https://x.example/a b)[ link](https://x.example/a b)'],
    ['[p](https://x.example/(a)b)', '[p](https://x.example/(a)b)'],
    ['[not a link] (x) and [a]', '[not a link] (x) and [a]'],
    ['[a [b](u1) c](u2)', '[a [b](u1) c](u2)'],
    ['![diagram](https://x.example/d.png)', '[diagram](https://x.example/d.png)'],
    ['<https://auto.example/x> and <bo@mail.example>', '[https://auto.example/x](https://auto.example/x) and [bo@mail.example](mailto:bo@mail.example)'],
    ['see www.example.org/docs. or https://a.example/b) end', 'see [www.example.org/docs](http://www.example.org/docs). or [https://a.example/b](https://a.example/b)) end'],
    ['mail ops@team.example, thanks', 'mail [ops@team.example](mailto:ops@team.example), thanks'],
    ['`https://in.code.example` stays code', '`https://in.code.example` stays code'],
    ['line one\\\nline two', 'line one⏎line two'],
    ['two spaces  \nbreak', 'two spaces⏎break'],
    ['soft\nbreak', 'soft break'],
    ['<b>kept</b> text<br>next <!-- gone -->end', 'kept text⏎next end'],
    ['Globex’s “batteries included” — curly quotes stay', 'Globex’s “batteries included” — curly quotes stay'],
    ['_Ada Example, Platform Lead_\\\nSEPTEMBER 2024', '_Ada Example, Platform Lead_⏎SEPTEMBER 2024'],
    ['\\*Globex\\*\\_\\#1 &lt;script&gt;alert(1)&lt;/script&gt;/\\[Energy\\]\\(https\\://evil.example\\)', '*Globex*_#1 <script>alert(1)</script>/[Energy](https://evil.example)'],
  ])('%j', (source, expected) => {
    expect(show(inlinesOf(source))).toBe(expected);
  });
});

describe('Markdown blocks', () => {
  it('reads paragraphs, ATX and setext headings, rules, quotes and code', () => {
    const blocks = readMarkdown(
      [
        '# Title #',
        'Setext one',
        '===',
        'Setext two',
        '---',
        'A paragraph',
        'that goes on.',
        '',
        '***',
        '',
        '> quoted',
        'lazily',
        '> > nested',
        '',
        '```yaml',
        'key: value',
        '  indented: "kept"',
        '```',
        '',
        '    indented code',
        '',
        '~~~',
        'unclosed fence runs to the end',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'heading', 'heading', 'paragraph', 'rule', 'quote', 'code', 'code', 'code']);
    expect(blocks.slice(0, 3).map((b) => (b.kind === 'heading' ? [b.level, inlineText(b.inlines)] : null))).toEqual([
      [1, 'Title'],
      [1, 'Setext one'],
      [2, 'Setext two'],
    ]);
    expect(texts(blocks)).toEqual([
      'Title',
      'Setext one',
      'Setext two',
      'A paragraph that goes on.',
      'quoted lazily',
      'nested',
      'key: value',
      'indented: "kept"',
      'indented code',
      'unclosed fence runs to the end',
    ]);
    expect(blocks[6]).toEqual({ kind: 'code', text: 'key: value\n  indented: "kept"', info: 'yaml' });
  });

  it('reads bullet and numbered lists: nesting, start numbers, loose items, lazy lines', () => {
    const blocks = readMarkdown(
      ['- one', '- two', '  - nested *a*', '  - nested b', '- three', 'lazy', '', '3. third', '4. fourth', '', '   second paragraph', '', '* other bullet'].join('\n'),
    );
    expect(blocks.map((b) => b.kind)).toEqual(['list', 'list', 'list']);
    const [bullets, numbered, other] = blocks as Extract<Block, { kind: 'list' }>[];
    expect(bullets).toMatchObject({ ordered: false, tight: true });
    expect(bullets!.items.map(texts)).toEqual([['one'], ['two', 'nested a', 'nested b'], ['three lazy']]);
    expect(bullets!.items[1]![1]).toMatchObject({ kind: 'list', ordered: false });
    expect(numbered).toMatchObject({ ordered: true, start: 3, tight: false });
    expect(numbered!.items.map(texts)).toEqual([['third'], ['fourth', 'second paragraph']]);
    expect(other!.items.map(texts)).toEqual([['other bullet']]);
  });

  it('a numbered list other than 1 does not interrupt a paragraph; "1." and "-" do', () => {
    expect(readMarkdown('We run\n2024. A good year').map((b) => b.kind)).toEqual(['paragraph']);
    expect(readMarkdown('Steps:\n1. first\n2. second').map((b) => b.kind)).toEqual(['paragraph', 'list']);
    expect(readMarkdown('Options:\n- a\n- b').map((b) => b.kind)).toEqual(['paragraph', 'list']);
  });

  it('keeps CRLF text, tabs and a byte-order mark from getting in the way', () => {
    expect(texts(readMarkdown('\uFEFFFirst\r\n\r\n-\ttab item\r\n'))).toEqual(['First', 'tab item']);
  });
});


describe('character references: one decoder, every HTML5 name', () => {
  it.each([
    ['Nestl&eacute;', 'Nestlé'],
    ['Nestl&#233;', 'Nestlé'],
    ['Nestl&#xE9;', 'Nestlé'],
    ['Nestl&#XE9;', 'Nestlé'],
    ['&CounterClockwiseContourIntegral; &bne; &ngE;', '∳ =⃥ ≧̸'],
    ['&amp;eacute; stays a word', '&eacute; stays a word'],
    ['&bogus; &eacute &#; &#x;', '&bogus; &eacute &#; &#x;'],
    ['&#0; &#xD800; &#x110000;', '\ufffd \ufffd \ufffd'],
  ])('%s', (source, expected) => {
    expect(inlineText(inlinesOf(source))).toBe(expected);
    expect(decodeCharacterReferences(source)).toBe(expected);
  });

  it('in raw HTML, as a browser reads it: numeric and legacy names without ";"', () => {
    expect(texts(readMarkdown('<div>Nestl&eacute</div>\n\n<p>Nestl&#233 and &notit;</p>'))).toEqual(['Nestlé', 'Nestlé and ¬it;']);
  });
});

describe('GFM blocks', () => {
  it('reads tables: header, alignment, cells, escaped pipes', () => {
    const [table] = readMarkdown('| Adopter | Clusters |\n|:--|--:|\n| Globex \\| Mesh | **3** |\n| Initech |');
    expect(table).toMatchObject({ kind: 'table', align: ['left', 'right'] });
    const rows = (table as Extract<Block, { kind: 'table' }>).rows.map((row) => row.map(show));
    expect(rows).toEqual([
      ['Adopter', 'Clusters'],
      ['Globex | Mesh', '**3**'],
      ['Initech', ''],
    ]);
  });

  it('reads task list items: the box is taken out of the text', () => {
    const [list] = readMarkdown('- [ ] evaluate\n- [x] pilot\n- plain');
    expect(list).toMatchObject({ kind: 'list', tasks: [false, true, null] });
    expect((list as Extract<Block, { kind: 'list' }>).items.map(texts)).toEqual([['evaluate'], ['pilot'], ['plain']]);
  });

  it('reads an HTML block as a reader sees it: tags and comments hidden, one block per block element', () => {
    const blocks = readMarkdown('<details>\n<summary>Globex <b>Mesh</b></summary>\n<!-- private: Ada Example -->\n<div>notes<br>more</div>\n</details>');
    expect(blocks.every((b) => b.kind === 'html')).toBe(true);
    expect(blocks.map((b) => (b.kind === 'html' ? inlineText(b.inlines) : ''))).toEqual(['Globex Mesh', 'notes\nmore']);
  });

  it('shows a filtered tag (script, style, textarea…) as text, as GitHub does', () => {
    expect(texts(readMarkdown('Run <script>alert(1)</script> now'))).toEqual(['Run <script>alert(1)</script> now']);
  });
});

describe('source runs: every character shown as written points at itself in the source', () => {
  function spans(blocks: readonly Block[]): Extract<Inline, { kind: 'text' }>[] {
    return blocks.flatMap((block) => {
      switch (block.kind) {
        case 'paragraph':
        case 'heading':
        case 'html':
          return block.inlines.filter((i) => i.kind === 'text');
        case 'quote':
          return spans(block.blocks);
        case 'list':
          return block.items.flatMap(spans);
        case 'table':
          return block.rows.flatMap((row) => row.flatMap((cell) => cell.filter((i) => i.kind === 'text')));
        default:
          return [];
      }
    });
  }

  it('places words inside quotes, lists, tables, headings and HTML', () => {
    const source = '> - quoted *Globex*\n>   and more\n\n| x | Initech |\n|---|---|\n\n## Nestl&eacute; Mesh ##\n\n<div>Ada <i>Example</i></div>';
    const runs = spans(readMarkdown(source)).flatMap((span) => span.source.map((run) => source.slice(run.from, run.from + run.length)));
    expect(runs).toEqual(expect.arrayContaining(['quoted ', 'Globex', 'and more', 'Initech', 'Nestl', ' Mesh', 'Ada ', 'Example']));
  });

  it('never covers a decoded reference, an escape or a line end', () => {
    const [paragraph] = readMarkdown('O\\\'Neil and Nestl&eacute;\nnext');
    const span = (paragraph as Extract<Block, { kind: 'paragraph' }>).inlines[0] as Extract<Inline, { kind: 'text' }>;
    expect(span.text).toBe("O'Neil and Nestlé next");
    const covered = new Set(span.source.flatMap((run) => Array.from({ length: run.length }, (_, k) => run.at + k)));
    expect([...span.text].map((_, k) => covered.has(k))).toEqual([...span.text].map((ch, k) => !(k === 1 || ch === 'é' || k === 17)));
  });

  it('holds for generated Markdown', () => {
    fc.assert(
      fc.property(markdownDocument, (source) => {
        for (const span of spans(readMarkdown(source))) {
          for (const run of span.source) {
            expect(source.slice(run.from, run.from + run.length)).toBe(span.text.slice(run.at, run.at + run.length));
          }
        }
      }),
      { numRuns: 500, seed: 20261203 },
    );
  });
});
