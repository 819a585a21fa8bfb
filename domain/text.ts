/** Small text rules shared by every schema; the limits are domain/limits.ts's table. */
import { LIMITS } from './limits';

export { byteLength } from './limits';

/** No single field may exceed 1 MB: a summary is ~5 paragraphs, notes a few pages. */
export const MAX_FIELD_BYTES = LIMITS.fieldBytes;
export const MAX_NAME_LENGTH = LIMITS.nameCharacters;

/** Lower-case ASCII slug: "Globex Mesh!" -> "globex-mesh". Diacritics folded first. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Names are one line of plain text: a tab, newline or other control character is a paste accident. */
export function hasControlCharacters(text: string): boolean {
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) return true;
  }
  return false;
}
