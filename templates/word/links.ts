/**
 * http(s) and mailto addresses become hyperlinks; anything else (relative, javascript:,
 * #anchor, file:) stays plain text, so a document never links somewhere a reader's
 * word processor would run or open locally.
 */
export function linkable(href: string | null | undefined): href is string {
  if (!href) return false;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname !== '' : url.protocol === 'mailto:' && url.pathname !== '';
  } catch {
    return false;
  }
}
