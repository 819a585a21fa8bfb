import { strFromU8, unzipSync } from 'fflate';
import { micromark } from 'micromark';
import { gfmAutolinkLiteral, gfmAutolinkLiteralHtml } from 'micromark-extension-gfm-autolink-literal';
import { decodeXml } from '../../../../templates/word/package-text';

/**
 * Reads .docx packages for assertions, independently of the writer: parts by name
 * (fflate's unzip), paragraphs with their style, list numbering and runs, hyperlink
 * targets resolved through the relationships, lists through numbering.xml. And an
 * oracle for "what GitHub shows": micromark (the CommonMark reference parser
 * markdownlint uses) with GFM autolink literals.
 */

export function partsOf(bytes: Uint8Array): Map<string, string> {
  return new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

export interface ZipEntryHeader {
  name: string;
  /** MS-DOS date and time fields as stored in the central directory. */
  date: number;
  time: number;
  /** High byte of "version made by": 0 is MS-DOS (no Unix owner or permissions). */
  madeBy: number;
  extraLength: number;
  externalAttributes: number;
}

/** The central directory's record of each entry (what fflate's unzip does not report: times, origin, attributes). */
export function zipEntryHeaders(bytes: Uint8Array): ZipEntryHeader[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('Not a zip file.');
  const headers: ZipEntryHeader[] = [];
  let at = buf.readUInt32LE(end + 16);
  for (let n = buf.readUInt16LE(end + 10); n > 0; n--) {
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    headers.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      madeBy: buf.readUInt8(at + 5),
      time: buf.readUInt16LE(at + 12),
      date: buf.readUInt16LE(at + 14),
      extraLength,
      externalAttributes: buf.readUInt32LE(at + 38),
    });
    at += 46 + nameLength + extraLength + buf.readUInt16LE(at + 32);
  }
  return headers;
}

/** The MS-DOS date and time of an ISO instant, read in UTC (2-second steps). */
export function dosStamp(iso: string): { date: number; time: number } {
  const d = new Date(iso);
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
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
  /** Target of the hyperlink the run is in (its address, with the w:anchor fragment if any). */
  link: string | null;
  break: boolean;
}

export interface ParagraphInfo {
  style: string | null;
  numId: number | null;
  level: number | null;
  /** A list item's numbering: bullets or numbers, and the number its list starts from. */
  list: { format: string; start: number } | null;
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

const attribute = (attrs: string, name: string) => {
  const value = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
  return value === undefined ? undefined : decodeXml(value);
};

/**
 * The lists of numbering.xml: numId → each level's format and start (the w:num's
 * startOverride, else its abstract list's start).
 */
export function numbering(bytes: Uint8Array): Map<number, Map<number, { format: string; start: number }>> {
  const xml = partsOf(bytes).get('word/numbering.xml') ?? '';
  const abstract = new Map<string, Map<number, { format: string; start: number }>>();
  for (const m of xml.matchAll(/<w:abstractNum ([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, { format: string; start: number }>();
    for (const l of m[2]!.matchAll(/<w:lvl ([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(Number(attribute(l[1]!, 'w:ilvl')), {
        format: /<w:numFmt w:val="([^"]+)"/.exec(l[2]!)?.[1] ?? '',
        start: Number(/<w:start w:val="(\d+)"/.exec(l[2]!)?.[1] ?? 1),
      });
    }
    abstract.set(attribute(m[1]!, 'w:abstractNumId')!, levels);
  }
  const lists = new Map<number, Map<number, { format: string; start: number }>>();
  for (const m of xml.matchAll(/<w:num ([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const levels = new Map([...(abstract.get(/<w:abstractNumId w:val="(\d+)"/.exec(m[2]!)![1]!) ?? [])].map(([l, v]) => [l, { ...v }]));
    for (const o of m[2]!.matchAll(/<w:lvlOverride w:ilvl="(\d+)">[\s\S]*?<w:startOverride w:val="(\d+)"\/>/g)) {
      const level = levels.get(Number(o[1]));
      if (level) level.start = Number(o[2]);
    }
    lists.set(Number(attribute(m[1]!, 'w:numId')), levels);
  }
  return lists;
}

/** Every paragraph of word/document.xml, table cells included (the package holds no nested paragraphs). */
export function paragraphs(bytes: Uint8Array): ParagraphInfo[] {
  const parts = partsOf(bytes);
  const rels = relationships(parts.get('word/_rels/document.xml.rels') ?? '');
  const lists = numbering(bytes);
  const xml = parts.get('word/document.xml')!;
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p\/>/g)].map((m) => {
    const body = m[1] ?? '';
    const runs: RunInfo[] = [];
    for (const token of body.matchAll(/<w:hyperlink ([^>]*)>([\s\S]*?)<\/w:hyperlink>|<w:r>([\s\S]*?)<\/w:r>/g)) {
      let link: string | null = null;
      if (token[1] !== undefined) {
        const anchor = attribute(token[1], 'w:anchor');
        link = rels.get(attribute(token[1], 'r:id')!)!.target + (anchor ? `#${anchor}` : '');
      }
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
    const numId = Number(/<w:numId w:val="(\d+)"\/>/.exec(body)?.[1] ?? NaN) || null;
    const level = /<w:ilvl w:val="(\d+)"\/>/.test(body) ? Number(/<w:ilvl w:val="(\d+)"\/>/.exec(body)![1]) : null;
    return {
      style: /<w:pStyle w:val="([^"]+)"\/>/.exec(body)?.[1] ?? null,
      numId,
      level,
      list: numId !== null && level !== null ? (lists.get(numId)?.get(level) ?? null) : null,
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
