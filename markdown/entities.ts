import { characterEntitiesLegacy } from 'character-entities-legacy';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';

/**
 * Character references, decoded the way GitHub's Markdown reader decodes them: every one
 * of HTML5's ~2,100 names and numeric references, with the maintained functions micromark
 * itself uses. This is the only entity decoder in Adoption Desk: the reader, the
 * anonymity guard and the importers all go through it, so `Nestl&eacute;` is "Nestlé"
 * everywhere or nowhere.
 */

export interface Reference {
  value: string;
  length: number;
}

/** A Markdown character reference at `at` (starting with "&", ending with ";"), or null. */
export function characterReferenceAt(text: string, at: number): Reference | null {
  const m = /^&(?:#([xX])([0-9a-fA-F]{1,6})|#(\d{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/.exec(text.slice(at, at + 40));
  if (!m) return null;
  if (m[4] !== undefined) {
    const value = decodeNamedCharacterReference(m[4]);
    return value === false ? null : { value, length: m[0].length };
  }
  const value = m[2] !== undefined ? decodeNumericCharacterReference(m[2], 16) : decodeNumericCharacterReference(m[3]!, 10);
  return { value, length: m[0].length };
}

const LEGACY = new Set(characterEntitiesLegacy);

/**
 * A reference in the text of raw HTML, as a browser reads it: numeric ones may leave out
 * the ";", and so may the legacy names (`&eacute` reads "é"), matched longest first.
 */
export function htmlReferenceAt(text: string, at: number): Reference | null {
  const markdown = characterReferenceAt(text, at);
  if (markdown) return markdown;
  const numeric = /^&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}))/.exec(text.slice(at, at + 12));
  if (numeric) {
    const value = numeric[1] !== undefined ? decodeNumericCharacterReference(numeric[1], 16) : decodeNumericCharacterReference(numeric[2]!, 10);
    return { value, length: numeric[0].length };
  }
  const name = /^&([A-Za-z0-9]{2,8})/.exec(text.slice(at, at + 10))?.[1];
  for (let length = name?.length ?? 0; length >= 2; length--) {
    const candidate = name!.slice(0, length);
    if (LEGACY.has(candidate)) {
      const value = decodeNamedCharacterReference(candidate);
      if (value !== false) return { value, length: length + 1 };
    }
  }
  return null;
}

/** Every reference in `text` decoded (Markdown's rules, or a browser's for raw HTML); anything else stays. */
export function decodeCharacterReferences(text: string, html = false): string {
  if (!text.includes('&')) return text;
  const find = html ? htmlReferenceAt : characterReferenceAt;
  let out = '';
  let last = 0;
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    const reference = find(text, i);
    if (!reference) continue;
    out += text.slice(last, i) + reference.value;
    last = i + reference.length;
    i = last - 1;
  }
  return out + text.slice(last);
}
