import type { DocumentFile } from '../../services/views';
import { platform } from './platform';

/** Saves generated Markdown through the platform (renderer/src/platform.ts). */
export function downloadText(fileName: string, text: string, mimeType = 'text/markdown'): void {
  platform.saveFile(fileName, new Blob([text], { type: `${mimeType};charset=utf-8` }));
}

/** Saves a generated document (the contract carries it as base64) through the platform. */
export function downloadFile(file: DocumentFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  platform.saveFile(file.fileName, new Blob([bytes], { type: file.mimeType }));
}
