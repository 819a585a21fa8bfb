import type { DocumentFile } from '../../services/views';

/**
 * Hands a generated file to the browser's save flow. In the desktop app Electron shows
 * its save dialog for it; the bytes never leave this machine.
 */
export function downloadText(fileName: string, text: string, mimeType = 'text/markdown'): void {
  save(fileName, new Blob([text], { type: `${mimeType};charset=utf-8` }));
}

export function downloadFile(file: DocumentFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  save(file.fileName, new Blob([bytes], { type: file.mimeType }));
}

function save(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
