import { createHash } from 'node:crypto';

/**
 * The fingerprint of a summary as the adopter approved it. Line endings are
 * normalized so that opening and saving on another platform is not an "edit".
 */
export function summaryHash(summary: string): string {
  return createHash('sha256').update(summary.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}
