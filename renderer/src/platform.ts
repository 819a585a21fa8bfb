/**
 * The one place in the renderer that knows where it runs: in the desktop app (Electron, the page
 * at app://desk) or in a browser tab that `adoption-desk serve` opened (http://127.0.0.1). What
 * the desktop app does with native dialogs has a browser equivalent, and the rest of the
 * renderer reaches both only through `platform`:
 *
 * | need                                  | desktop app                                         | browser                                        |
 * |---------------------------------------|-----------------------------------------------------|------------------------------------------------|
 * | save a generated .md / .docx          | a download link: Electron shows its save dialog     | the same link: the browser's download          |
 * | say what happened to that file        | "Saved … where you chose."                           | "Downloaded …": the browser's downloads        |
 * | choose a file to import               | `<input type=file>`: the system's open dialog       | the browser's file chooser                     |
 * | confirm leaving with an unsaved edit  | `beforeunload` refused: the main process asks (electron/leave-guard.ts) | `beforeunload` refused: the browser asks |
 *
 * No other file reads `location.protocol` or asks "am I in Electron?"
 * (test/unit/architecture/layers.test.ts).
 */

export type Host = 'desktop' | 'browser';

export function hostOf(protocol: string): Host {
  return protocol === 'app:' ? 'desktop' : 'browser';
}

export interface Platform {
  readonly host: Host;
  /** Hands a file to the reviewer to keep; the bytes never leave this computer. */
  saveFile(fileName: string, blob: Blob): void;
  /** The text of a file the reviewer chose with an `<input type=file>`. */
  readChosenFile(file: File): Promise<string>;
  /** What `saveFile` did, in this host's terms, for the sentence after an export. */
  savedWords(fileName: string): string;
  /** Asks before the window or tab goes away while `unsaved()` says so; returns the undo. */
  askBeforeLeaving(unsaved: () => boolean): () => void;
}

function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has the bytes by now; a later revoke frees them.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function askBeforeLeaving(unsaved: () => boolean): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (unsaved()) event.preventDefault();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}

/** The desktop app asks where to save; a browser puts the file in its downloads, without asking. */
export function savedWordsFor(host: Host, fileName: string): string {
  return host === 'desktop' ? `Saved ${fileName} where you chose.` : `Downloaded ${fileName}: your browser keeps it with its downloads.`;
}

const host = hostOf(window.location.protocol);

export const platform: Platform = {
  host,
  savedWords: (fileName) => savedWordsFor(host, fileName),
  saveFile,
  readChosenFile: (file) => file.text(),
  askBeforeLeaving,
};
