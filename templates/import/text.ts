import { LIMITS, byteLength, fileTooLarge } from '../../domain/limits';

/**
 * Imported files, from bytes or text to the plain text every importer parses: one
 * helper for the CLI (which reads the file) and the services (which get text from the
 * renderer), so both refuse and repair the same things the same way.
 *
 * - larger than 50 MB (domain/limits.ts): refused (a DD is ~100 KB; 50 MB is a wrong file, not a big DD);
 * - binary (NUL bytes, many control characters): refused;
 * - UTF-8 byte-order mark: dropped; UTF-16 with a byte-order mark: decoded;
 * - invalid UTF-8: read as Windows-1252 (what old editors wrote) with a warning;
 * - CRLF and lone CR line endings: LF.
 */

export const MAX_IMPORT_BYTES = LIMITS.fileBytes;

export { fileTooLarge };

export class ImportTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportTextError';
  }
}

export interface DecodedText {
  text: string;
  /** Sentences for the report: how the text was repaired. */
  warnings: string[];
}

/** Control characters that plain text does not contain (tab, LF, CR and form feed are fine). */
function controlCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f) count++;
  }
  return count;
}

function refuseBinary(fileName: string): never {
  throw new ImportTextError(`${fileName} is not a text file (it holds binary data); choose the Markdown, CSV or JSON file itself. Nothing was imported.`);
}

/** Line endings and the byte-order mark, for text that is already decoded. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Checks and normalizes text handed to a service (the renderer read the file itself):
 * size, binary content, replacement characters left by a failed decoding, BOM, CRLF.
 */
export function prepareImportText(fileName: string, text: string): DecodedText {
  const warnings: string[] = [];
  // A JS string of n UTF-16 units is n to 3n bytes in UTF-8: count only when it could be over.
  if (text.length > MAX_IMPORT_BYTES || text.length * 3 > MAX_IMPORT_BYTES) {
    const bytes = byteLength(text);
    if (bytes > MAX_IMPORT_BYTES) throw new ImportTextError(fileTooLarge(fileName, bytes));
  }
  if (text.includes('\u0000') || controlCount(text) > Math.max(8, text.length / 100)) refuseBinary(fileName);
  const replacements = (text.match(/\uFFFD/g) ?? []).length;
  if (replacements > Math.max(8, text.length / 50)) refuseBinary(fileName);
  if (replacements > 0) {
    warnings.push(`${fileName} had ${replacements} character${replacements === 1 ? '' : 's'} that could not be read (shown as �); check them after the import.`);
  }
  return { text: normalizeLineEndings(text), warnings };
}

/** Decodes a file read from disk (the CLI): refuses big or binary files, handles BOMs and legacy encodings. */
export function decodeImportBytes(fileName: string, bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportTextError(fileTooLarge(fileName, bytes.length));
  const warnings: string[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    warnings.push(`${fileName} is UTF-16 text; it was converted.`);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    warnings.push(`${fileName} is UTF-16 text; it was converted.`);
  } else {
    if (bytes.includes(0)) refuseBinary(fileName);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      warnings.push(`${fileName} is not valid UTF-8; it was read as Windows-1252 (Western European). Check accented letters after the import.`);
    }
  }
  const prepared = prepareImportText(fileName, text.replace(/^\uFEFF/, ''));
  return { text: prepared.text, warnings: [...warnings, ...prepared.warnings] };
}
