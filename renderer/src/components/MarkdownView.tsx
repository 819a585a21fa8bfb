import { Fragment, type ReactNode } from 'react';

/**
 * A small, safe Markdown renderer for previews: paragraphs, headings, lists, emphasis,
 * code, links (shown, not followed: the app never opens the network). It builds React
 * elements, never HTML strings, so nothing in the text can run.
 */
function inline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /(`+)([\s\S]*?)\1|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)|\\([\\`*_{}[\]()#+\-.!|~<>])/g;
  let last = 0;
  let n = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const k = `${key}-${n++}`;
    if (m[1]) out.push(<code key={k}>{m[2]}</code>);
    else if (m[3] ?? m[4]) out.push(<strong key={k}>{inline(m[3] ?? m[4]!, k)}</strong>);
    else if (m[5] ?? m[6]) out.push(<em key={k}>{inline(m[5] ?? m[6]!, k)}</em>);
    else if (m[7]) out.push(<span key={k} className="md-link" title={m[8]}>{inline(m[7], k)}</span>);
    else if (m[9]) out.push(m[9]);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out.map((part, i) => (typeof part === 'string' ? <Fragment key={`${key}-t${i}`}>{decode(part)}</Fragment> : part));
}

const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function lineBreaks(text: string, key: string): ReactNode[] {
  return text.split(/\\\n| {2}\n/).flatMap((part, i, all) => [
    <Fragment key={`${key}-l${i}`}>{inline(part.replace(/\n/g, ' '), `${key}-${i}`)}</Fragment>,
    ...(i < all.length - 1 ? [<br key={`${key}-br${i}`} />] : []),
  ]);
}

export function MarkdownView({ markdown, className }: { markdown: string; className?: string }) {
  const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return (
    <div className={`markdown ${className ?? ''}`}>
      {blocks.map((block, i) => {
        const key = `b${i}`;
        const heading = /^(#{1,6})\s+(.*)$/.exec(block);
        if (heading) {
          const level = Math.min(6, heading[1]!.length + 1);
          const Tag = `h${level}` as 'h2';
          return <Tag key={key}>{inline(heading[2]!, key)}</Tag>;
        }
        if (/^([-*+]|\d+[.)])\s/.test(block)) {
          const ordered = /^\d/.test(block);
          const items = block.split(/\n(?=(?:[-*+]|\d+[.)])\s)/).map((item) => item.replace(/^([-*+]|\d+[.)])\s+/, ''));
          const List = ordered ? 'ol' : 'ul';
          return <List key={key}>{items.map((item, j) => <li key={j}>{lineBreaks(item, `${key}-${j}`)}</li>)}</List>;
        }
        if (/^```/.test(block)) return <pre key={key}>{block.replace(/^```.*\n?|```$/g, '')}</pre>;
        return <p key={key}>{lineBreaks(block, key)}</p>;
      })}
    </div>
  );
}
