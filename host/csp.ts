/**
 * The Content-Security-Policy of every page: scripts and styles only from the app
 * itself, no eval, no inline script, and no network at all (connect-src 'self' is the
 * app's own origin: app://desk in the desktop app, which serves no data, and the
 * `adoption-desk serve` server, whose one socket answers window.desk).
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

/**
 * What a response header adds to the page's policy: no other page may frame the app
 * (a meta tag cannot say this; only a header can).
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
