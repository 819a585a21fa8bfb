/**
 * The one table of limits. Every door into the store — the editor, DD, notes, candidate
 * and archive imports — applies these numbers and says the same words when one is passed
 * (`overLimit`), so nothing one door accepts is refused by another later: above all, the
 * archive of any project within these limits imports again (a project is measured as its
 * archive, and the archive door reads files of that size).
 *
 * The numbers are far beyond a real DD (the largest document of the corpus is 75 KB; a
 * summary is ~5 paragraphs) and low enough that the largest allowed project is read,
 * exported and checked in a few hundred MB of memory (`npm run bench -- --only limits`).
 */
export const LIMITS = {
  /** Any file an import reads: a DD, interview notes, a candidate list, an archive. */
  fileBytes: 50_000_000,
  /** One project, measured as its archive (the JSON `archive export` writes). */
  projectBytes: 50_000_000,
  /** One text: a summary, interview notes, one answer, a quote, a note. */
  fieldBytes: 1_000_000,
  /** One name or label: an organization, a person, an industry, a role. */
  nameCharacters: 200,
  /** Adopters of one project; their numbers run from 1 to this. */
  adopters: 999,
  /** Quotes and lists nested deeper than this read as text (markdown/blocks.ts MAX_NESTING). */
  nesting: 32,
} as const;

/** "5.2 MB", "812 KB", "17 bytes": sizes as a reviewer reads them (1 MB = 1,000,000 bytes). */
export function sizeInWords(bytes: number): string {
  if (bytes >= 1_000_000) return `${tenths(bytes, 1_000_000)} MB`;
  if (bytes >= 1_000) return `${tenths(bytes, 1_000)} KB`;
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** One decimal, none when it is 0, rounded up in integers: 1,000,001 bytes must not read "1 MB", the limit itself. */
function tenths(bytes: number, unit: number): string {
  const count = Math.ceil(bytes / (unit / 10));
  return count % 10 === 0 ? String(count / 10) : `${Math.floor(count / 10)}.${count % 10}`;
}

/** "The summary of Adopter 3 is 5.2 MB; the limit is 1 MB." — `what` names the thing, capitalised as the sentence's start. */
export function overLimit(what: string, bytes: number, limitBytes: number): string {
  return `${what} is ${sizeInWords(bytes)}; the limit is ${sizeInWords(limitBytes)}.`;
}

/** The one sentence for a file over the limit, whichever door read it (the import screen before sending it, the services after). */
export function fileTooLarge(fileName: string, bytes: number): string {
  return `${overLimit(fileName, bytes, LIMITS.fileBytes).replace(/\.$/, '')}, far beyond any DD or notes; this is not a file Adoption Desk imports. Nothing was imported.`;
}

const utf8 = new TextEncoder();

/** The size of a text as stored (UTF-8). */
export function byteLength(text: string): number {
  // TextEncoder copies; for long texts count without the copy.
  if (text.length < 4096) return utf8.encode(text).length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
