import { describe, expect, it } from 'vitest';
import { inlineText, parseInline, parseMarkdown, type Block, type Inline } from '../../../../templates/word/markdown';
import { normalize, oracle } from './docx-inspect';

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

/** Every block's visible text, in reading order (lists and quotes flattened), as the Word document shows it. */
function texts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.kind) {
      case 'paragraph':
      case 'heading':
        return [normalize(inlineText(b.inlines))];
      case 'code':
        return [normalize(b.text)];
      case 'quote':
        return texts(b.blocks);
      case 'list':
        return b.items.flatMap((item) => texts(item));
      case 'rule':
        return [];
    }
  });
}

function links(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.kind) {
      case 'paragraph':
      case 'heading':
        return b.inlines.flatMap((i) => (i.kind === 'text' && i.link ? [i.link] : [])).filter((l, k, all) => k === 0 || all[k - 1] !== l);
      case 'quote':
        return links(b.blocks);
      case 'list':
        return b.items.flatMap((item) => links(item));
      default:
        return [];
    }
  });
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
    expect(show(parseInline(source))).toBe(expected);
  });
});

describe('Markdown blocks', () => {
  it('reads paragraphs, ATX and setext headings, rules, quotes and code', () => {
    const blocks = parseMarkdown(
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
      'key: value indented: "kept"',
      'indented code',
      'unclosed fence runs to the end',
    ]);
    expect(blocks[6]).toEqual({ kind: 'code', text: 'key: value\n  indented: "kept"' });
  });

  it('reads bullet and numbered lists: nesting, start numbers, loose items, lazy lines', () => {
    const blocks = parseMarkdown(
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
    expect(parseMarkdown('We run\n2024. A good year').map((b) => b.kind)).toEqual(['paragraph']);
    expect(parseMarkdown('Steps:\n1. first\n2. second').map((b) => b.kind)).toEqual(['paragraph', 'list']);
    expect(parseMarkdown('Options:\n- a\n- b').map((b) => b.kind)).toEqual(['paragraph', 'list']);
  });

  it('keeps CRLF text, tabs and a byte-order mark from getting in the way', () => {
    expect(texts(parseMarkdown('\uFEFFFirst\r\n\r\n-\ttab item\r\n'))).toEqual(['First', 'tab item']);
  });
});

/** Summaries of the kinds reviewers write, checked against the CommonMark reference parser. */
const CORPUS = [
  'Globex has run Globex Mesh for two years across its payment clusters. The platform team chose it for its simple data plane and its "batteries included" defaults.\n\nUsage is in production at roughly 300 services, with upgrades every quarter... The team tracks each minor release.',
  'Globex’s engineers found the documentation clear, especially the `meshctl install --profile=\'strict\'` guide and [the upgrade notes](https://globex-mesh.example.org/docs/upgrade "Upgrade").',
  '**Why:** they needed mTLS everywhere.\n\n**How:** a sidecar per pod, with _strict_ mode.\n\n- 300 services\n- 4 clusters\n  - 2 in each region\n- upgrades every quarter\n\n1. evaluate\n2. pilot\n3. roll out',
  '### Challenges\n\nCertificate rotation broke once; see https://issues.example.org/mesh/123 for the details.\n\n> “It just works” — the team lead\n\n---\n\nContact: platform@team.example.',
  'Numbers start where they start:\n\n7. seventh\n8. eighth\n\nAnd a code block:\n\n```\nmeshctl status --all\n```\n\nWith `inline *stars*` and an escaped \\*star\\*.',
  'Edge cases: snake_case_names, 2*3*4, a lone * star, __dunder__, ***both***, *a **b** c*, [brackets] without a link, &amp; entities &copy; and line  \nbreaks\\\nof both kinds.',
  '_Ada Example, Platform Lead_\\\nSEPTEMBER 2024\n\n**DRAFT:** not yet approved by the adopter; do not publish.',
  'Loose list:\n\n- first item\n\n  with a second paragraph\n\n- second item\n\nTight after: www.example.org/path, and <https://auto.example/x>.',
];

describe('agrees with the CommonMark reference parser (micromark + GFM autolinks)', () => {
  it.each(CORPUS.map((text, i) => [i, text] as const))('sample %i: the same blocks, text and links', (_, text) => {
    const expected = oracle(text);
    const blocks = parseMarkdown(text);
    expect(texts(blocks)).toEqual(expected.blocks);
    expect(links(blocks)).toEqual(expected.links);
  });
});
