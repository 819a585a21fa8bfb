import { writeZip } from './zip';

/**
 * Writes a WordprocessingML package (.docx) from a flat list of paragraphs. Every part
 * is spelled out here, so the bytes depend on the document alone: relationship ids are
 * numbered in order, dates come from the document, nothing is read from the machine
 * (no user name, host, path or clock), and docProps hold exactly DOCUMENT_PROPERTIES.
 * The styles are Word's built-in ones by their built-in names ("heading 1"…, each with
 * its outline level), so the navigation pane and a table of contents work in Word and
 * LibreOffice alike.
 *
 * Why not the `docx` package: measured on the build machine, loading it costs ~0.23 s
 * (more than pandoc's whole run for a small DD) and building + compiling a 1,000-adopter
 * section ~5 s; it also writes random relationship ids, the clock's dates and "Un-named"
 * authors, which would all have to be rewritten after the fact. These few hundred lines
 * write the same WordprocessingML in ~0.3 s, deterministically.
 */

export type PageSize = 'a4' | 'letter';

export type StyleId =
  | 'Normal'
  | 'Title'
  | 'Subtitle'
  | 'Heading1'
  | 'Heading2'
  | 'Heading3'
  | 'Heading4'
  | 'Heading5'
  | 'Heading6'
  | 'ListParagraph'
  | 'Quote'
  | 'SourceCode';

export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  /** Grey, for "no notes" and the like. */
  muted?: boolean;
  /** An absolute http(s) or mailto address; the run becomes (part of) a hyperlink. */
  link?: string | null;
}

export type Run = TextRun | { break: true };

export interface Paragraph {
  style?: StyleId;
  runs: Run[];
  /** A list item: which numbering instance and how deep. */
  list?: { numId: number; level: number };
  /** Indented like the text of a list item at this depth (a second paragraph of an item). */
  indentLevel?: number;
  keepNext?: boolean;
  /** A thematic break: an empty paragraph with a line under it. */
  rule?: boolean;
}

export interface WordDocument {
  /** docProps title. */
  title: string;
  /** Printed at the top of every page, when set. */
  header?: string;
  /** W3CDTF, e.g. 2024-10-01T00:00:00Z: docProps created/modified and every zip entry's time. */
  date: string;
  paragraphs: Paragraph[];
  /** Numbered lists, each its own numbering instance (numId = BULLET_NUM_ID + 1 + index). */
  numberedLists: { level: number; start: number }[];
}

export interface PackageOptions {
  /** dc:creator and cp:lastModifiedBy; left out entirely when empty. */
  authorName: string;
  pageSize: PageSize;
}

/** The numbering instance every bullet list shares (bullets have no count to restart). */
export const BULLET_NUM_ID = 1;

export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The properties a document carries, and nothing else (a test holds us to it). */
export const DOCUMENT_PROPERTIES = {
  core: ['dc:title', 'dc:creator', 'cp:lastModifiedBy', 'dcterms:created', 'dcterms:modified'],
  app: ['Application'],
} as const;

export const APPLICATION_NAME = 'Adoption Desk';

const PAGE_SIZES: Record<PageSize, { w: number; h: number }> = {
  a4: { w: 11906, h: 16838 },
  letter: { w: 12240, h: 15840 },
};

