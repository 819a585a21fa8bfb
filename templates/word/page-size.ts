/** The paper the reviewer's settings choose. */
export type PageSize = 'a4' | 'letter';

/** Width and height in twips (1/1440 inch), as Word's w:pgSz writes them. */
export const PAGE_SIZES: Record<PageSize, { width: number; height: number }> = {
  a4: { width: 11906, height: 16838 },
  letter: { width: 12240, height: 15840 },
};

/** One inch on every side. */
export const PAGE_MARGIN = 1440;
