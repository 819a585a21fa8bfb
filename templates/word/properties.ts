import type { WordOptions } from './options';
import type { WordDocument } from './model';
import { escapeXml } from './xml-text';

/**
 * The document properties, written here rather than by docx: docx fills docProps/core.xml
 * from the clock (created, modified) and names the author "Un-named" when none is given,
 * and its app.xml is empty. These two parts replace its own (Packer's overrides), so a
 * document carries exactly DOCUMENT_PROPERTIES: its title, its dates from the data, the
 * author only when the reviewer set one, and the application's name — nothing read from
 * the machine.
 */

export const DOCUMENT_PROPERTIES = {
  core: ['dc:title', 'dc:creator', 'cp:lastModifiedBy', 'dcterms:created', 'dcterms:modified'],
  app: ['Application'],
} as const;

export const APPLICATION_NAME = 'Adoption Desk';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function corePropertiesXml(doc: Pick<WordDocument, 'title' | 'date'>, options: Pick<WordOptions, 'authorName'>): string {
  const author = options.authorName.trim();
  return (
    `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(doc.title)}</dc:title>` +
    (author ? `<dc:creator>${escapeXml(author)}</dc:creator><cp:lastModifiedBy>${escapeXml(author)}</cp:lastModifiedBy>` : '') +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(doc.date)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${escapeXml(doc.date)}</dcterms:modified></cp:coreProperties>`
  );
}

export function appPropertiesXml(): string {
  return (
    `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
    `<Application>${APPLICATION_NAME}</Application></Properties>`
  );
}
