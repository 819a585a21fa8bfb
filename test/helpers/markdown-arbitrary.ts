import fc from 'fast-check';

/**
 * Generated Markdown of the kinds reviewers write and the kinds that trip readers up:
 * lines of words, names with accents written as character references, emphasis and
 * strikethrough markers, code, links (inline, reference, autolinks, bare URLs and
 * addresses), raw HTML, escapes, quotes and breaks, under block prefixes (lists, quotes,
 * headings, code, tables, definitions, HTML blocks), with blank lines between.
 *
 * Raw HTML blocks come whole (an element with its end tag, a complete comment): HTML left
 * open across blocks is laid out by the browser's tree builder, which no Markdown reading
 * can know (the published section never carries it).
 */
const WORDS = ['Globex', 'Initech', 'mesh', 'cluster', 'the', 'team', 'Nestlé', 'Ada Example', 'snake_case_name', '2*3*4', 'O’Neil', 'x'];
const INLINE = [
  '*', '**', '_', '__', '~', '~~', '`', '``', '[', ']', '(', ')', '![', '!', '<', '>', '&', '\\', '"', "'", '...', '--', ' ', '  ', '.', ',', ':', ';', '?', '|',
  '[the notes](https://docs.example.org/a_b "T")', '[ref]', '[text][ref]', '[ref][]', '![diagram](https://img.example/d.png)',
  '<https://auto.example/x?y=1>', '<ops@team.example>', 'www.example.org/path.', 'https://a.example/b_(c))', 'ops@team.example.', 'http://x.example/*a*',
  'Nestl&eacute;', 'Nestl&#233;', 'Nestl&#xE9;', '&amp;', '&copy;', '&bogus;', '&#0;', '&nbsp;',
  '<b>', '</b>', '<span class="x">', '</span>', '<!-- note -->', '<br>', '<script>', '<img src="a.png" alt="A">', '<?pi ?>',
  '\\*', '\\_', '\\[', '\\`', '\\<', '\\&', '\\\\',
  '`code *x*`', '` `` `', '**"quoted"**', "_'single'_",
];
const PREFIX = ['', '', '', '', '- ', '* ', '+ ', '1. ', '2) ', '10. ', '> ', '> > ', '>- ', '# ', '### ', '  ', '    ', '   - ', '- [ ] ', '- [x] ', '\t', '1.  '];
const WHOLE_LINE = [
  '', '', '---', '***', '___', '===', '```', '~~~', '```yaml', '| a | b |', '|---|:-:|', '| 1 | `x|y` |', 'a | b', '--- | ---',
  '[ref]: https://ref.example/r "Ref"', '[other]: <https://other.example> (t)',
  '<div>Globex</div>', '<details><summary>Globex Mesh</summary>notes</details>', '<!-- note -->', '<pre>kubectl get</pre>', '<p align="center">Initech</p>',
];

const inlineText = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...WORDS) }, { weight: 4, arbitrary: fc.constantFrom(...INLINE) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), {
    maxLength: 10,
  })
  .map((parts) => parts.join(''));

// A list item or quote line always has text: micromark decides whether an empty item may
// start, and where indented code after an empty quote line goes, from state CommonMark leaves
// open (what the line before was); an empty one shows nothing either way.
const line = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...PREFIX), inlineText)
      .map(([prefix, text]) => (/[-*+.)>]\s*$|\]\s*$/.test(prefix) && !text.trim() ? `${prefix}Globex` : prefix + text)),
  },
  { weight: 1, arbitrary: fc.constantFrom(...WHOLE_LINE) },
);

/** A Markdown document of 1–12 lines; line endings LF, sometimes CRLF. */
export const markdownDocument = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean())
  .map(([lines, crlf]) => lines.join(crlf ? '\r\n' : '\n'));
