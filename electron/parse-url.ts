/** `new URL` without the throw: a string that is not a URL is simply not trusted. */
export function tryParseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
