import type * as Docx from 'docx';
import type * as Fflate from 'fflate';

/**
 * docx (~1 MB of JavaScript) and fflate are loaded the first time a Word document is
 * packed or read, not when the app or the command line starts: most runs never make a
 * Word file, and loading both costs more than the rest of a small command's start-up
 * (here: docx ~25–60 ms, fflate ~15 ms). Node caches the modules after the first load.
 * test/unit/templates/word/lazy-load.test.ts holds every entry point to this.
 */
export const loadDocx = (): Promise<typeof Docx> => import('docx');

export const loadFflate = (): Promise<typeof Fflate> => import('fflate');
