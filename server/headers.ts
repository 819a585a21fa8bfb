import { CONTENT_SECURITY_POLICY_HEADER } from '../host/csp';

/**
 * On every response, refusals included: the app's CSP (as the desktop app's protocol sends
 * it) and no framing by any page; no type sniffing; no Referer leaving the app; nothing kept
 * in the browser's cache (the pages hold the reviewer's data); no other origin may embed a
 * response or share a browsing context with the app.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY_HEADER,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
