import { loadFflate } from './libraries';

/**
 * Everything a reader (or a search engine, or Word's document inspector) can find in
 * a .docx package, part by part, as text: for the parts that hold paragraphs (document,
 * headers, footers, notes, comments) the text of each paragraph; for every XML part the
 * text of its elements and, separately, every attribute value (hyperlink targets in the
 * .rels parts, tooltips, style names…); other parts as UTF-8 text. The anonymity guard
 * scans exactly this, read back from the final bytes with fflate's unzip.
 */

export interface PartText {
  /** The part's path in the package, e.g. word/document.xml. */
  part: string;
  /** One entry per paragraph (parts that hold paragraphs), else per element with text. */
  lines: string[];
  /** Every distinct attribute value, in first-seen order (namespace declarations left out). */
  attributes: string[];
  /** The part holds paragraphs: `lines[i]` is paragraph i. */
  paragraphs: boolean;
}

const PARAGRAPH_PARTS = /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/;
// A tag's attributes are read only when it has some (quoted values may hold ">").
const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*)(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    name ? NAMED[name]! : codePointText(hex ? Number.parseInt(hex, 16) : Number(dec)),
  );
}

/**
 * A numeric reference's character. One outside Unicode (`&#x110000;`) or a surrogate reads
 * as U+FFFD, as XML readers and CommonMark read it, never a RangeError that ends the export.
 */
function codePointText(codePoint: number): string {
  return Number.isSafeInteger(codePoint) && codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff)
    ? String.fromCodePoint(codePoint)
    : '\uFFFD';
}

/** Elements whose text a reader sees; w:br, w:tab and w:cr read as a space. */
const TEXT_ELEMENTS = new Set(['w:t', 'w:instrText', 'w:delText', 'w:delInstrText']);
const SPACE_ELEMENTS = new Set(['w:br', 'w:tab', 'w:cr', 'w:noBreakHyphen']);

export function xmlPartText(part: string, xml: string): PartText {
  const paragraphs = PARAGRAPH_PARTS.test(part);
  const lines: string[] = [];
  const attributes = new Set<string>();
  let current: string | null = null; // the open paragraph's text
  let depth = 0; // nested w:p (text boxes) are read into their outer paragraph
  let inText = 0;
  let element = ''; // text of the innermost element, for parts without paragraphs
  for (const m of xml.matchAll(TOKEN)) {
    const [, cdata, closing, name, attrs, selfClosing, text] = m;
    if (name) {
      if (attrs && attrs.includes('=')) {
        for (const a of attrs.matchAll(ATTRIBUTE)) {
          if (a[1] === 'xmlns' || a[1]!.startsWith('xmlns:')) continue;
          const value = decodeXml(a[2] ?? a[3] ?? '');
          if (value.trim()) attributes.add(value);
        }
      }
      if (paragraphs) {
        if (name === 'w:p') {
          if (closing) {
            depth--;
            if (depth === 0 && current !== null) {
              lines.push(current);
              current = null;
            }
          } else if (selfClosing) {
            if (depth === 0) lines.push('');
          } else {
            if (depth === 0) current = '';
            depth++;
          }
        } else if (TEXT_ELEMENTS.has(name) && !selfClosing) {
          inText += closing ? -1 : 1;
        } else if (SPACE_ELEMENTS.has(name) && current !== null && !closing) {
          current += ' ';
        }
      } else {
        // Any tag ends the text before it: one line per element with text.
        if (element.trim()) lines.push(element);
        element = '';
      }
      continue;
    }
    const content = cdata ?? (text !== undefined ? decodeXml(text) : '');
    if (!content) continue;
    if (paragraphs) {
      if (inText > 0 && current !== null) current += content;
      else if (inText > 0 || (current === null && content.trim())) lines.push(content); // text outside any paragraph
    } else {
      element += content;
    }
  }
  if (!paragraphs && element.trim()) lines.push(element);
  return { part, lines, attributes: [...attributes], paragraphs };
}

/** The text of every part of a .docx package, in the package's order (folders left out). */
export async function packageText(bytes: Uint8Array): Promise<PartText[]> {
  const { unzipSync, strFromU8 } = await loadFflate();
  const files = unzipSync(bytes, { filter: (file) => !file.name.endsWith('/') });
  return Object.entries(files).map(([name, data]) => {
    const text = strFromU8(data);
    if (/\.(xml|rels)$/i.test(name)) return xmlPartText(name, text);
    return { part: name, lines: text.split('\n'), attributes: [], paragraphs: false };
  });
}

/** The paragraphs of word/document.xml as a reader sees them (tests and checks). */
export async function documentParagraphs(bytes: Uint8Array): Promise<string[]> {
  return (await packageText(bytes)).find((p) => p.part === 'word/document.xml')?.lines ?? [];
}