const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Characters XML 1.0 cannot carry (C0 controls but tab and newline, lone surrogates, U+FFFE/F).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '').replace(/[&<>"]/g, (ch) => ESCAPES[ch]!);
}

/** http(s) and mailto addresses become hyperlinks; anything else (relative, javascript:, #anchor) stays plain text. */
export function linkable(href: string | null | undefined): href is string {
  if (!href) return false;
  try {
    const url = new URL(href);
    return (url.protocol === 'http:' || url.protocol === 'https:') ? url.hostname !== '' : url.protocol === 'mailto:' && url.pathname !== '';
  } catch {
    return false;
  }
}

function runProperties(run: TextRun, inLink: boolean): string {
  let props = '';
  if (inLink) props += '<w:rStyle w:val="Hyperlink"/>';
  else if (run.code) props += '<w:rStyle w:val="VerbatimChar"/>';
  if (inLink && run.code) props += '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>';
  if (run.bold) props += '<w:b/><w:bCs/>';
  if (run.italic) props += '<w:i/><w:iCs/>';
  if (run.strike) props += '<w:strike/>';
  if (run.muted) props += '<w:color w:val="6B6B6B"/>';
  return props ? `<w:rPr>${props}</w:rPr>` : '';
}

function textRunXml(run: TextRun, inLink: boolean): string {
  const props = runProperties(run, inLink);
  let xml = '';
  // Tabs and line breaks inside plain text become Word's own elements.
  for (const piece of run.text.split(/(\t|\n)/)) {
    if (piece === '') continue;
    if (piece === '\t') xml += `<w:r>${props}<w:tab/></w:r>`;
    else if (piece === '\n') xml += `<w:r>${props}<w:br/></w:r>`;
    else xml += `<w:r>${props}<w:t xml:space="preserve">${escapeXml(piece)}</w:t></w:r>`;
  }
  return xml;
}

class Relationships {
  private readonly byTarget = new Map<string, string>();
  readonly links: { id: string; target: string }[] = [];
  constructor(private next: number) {}
  hyperlink(target: string): string {
    let id = this.byTarget.get(target);
    if (!id) {
      id = `rId${this.next++}`;
      this.byTarget.set(target, id);
      this.links.push({ id, target });
    }
    return id;
  }
}

function runsXml(runs: readonly Run[], rels: Relationships): string {
  let xml = '';
  let i = 0;
  while (i < runs.length) {
    const run = runs[i]!;
    if ('break' in run) {
      xml += '<w:r><w:br/></w:r>';
      i++;
      continue;
    }
    if (linkable(run.link)) {
      // Consecutive runs to the same address make one hyperlink ("**the** notes").
      const target = run.link;
      let inner = '';
      while (i < runs.length) {
        const next = runs[i]!;
        if ('break' in next || next.link !== target) break;
        inner += textRunXml(next, true);
        i++;
      }
      xml += `<w:hyperlink r:id="${rels.hyperlink(target)}" w:history="1">${inner}</w:hyperlink>`;
      continue;
    }
    xml += textRunXml(run, false);
    i++;
  }
  return xml;
}

function paragraphXml(p: Paragraph, rels: Relationships): string {
  let props = '';
  if (p.style && p.style !== 'Normal') props += `<w:pStyle w:val="${p.style}"/>`;
  if (p.keepNext) props += '<w:keepNext/>';
  if (p.list) props += `<w:numPr><w:ilvl w:val="${p.list.level}"/><w:numId w:val="${p.list.numId}"/></w:numPr>`;
  if (p.rule) props += '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="A6A6A6"/></w:pBdr>';
  if (p.indentLevel !== undefined && !p.list) props += `<w:ind w:left="${720 * (p.indentLevel + 1)}"/>`;
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runsXml(p.runs, rels)}</w:p>`;
}

const HEADING_STYLES = [
  { size: 32, color: '1F3864', italic: false, before: 360 },
  { size: 28, color: '1F3864', italic: false, before: 320 },
  { size: 26, color: '1F3864', italic: false, before: 280 },
  { size: 24, color: '2F5496', italic: false, before: 240 },
  { size: 22, color: '2F5496', italic: false, before: 240 },
  { size: 22, color: '2F5496', italic: true, before: 200 },
];

function stylesXml(): string {
  const headings = HEADING_STYLES.map(
    (h, i) =>
      `<w:style w:type="paragraph" w:styleId="Heading${i + 1}"><w:name w:val="heading ${i + 1}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
      `<w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${h.before}" w:after="120"/><w:outlineLvl w:val="${i}"/></w:pPr>` +
      `<w:rPr><w:b/><w:bCs/>${h.italic ? '<w:i/><w:iCs/>' : ''}<w:color w:val="${h.color}"/><w:sz w:val="${h.size}"/><w:szCs w:val="${h.size}"/></w:rPr></w:style>`,
  ).join('');
  return (
    `${DECLARATION}<w:styles xmlns:w="${NS_W}">` +
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>' +
    '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>' +
    '<w:pPr><w:spacing w:after="120"/><w:contextualSpacing/></w:pPr><w:rPr><w:color w:val="1F3864"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="11"/><w:qFormat/>' +
    '<w:rPr><w:color w:val="595959"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>' +
    headings +
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/>' +
    '<w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="29"/><w:qFormat/>' +
    '<w:pPr><w:ind w:left="720" w:right="720"/></w:pPr><w:rPr><w:i/><w:iCs/><w:color w:val="404040"/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="SourceCode"><w:name w:val="Source Code"/><w:basedOn w:val="Normal"/><w:qFormat/>' +
    '<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/><w:spacing w:after="160" w:line="240" w:lineRule="auto"/></w:pPr>' +
    '<w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>' +
    '<w:style w:type="character" w:styleId="VerbatimChar"><w:name w:val="Verbatim Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>' +
    '<w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>' +
    '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>' +
    '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>' +
    '<w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>' +
    '<w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>' +
    '</w:styles>'
  );
}

const BULLETS = ['•', '◦', '▪'];

function levelXml(level: number, ordered: boolean): string {
  const format = ordered ? '<w:numFmt w:val="decimal"/>' : '<w:numFmt w:val="bullet"/>';
  const text = ordered ? `%${level + 1}.` : BULLETS[level % BULLETS.length]!;
  return (
    `<w:lvl w:ilvl="${level}"><w:start w:val="1"/>${format}<w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/>` +
    `<w:pPr><w:ind w:left="${720 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>`
  );
}

function numberingXml(doc: WordDocument): string {
  const levels = (ordered: boolean) => Array.from({ length: 9 }, (_, l) => levelXml(l, ordered)).join('');
  const numbered = doc.numberedLists
    .map(
      (list, i) =>
        `<w:num w:numId="${BULLET_NUM_ID + 1 + i}"><w:abstractNumId w:val="1"/>` +
        `<w:lvlOverride w:ilvl="${list.level}"><w:startOverride w:val="${list.start}"/></w:lvlOverride></w:num>`,
    )
    .join('');
  return (
    `${DECLARATION}<w:numbering xmlns:w="${NS_W}">` +
    `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>${levels(false)}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>${levels(true)}</w:abstractNum>` +
    `<w:num w:numId="${BULLET_NUM_ID}"><w:abstractNumId w:val="0"/></w:num>${numbered}</w:numbering>`
  );
}

