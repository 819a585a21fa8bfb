import type { INumberingOptions } from 'docx';

/**
 * The lists of a document. All bullet lists share one list (a bullet has no count to
 * restart); each numbered list is a list of its own (docx's `instance`), counting from
 * its Markdown start number ("3." starts at 3). A list's start is a property of the
 * list definition in Word, so there is one definition per start number the document
 * uses — nearly always just 1.
 */

export const BULLETS = 'bullets';

export const numberedReference = (start: number) => `numbered-from-${start}`;

const GLYPHS = ['•', '◦', '▪'];
const LEVELS = 9;

const levels = (format: 'bullet' | 'decimal', start: number) =>
  Array.from({ length: LEVELS }, (_, level) => ({
    level,
    format,
    text: format === 'bullet' ? GLYPHS[level % GLYPHS.length]! : `%${level + 1}.`,
    start,
    alignment: 'left' as const,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

export function numberingConfig(numberedLists: readonly { start: number }[]): INumberingOptions {
  const starts = [...new Set(numberedLists.map((list) => list.start))].sort((a, b) => a - b);
  return {
    config: [
      { reference: BULLETS, levels: levels('bullet', 1) },
      ...starts.map((start) => ({ reference: numberedReference(start), levels: levels('decimal', start) })),
    ],
  };
}
