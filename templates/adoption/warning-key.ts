import { createHash } from 'node:crypto';

/**
 * A warning's fingerprint: its code, adopter, words and the text it was about (the
 * summary, for a misspelling or an edit after approval). A dismissal stores it; when the
 * text changes so does the fingerprint, and the dismissed warning shows again.
 */
export function warningKey(warning: { code: string; adopterNumber: number | null; message: string }, about: string): string {
  return createHash('sha256')
    .update([warning.code, String(warning.adopterNumber), warning.message, about.replace(/\r\n?/g, '\n')].join('\0'), 'utf8')
    .digest('hex');
}
