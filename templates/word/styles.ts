import type { IBaseParagraphStyleOptions, IStylesOptions } from 'docx';

/**
 * The styles of every document: Word's built-in styles under their built-in names
 * ("heading 1"…, each with its outline level, so Word's navigation pane and a table of
 * contents find the headings; "List Paragraph", "Quote", "header", "footer"), plus
 * "Source Code" and "Verbatim Char" for code as pandoc names them. Plain data typed
 * with docx's options: nothing here loads docx.
 */

const HEADINGS = [
  { size: 32, color: '1F3864', italics: false, before: 360 },
  { size: 28, color: '1F3864', italics: false, before: 320 },
  { size: 26, color: '1F3864', italics: false, before: 280 },
  { size: 24, color: '2F5496', italics: false, before: 240 },
  { size: 22, color: '2F5496', italics: false, before: 240 },
  { size: 22, color: '2F5496', italics: true, before: 200 },
] as const;

const COURIER = 'Courier New';

function heading(index: number): IBaseParagraphStyleOptions {
  const h = HEADINGS[index]!;
  return {
    name: `heading ${index + 1}`,
    uiPriority: 9,
    run: { bold: true, ...(h.italics ? { italics: true } : {}), color: h.color, size: h.size },
    paragraph: { keepNext: true, keepLines: true, spacing: { before: h.before, after: 120 }, outlineLevel: index },
  };
}

export const DOCUMENT_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: 'Calibri', size: 22, language: { value: 'en-US', eastAsia: 'en-US', bidirectional: 'ar-SA' } },
      paragraph: { spacing: { after: 160, line: 264, lineRule: 'auto' } },
    },
    title: { uiPriority: 10, run: { color: '1F3864', size: 44 }, paragraph: { spacing: { after: 120 }, contextualSpacing: true } },
    heading1: heading(0),
    heading2: heading(1),
    heading3: heading(2),
    heading4: heading(3),
    heading5: heading(4),
    heading6: heading(5),
    listParagraph: { uiPriority: 34, paragraph: { spacing: { after: 60 }, indent: { left: 720 } } },
  },
  paragraphStyles: [
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', uiPriority: 11, quickFormat: true, run: { color: '595959', size: 24 } },
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      uiPriority: 29,
      quickFormat: true,
      paragraph: { indent: { left: 720, right: 720 } },
      run: { italics: true, color: '404040' },
    },
    {
      id: 'SourceCode',
      name: 'Source Code',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: { shading: { type: 'clear', color: 'auto', fill: 'F2F2F2' }, spacing: { after: 160, line: 240, lineRule: 'auto' } },
      run: { font: COURIER, size: 19 },
    },
    { id: 'Header', name: 'header', basedOn: 'Normal', uiPriority: 99, paragraph: { spacing: { after: 0 }, alignment: 'center' } },
    {
      id: 'Footer',
      name: 'footer',
      basedOn: 'Normal',
      uiPriority: 99,
      paragraph: { spacing: { after: 0 }, alignment: 'center' },
      run: { color: '595959', size: 18 },
    },
  ],
  characterStyles: [{ id: 'VerbatimChar', name: 'Verbatim Char', quickFormat: true, run: { font: COURIER, size: 20 } }],
};

/** Code inside a hyperlink keeps the link's style and takes the code's font. */
export const CODE_FONT = COURIER;
