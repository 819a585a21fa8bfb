import { assertNoLeaks, type GuardReport } from '../guard/scan';
import { DEFAULT_RENDER_OPTIONS, type PublicationData, type RenderOptions } from '../adoption/model';
import { renderAdoptionSection, type RenderedSection } from '../adoption/section';
import { DocumentBuilder } from './builder';
import { scanDocxPackage } from './guard';
import { packDocx } from './pack';
import { documentDate, fileNamePart, type WordFile, type WordOptions } from './options';

export interface PublishedDocx extends WordFile {
  omitted: RenderedSection['omitted'];
  /** Hits released by the reviewer's allowances (reported, not blocking). */
  allowed: GuardReport['allowed'];
}

/** The public document's title (docProps): the guard scans it like the rest. */
export const adoptionDocxTitle = (projectName: string) => `${projectName}: Adoption`;

/**
 * The Adoption section as a Word document, made from the very Markdown the Markdown
 * export writes: its lines are read back with the Markdown reader, entry by entry, so
 * both say the same thing word for word. "#### Adoption" is Heading 4, each entry's
 * heading Heading 5, a heading inside a summary Heading 6 (it never outranks its entry).
 * Not exported: the only way out is publishAdoptionDocx, which runs the guard.
 */
function adoptionDocument(data: PublicationData, options: RenderOptions) {
  const rendered = renderAdoptionSection(data, options);
  const lines = rendered.markdown.split('\n');
  const builder = new DocumentBuilder();
  let cursor = 0;
  for (const entry of rendered.entries) {
    builder.markdown(lines.slice(cursor, entry.firstLine - 1).join('\n'));
    builder.entry(entry.number, () => {
      builder.markdown(lines[entry.firstLine - 1]!);
      builder.markdown(lines.slice(entry.firstLine, entry.lastLine).join('\n'), { minHeadingLevel: 6 });
    });
    cursor = entry.lastLine;
  }
  builder.markdown(lines.slice(cursor).join('\n'));
  const published = new Set(rendered.entries.map((e) => e.number));
  const date = documentDate(
    data.adopters.filter((a) => published.has(a.number)).flatMap((a) => a.interviews.flatMap((i) => [i.date, i.month, i.summarySentAt, i.approvedAt])),
  );
  return { doc: builder.build({ title: adoptionDocxTitle(data.project.name), date }), builder, omitted: rendered.omitted };
}

/**
 * The ONLY way the Adoption section leaves as a Word document: rendered, packed, then the
 * finished bytes are read back and every text part of the package (paragraphs, headers,
 * footers, hyperlink targets, document properties, every attribute) is scanned for every
 * secret of every anonymous adopter and person. Any hit not released by an allowance
 * refuses the export with LEAK_DETECTED and the report. There is no option to skip it.
 */
export async function publishAdoptionDocx(data: PublicationData, render: Partial<RenderOptions>, word: WordOptions): Promise<PublishedDocx> {
  const { doc, builder, omitted } = adoptionDocument(data, { ...DEFAULT_RENDER_OPTIONS, ...render });
  const bytes = await packDocx(doc, word);
  const guard = await scanDocxPackage(bytes, data, (part, index) => (part === 'word/document.xml' ? builder.entryOfParagraph(index) : null));
  assertNoLeaks(guard, data.project.slug);
  return { fileName: `${fileNamePart(data.project.slug)}-adoption.docx`, bytes, omitted, allowed: guard.allowed };
}
