// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkdownView } from '../../../renderer/src/components/MarkdownView';

afterEach(cleanup);

/** The view's root element for a Markdown text. */
function view(markdown: string, headingLevel?: number): HTMLElement {
  const { container } = render(<MarkdownView markdown={markdown} {...(headingLevel === undefined ? {} : { headingLevel })} />);
  return container.firstElementChild as HTMLElement;
}

/** The view's element tree as compact text: tags, a few attributes, text. */
function shape(node: Node): string {
  if (node.nodeType === 3) return JSON.stringify(node.textContent);
  const element = node as Element;
  const attrs = ['start', 'class', 'title', 'type', 'checked', 'disabled', 'aria-label']
    .filter((name) => element.hasAttribute(name) && !(name === 'class' && element.tagName === 'DIV'))
    .map((name) => `${name}=${element.getAttribute(name)}`);
  const children = [...element.childNodes].map(shape).join(' ');
  return `<${element.tagName.toLowerCase()}${attrs.length ? ` ${attrs.join(' ')}` : ''}>${children}`;
}

const shapeOf = (markdown: string) => [...view(markdown).childNodes].map(shape);

describe('MarkdownView: what GitHub shows, as elements', () => {
  it('paragraphs, soft and hard breaks', () => {
    expect(shapeOf('one\ntwo\\\nthree  \nfour\n\nnext')).toEqual(['<p>"one two" <br> "three" <br> "four"', '<p>"next"']);
  });

  it('emphasis, strong, strikethrough and code, nested', () => {
    expect(shapeOf('*a* **b** ~~c~~ `d` ***e*** **`f`**')).toEqual([
      '<p><em>"a" " " <strong>"b" " " <del>"c" " " <code>"d" " " <strong><em>"e" " " <strong><code>"f"',
    ]);
  });

  it('does not read snake_case words as emphasis', () => {
    expect(view('snake_case_names stay').textContent).toBe('snake_case_names stay');
    expect(view('snake_case_names stay').querySelector('em')).toBeNull();
  });

  it('decodes every HTML5 character reference, as GitHub does', () => {
    expect(view('Nestl&eacute; &amp; &#8217; &#x2014; &bogus;').textContent).toBe('Nestlé & ’ — &bogus;');
  });

  it('shows a link as a placeholder link: its text, the target as title, no href, focusable', () => {
    const link = view('see [the docs](https://x.example/d "T") now').querySelector('a')!;
    expect(shape(link)).toBe('<a class=md-link title=https://x.example/d>"the docs"');
    expect(link.hasAttribute('href')).toBe(false);
    expect(link.tabIndex).toBe(0);
  });

  it('shows one link for a link whose text changes style or breaks a line', () => {
    const links = view('[plain **bold** `code`\\\nnext](https://x.example) and <https://auto.example>').querySelectorAll('a');
    expect([...links].map((a) => [a.textContent, a.title])).toEqual([
      ['plain bold codenext', 'https://x.example'],
      ['https://auto.example', 'https://auto.example'],
    ]);
    expect(links[0]!.querySelector('br')).not.toBeNull();
  });

  it('reads reference links and bare URLs', () => {
    const links = view('[docs][d] and www.example.org/x\n\n[d]: https://d.example').querySelectorAll('a');
    expect([...links].map((a) => a.title)).toEqual(['https://d.example', 'http://www.example.org/x']);
  });

  it('shows an image as its alt text (pointing at its source, never loading it)', () => {
    const root = view('![the *diagram*](https://x.example/d.png)');
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toBe('the diagram');
    expect(root.querySelector('a')!.title).toBe('https://x.example/d.png');
  });

  it('shifts headings so the view never outranks the card it sits in, nor its first heading', () => {
    const levels = (markdown: string, top?: number) => [...view(markdown, top).querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => `${h.tagName}:${h.textContent}`);
    // An entry under the card's h3, a summary's headings below it whatever they are written as.
    expect(levels('##### Adopter 1\n\n# Big\n\n###### Small\n\n## Mid')).toEqual(['H4:Adopter 1', 'H5:Big', 'H5:Small', 'H5:Mid']);
    // The section: its heading right under the screen title, entries below it, summaries below or beside them.
    expect(levels('#### Adoption\n\n##### Adopter 1\n\n###### Detail\n\n# Big\n\n##### Adopter 2', 3)).toEqual([
      'H3:Adoption',
      'H4:Adopter 1',
      'H5:Detail',
      'H4:Big',
      'H4:Adopter 2',
    ]);
    expect(levels('# A\n## B\n### C\n#### D\n##### E', 4)).toEqual(['H4:A', 'H5:B', 'H6:C', 'H6:D', 'H6:E']);
    expect(levels('Title\n=====\n\nSub\n---')).toEqual(['H4:Title', 'H5:Sub']);
    // The first heading counts wherever it stands, in a quote or a list too.
    expect(levels('> ### Quoted\n\n- # Listed')).toEqual(['H4:Quoted', 'H5:Listed']);
    // The Markdown level still decides the look.
    expect(view('###### x').querySelector('h4')!.className).toBe('md-heading md-h6');
  });

  it('block quotes, nested', () => {
    expect(shapeOf('> quoted *text*\n>\n> > inner\n\nafter')).toEqual(['<blockquote><p>"quoted " <em>"text" <blockquote><p>"inner"', '<p>"after"']);
  });

  it('nested lists: tight items without <p>, loose items with, ordered lists from their start', () => {
    expect(shapeOf('3. three\n4. four\n   - nested\n     - deeper')).toEqual([
      '<ol start=3><li>"three" <li>"four" <ul><li>"nested" <ul><li>"deeper"',
    ]);
    expect(shapeOf('- one\n\n- two\n\n  more')).toEqual(['<ul><li><p>"one" <li><p>"two" <p>"more"']);
    expect(view('1. a').querySelector('ol')!.hasAttribute('start')).toBe(false);
    // Two text blocks of a tight item (split by a comment) run on as one line, as on GitHub.
    expect(view('- one\n  <!-- note -->\n  two').querySelector('li')!.textContent).toBe('one\ntwo');
  });

  it('a list right after a paragraph line is a list, not part of the paragraph', () => {
    expect(shapeOf('We asked:\n- how\n- why')).toEqual(['<p>"We asked:"', '<ul><li>"how" <li>"why"']);
  });

  it('task list items: disabled boxes labelled by their words', () => {
    const root = view('- [x] shipped\n- [ ] to do\n- plain');
    expect([...root.querySelectorAll('li')].map(shape)).toEqual([
      '<li class=md-task-item><label class=md-task-label><input class=md-task type=checkbox checked= disabled=> " " "shipped"',
      '<li class=md-task-item><label class=md-task-label><input class=md-task type=checkbox disabled=> " " "to do"',
      '<li>"plain"',
    ]);
    expect(screen.getByRole('checkbox', { name: 'shipped' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'to do' })).toHaveProperty('disabled', true);
  });

  it('loose task items keep the box in their first paragraph', () => {
    expect(shapeOf('- [x] done\n\n  details')).toEqual([
      '<ul><li class=md-task-item><p><label class=md-task-label><input class=md-task type=checkbox checked= disabled=> " " "done" <p>"details"',
    ]);
  });

  it('code blocks, fenced and indented, exactly as written', () => {
    expect(shapeOf('```yaml\na:  *b*\n  <c>\n```\n\n    indented  code')).toEqual(['<pre class=md-code><code>"a:  *b*\\n  <c>"', '<pre class=md-code><code>"indented  code"']);
  });

  it('thematic breaks', () => {
    expect(shapeOf('a\n\n---\n\nb\n\n***')).toEqual(['<p>"a"', '<hr>', '<p>"b"', '<hr>']);
  });

  it('tables: a header row, alignment per column, inline Markdown in cells', () => {
    expect(shapeOf('| Name | Nodes | Note |\n|:-----|------:|:----:|\n| **A** | 40 | `x` |\n| B | 3 | |')).toEqual([
      '<table class=md-table><thead><tr><th class=align-left>"Name" <th class=align-right>"Nodes" <th class=align-center>"Note" <tbody><tr><td class=align-left><strong>"A" <td class=align-right>"40" <td class=align-center><code>"x" <tr><td class=align-left>"B" <td class=align-right>"3" <td class=align-center>',
    ]);
    expect(view('| a |\n|---|').querySelector('tbody')).toBeNull();
  });

  it('HTML blocks and inline HTML show their text, as a browser shows them', () => {
    expect(shapeOf('<details>\n<summary>More</summary>\n\nInside <b>bold</b> text.\n\n</details>')).toEqual(['<div>"More"', '<p>"Inside bold text."']);
    expect(shapeOf('a<br>b')).toEqual(['<p>"a" <br> "b"']);
  });

  it('keeps its elements while the text grows (keys by place), rebuilding a block that changes kind', () => {
    const { container, rerender } = render(<MarkdownView markdown={'first\n\nsecond'} />);
    const second = container.querySelectorAll('p')[1];
    rerender(<MarkdownView markdown={'first\n\nsecond and more'} />);
    expect(container.querySelectorAll('p')[1]).toBe(second);
    rerender(<MarkdownView markdown={'# first\n\nsecond and more'} />);
    expect(container.querySelectorAll('p')[0]).toBe(second);
  });
});

