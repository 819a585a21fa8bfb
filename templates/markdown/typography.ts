/**
 * Optional typography for summaries: straight quotes become curly and "..." an
 * ellipsis, as a careful editor would do by hand. Code (fenced or inline), link
 * targets, autolinks, bare URLs and HTML tags are copied untouched: a quote inside
 * `kubectl get -o 'json'` or a URL must stay byte-for-byte what the reviewer wrote.
 */
const PROTECTED = /(`+)[\s\S]*?\1|\]\([^)]*\)|<[^>\n]+>|https?:\/\/[^\s)>\]]+/g;

function smartenPlain(text: string, before: string): string {
  let out = '';
  let previous = before;
  const chars = [...text.replace(/\.\.\./g, '…')];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const opening = previous === '' || /[\s([{\u2014\u2013-]/.test(previous);
    if (ch === '"') out += opening ? '\u201c' : '\u201d';
    else if (ch === "'") out += opening ? '\u2018' : '\u2019';
    else out += ch;
    previous = ch;
  }
  return out;
}

function smartenInline(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(PROTECTED)) {
    const start = match.index;
    out += smartenPlain(text.slice(last, start), out.slice(-1));
    out += match[0];
    last = start + match[0].length;
  }
  return out + smartenPlain(text.slice(last), out.slice(-1));
}

export function smartenTypography(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | null = null;
  let paragraph: string[] = [];
  const out: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(...smartenInline(paragraph.join('\n')).split('\n'));
    paragraph = [];
  };
  for (const line of lines) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      out.push(line);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    } else if (marker) {
      flush();
      fence = marker;
      out.push(line);
    } else if (/^( {4}|\t)/.test(line) && paragraph.length === 0) {
      out.push(line); // indented code block
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return out.join('\n');
}
