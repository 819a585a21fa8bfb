import type { DocumentFile } from '../../services/views';
import { platform } from './platform';

/**
 * Saves generated Markdown through the platform (renderer/src/platform.ts); returns what
 * happened in the host's words ("Downloaded x.md: …" in a browser).
 */
export function downloadText(fileName: string, text: string, mimeType = 'text/markdown'): string {
  platform.saveFile(fileName, new Blob([text], { type: `${mimeType};charset=utf-8` }));
  return platform.savedWords(fileName);
}

/** Saves a generated document (the contract carries it as base64) through the platform; returns what happened, in words. */
export function downloadFile(file: DocumentFile): string {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  platform.saveFile(file.fileName, new Blob([bytes], { type: file.mimeType }));
  return platform.savedWords(file.fileName);
}