describe('MarkdownView: hostile text stays text', () => {
  const HOSTILE = [
    '<script>alert(1)</script>',
    'inline <script>alert(2)</script> and <img src=x onerror="alert(3)"> and <iframe src="https://evil.example"></iframe>',
    '<div onclick="alert(4)"><img src=x onerror=alert(5)>after</div>',
    '[click](javascript:alert(6)) and [data](data:text/html,<script>alert(7)</script>) <javascript:alert(8)>',
    '![x](javascript:alert(9)) <a href="https://evil.example" onmouseover="alert(10)">raw link</a>',
    '<style>body{display:none}</style>\n\n<form action="https://evil.example"><input name=q></form>',
    '<svg onload=alert(11)><foreignObject><body onload=alert(12)></svg>',
    '```html\n<script>alert(13)</script>\n```',
  ].join('\n\n');

  it('renders no element that can run, load or navigate', () => {
    const root = view(HOSTILE);
    expect(root.querySelectorAll('script, style, iframe, img, svg, form, object, embed, link, meta, base, textarea').length).toBe(0);
    expect(root.querySelectorAll('input:not([type=checkbox])').length).toBe(0);
    for (const element of root.querySelectorAll('*')) {
      const attributes = [...element.attributes].map((a) => a.name);
      expect(attributes.filter((name) => /^on|^href$|^src$|^action$|^style$|^formaction$/i.test(name)), element.outerHTML).toEqual([]);
    }
  });

  it('shows what GitHub shows of it: filtered tags literally, javascript: links as inert text', () => {
    const root = view(HOSTILE);
    expect(root.textContent).toContain('<script>alert(1)</script>');
    expect(root.textContent).toContain('<style>body{display:none}</style>');
    const click = [...root.querySelectorAll('a')].find((a) => a.textContent === 'click')!;
    expect(click.title).toBe('javascript:alert(6)');
    expect(click.hasAttribute('href')).toBe(false);
    expect(root.querySelector('pre code')!.textContent).toBe('<script>alert(13)</script>');
  });

  it('never writes the text as HTML', () => {
    // A payload that would become an element if anything were parsed as markup.
    const root = view('&lt;img src=x onerror=alert(1)&gt; `<b>code</b>`');
    expect(root.textContent).toBe('<img src=x onerror=alert(1)> <b>code</b>');
    expect(root.querySelector('img, b')).toBeNull();
  });
});