function settingsXml(): string {
  return (
    `${DECLARATION}<w:settings xmlns:w="${NS_W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>` +
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'
  );
}

const field = (instruction: string, shown: string) =>
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  `<w:r><w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r>` +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  `<w:r><w:t>${shown}</w:t></w:r>` +
  '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

/** "Page 3 of 7", fields Word and LibreOffice fill in on every page. */
function footerXml(): string {
  return (
    `${DECLARATION}<w:ftr xmlns:w="${NS_W}" xmlns:r="${NS_R}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
    `<w:r><w:t xml:space="preserve">Page </w:t></w:r>${field('PAGE', '1')}<w:r><w:t xml:space="preserve"> of </w:t></w:r>${field('NUMPAGES', '1')}</w:p></w:ftr>`
  );
}

function headerXml(text: string): string {
  return (
    `${DECLARATION}<w:hdr xmlns:w="${NS_W}" xmlns:r="${NS_R}"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>` +
    `<w:r><w:rPr><w:b/><w:bCs/><w:color w:val="C00000"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p></w:hdr>`
  );
}

function coreXml(doc: WordDocument, options: PackageOptions): string {
  const author = options.authorName.trim();
  return (
    `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(doc.title)}</dc:title>` +
    (author ? `<dc:creator>${escapeXml(author)}</dc:creator><cp:lastModifiedBy>${escapeXml(author)}</cp:lastModifiedBy>` : '') +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${doc.date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${doc.date}</dcterms:modified></cp:coreProperties>`
  );
}

function appXml(): string {
  return (
    `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
    `<Application>${APPLICATION_NAME}</Application></Properties>`
  );
}

function contentTypesXml(hasHeader: boolean): string {
  const wml = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  return (
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('/word/document.xml', `${wml}.document.main+xml`) +
    override('/word/styles.xml', `${wml}.styles+xml`) +
    override('/word/numbering.xml', `${wml}.numbering+xml`) +
    override('/word/settings.xml', `${wml}.settings+xml`) +
    override('/word/footer1.xml', `${wml}.footer+xml`) +
    (hasHeader ? override('/word/header1.xml', `${wml}.header+xml`) : '') +
    override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>'
  );
}

function packageRelsXml(): string {
  return (
    `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>'
  );
}

/** The parts of the package, in zip order, as text. */
export function documentParts(doc: WordDocument, options: PackageOptions): { name: string; data: string }[] {
  const size = PAGE_SIZES[options.pageSize];
  const hasHeader = !!doc.header;
  // rId1–5 are the fixed parts; hyperlinks follow in the order they first appear.
  const rels = new Relationships(6);
  const body: string[] = [];
  for (const p of doc.paragraphs) body.push(paragraphXml(p, rels));
  const documentXml =
    `${DECLARATION}<w:document xmlns:w="${NS_W}" xmlns:r="${NS_R}"><w:body>${body.join('')}` +
    `<w:sectPr>${hasHeader ? '<w:headerReference w:type="default" r:id="rId5"/>' : ''}<w:footerReference w:type="default" r:id="rId4"/>` +
    `<w:pgSz w:w="${size.w}" w:h="${size.h}"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>` +
    '</w:sectPr></w:body></w:document>';
  const documentRels =
    `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/>` +
    `<Relationship Id="rId3" Type="${REL}/settings" Target="settings.xml"/>` +
    `<Relationship Id="rId4" Type="${REL}/footer" Target="footer1.xml"/>` +
    (hasHeader ? `<Relationship Id="rId5" Type="${REL}/header" Target="header1.xml"/>` : '') +
    rels.links.map((l) => `<Relationship Id="${l.id}" Type="${REL}/hyperlink" Target="${escapeXml(l.target)}" TargetMode="External"/>`).join('') +
    '</Relationships>';
  return [
    { name: '[Content_Types].xml', data: contentTypesXml(hasHeader) },
    { name: '_rels/.rels', data: packageRelsXml() },
    { name: 'docProps/core.xml', data: coreXml(doc, options) },
    { name: 'docProps/app.xml', data: appXml() },
    { name: 'word/document.xml', data: documentXml },
    { name: 'word/_rels/document.xml.rels', data: documentRels },
    { name: 'word/styles.xml', data: stylesXml() },
    { name: 'word/numbering.xml', data: numberingXml(doc) },
    { name: 'word/settings.xml', data: settingsXml() },
    { name: 'word/footer1.xml', data: footerXml() },
    ...(hasHeader ? [{ name: 'word/header1.xml', data: headerXml(doc.header!) }] : []),
  ];
}

/** The .docx bytes: the same document and options always give the same bytes. */
export function packDocx(doc: WordDocument, options: PackageOptions): Buffer {
  return writeZip(documentParts(doc, options), doc.date);
}
