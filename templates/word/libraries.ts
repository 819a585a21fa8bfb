import type * as Docx from 'docx';
import type * as Fflate from 'fflate';

/**
 * docx (~1 MB of JavaScript) and fflate are loaded the first time a Word document is
 * packed or read, not when the app or the command line starts: most runs never make a
 * Word file, and loading both costs more than the rest of a small command's start-up
 * (measured here: docx 22–60 ms, fflate 15–30 ms, with the machine's load). Node caches the modules after the first load.
 * test/unit/templates/word/lazy-load.test.ts holds every entry point to this.
 */
export const loadDocx = (): Promise<typeof Docx> => import('docx');

export const loadFflate = (): Promise<typeof Fflate> => import('fflate');
