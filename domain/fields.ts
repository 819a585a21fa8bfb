import { z } from 'zod';
import { overLimit } from './limits';
import { MAX_FIELD_BYTES, MAX_NAME_LENGTH, byteLength, hasControlCharacters } from './text';

/** A one-line name: trimmed, not empty, no control characters. */
export const nameField = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} cannot be empty.`)
    .max(MAX_NAME_LENGTH, `${what} is at most ${MAX_NAME_LENGTH} characters.`)
    .refine((s) => !hasControlCharacters(s), `${what} cannot contain line breaks or control characters.`);

/** Free text (notes, summaries): any characters, at most 1 MB ("The summary is 5.2 MB; the limit is 1 MB."). */
export const longText = (what: string) =>
  z.string().superRefine((s, ctx) => {
    const problem = fieldTooLarge(what, s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The field limit in the words every door uses, or null when the text is within it. */
export function fieldTooLarge(what: string, text: string): string | null {
  // A character is at most 3 bytes (a surrogate pair 4 for 2): a short text needs no count.
  if (text.length * 3 <= MAX_FIELD_BYTES) return null;
  const bytes = byteLength(text);
  return bytes > MAX_FIELD_BYTES ? overLimit(what, bytes, MAX_FIELD_BYTES) : null;
}

/** Short optional text; empty becomes null so "no value" has one spelling. */
export const optionalLine = (what: string) =>
  z
    .string()
    .trim()
    .max(1000, `${what} is at most 1000 characters.`)
    .refine((s) => !hasControlCharacters(s), `${what} cannot contain line breaks or control characters.`)
    .transform((s) => (s === '' ? null : s))
    .nullable();

export const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .max(2000, `${what} is at most 2000 characters.`)
    .refine((s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
      } catch {
        return false;
      }
    }, `${what} must be a web address starting with http:// or https://.`);

export const optionalUrl = (what: string) =>
  z
    .union([z.literal(''), httpUrl(what)])
    .transform((s) => (s === '' ? null : s))
    .nullable();

export const emailField = z
  .string()
  .trim()
  .max(320, 'An e-mail address is at most 320 characters.')
  .regex(/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/, 'That is not an e-mail address (name@example.org).');

export const optionalEmail = z
  .union([z.literal(''), emailField])
  .transform((s) => (s === '' ? null : s))
  .nullable();

export const entityId = z.number().int().positive();
export const versionField = z.number().int().positive();

export const tagList = z
  .array(nameField('A tag'))
  .max(50, 'At most 50 tags.')
  .transform((tags) => [...new Set(tags)]);
