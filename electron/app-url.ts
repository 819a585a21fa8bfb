import { tryParseUrl } from './parse-url';

/**
 * The app is served from app://desk/ (never file://, never http). Anything else a
 * window tries to load is foreign.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  const parsed = tryParseUrl(url);
  if (!parsed) return false;
  // Credentials or a port in the URL mean someone is dressing a foreign URL as ours.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
