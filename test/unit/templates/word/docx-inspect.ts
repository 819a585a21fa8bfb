import { micromark } from 'micromark';
import { gfmAutolinkLiteral, gfmAutolinkLiteralHtml } from 'micromark-extension-gfm-autolink-literal';
import { decodeXml } from '../../../../templates/word/package-text';
import { readZip } from '../../../../templates/word/zip';

/**
 * Reads .docx packages for assertions, independently of the writer: parts by name,
 * paragraphs with their style, list numbering and runs, hyperlink targets resolved
 * through the relationships. And an oracle for "what GitHub shows": micromark (the
 * CommonMark reference parser markdownlint uses) with GFM autolink literals.
 */

export function partsOf(bytes: Uint8Array): Map<string, string> {
  return new Map(readZip(bytes).map((f) => [f.name, f.data.toString('utf8')]));
}

export function part(bytes: Uint8Array, name: string): string {
  const xml = partsOf(bytes).get(name);
  if (xml === undefined) throw new Error(`The package has no ${name}.`);
  return xml;
}

export interface RunInfo {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  /** Target of the hyperlink the run is in. */
  link: string | null;
  break: boolean;
}

export interface ParagraphInfo {
  style: string | null;
  numId: number | null;
  level: number | null;
  text: string;
  runs: RunInfo[];
  xml: string;
}

/** External relationships of a .rels part: id → target. */
export function relationships(relsXml: string): Map<string, { target: string; type: string; external: boolean }> {
  const out = new Map<string, { target: string; type: string; external: boolean }>();
  for (const m of relsXml.matchAll(/<Relationship\s([^>]*?)\/>/g)) {
    const attr = (name: string) => decodeXml(new RegExp(`\\b${name}="([^"]*)"`).exec(m[1]!)?.[1] ?? '');
    out.set(attr('Id'), { target: attr('Target'), type: attr('Type').split('/').at(-1)!, external: attr('TargetMode') === 'External' });
  }
  return out;
}

/** Every paragraph of word/document.xml (the package holds no nested paragraphs). */
export function paragraphs(bytes: Uint8Array): ParagraphInfo[] {
  const parts = partsOf(bytes);
  const rels = relationships(parts.get('word/_rels/document.xml.rels') ?? '');
  const xml = parts.get('word/document.xml')!;
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p\/>/g)].map((m) => {
    const body = m[1] ?? '';
    const runs: RunInfo[] = [];
    for (const token of body.matchAll(/<w:hyperlink r:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>|<w:r>([\s\S]*?)<\/w:r>/g)) {
      const link = token[1] ? rels.get(token[1])!.target : null;
      const runXmls = token[2] !== undefined ? [...token[2].matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((r) => r[1]!) : [token[3]!];
      for (const r of runXmls) {
        const text = [...r.matchAll(/<w:t[^>]*>([\s\S]*?)<\/w:t>/g)].map((t) => decodeXml(t[1]!)).join('');
        runs.push({
          text,
          bold: /<w:b\/>/.test(r),
          italic: /<w:i\/>/.test(r),
          code: /VerbatimChar|Courier New/.test(r),
          link,
          break: /<w:br\/>/.test(r),
        });
      }
    }
    return {
      style: /<w:pStyle w:val="([^"]+)"\/>/.exec(body)?.[1] ?? null,
      numId: Number(/<w:numId w:val="(\d+)"\/>/.exec(body)?.[1] ?? NaN) || null,
      level: /<w:ilvl w:val="(\d+)"\/>/.test(body) ? Number(/<w:ilvl w:val="(\d+)"\/>/.exec(body)![1]) : null,
      text: runs.map((r) => (r.break ? ' ' : r.text)).join(''),
      runs,
      xml: m[0],
    };
  });
}

/** Whitespace as a reader sees it: runs of spaces and line breaks are one space. */
export const normalize = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** The elements of an XML part's root, by tag name, in order. */
export function childElements(xml: string): string[] {
  const root = /<([\w:]+)[^>]*?>([\s\S]*)<\/\1>\s*$/.exec(xml.replace(/^<\?xml[^>]*>\s*/, ''));
  if (!root) return [];
  return [...root[2]!.matchAll(/<([\w:]+)[\s>/]/g)].map((m) => m[1]!).filter((name, i, all) => all.indexOf(name) === i);
}

const HTML_ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decodeHtml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot);/gi, (all, body: string) =>
    HTML_ENTITY[body] ?? (body.startsWith('#x') ? String.fromCodePoint(Number.parseInt(body.slice(2), 16)) : body.startsWith('#') ? String.fromCodePoint(Number(body.slice(1))) : all),
  );

/** What GitHub shows of some Markdown: the visible text of each block (paragraph, heading, list item, code), and every link target. */
export function oracle(markdown: string): { blocks: string[]; links: string[]; headings: { level: number; text: string }[] } {
  const html = micromark(markdown, { extensions: [gfmAutolinkLiteral()], htmlExtensions: [gfmAutolinkLiteralHtml()] });
  const blocks: string[] = [];
  const headings: { level: number; text: string }[] = [];
  let buffer = '';
  let heading = 0;
  const flush = () => {
    const text = normalize(decodeHtml(buffer));
    if (text) {
      blocks.push(text);
      if (heading) headings.push({ level: heading, text });
    }
    buffer = '';
    heading = 0;
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/g)) {
    if (m[3] !== undefined) {
      buffer += m[3];
      continue;
    }
    const tag = m[2]!;
    if (tag === 'br') buffer += '\n';
    else if (/^(p|h[1-6]|li|ul|ol|pre|blockquote|hr)$/.test(tag)) {
      flush();
      if (!m[1] && /^h[1-6]$/.test(tag)) heading = Number(tag[1]);
    }
  }
  flush();
  const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => decodeHtml(m[1]!));
  return { blocks, links, headings };
}
