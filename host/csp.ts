/**
 * The Content-Security-Policy of every page: scripts and styles only from the app
 * itself, no eval, no inline script, and no network at all (connect-src 'self' is the
 * app's own origin, which serves no data).
 * renderer/index.html carries the same policy in a meta tag; a test keeps them equal.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
