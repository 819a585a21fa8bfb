/**
 * Request paths that try to leave the built renderer's folder: plain, percent-encoded (either
 * case, half encoded), through backslashes, with a NUL byte, or not decodable at all. Both
 * hosts of the renderer refuse every one (test/unit/electron/app-protocol.test.ts,
 * test/unit/server/files.test.ts).
 */
export const HOSTILE_PATHS = [
  '/../../etc/passwd',
  '/../secret.txt',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/%2e%2e/secret.txt',
  '/.%2e/secret.txt',
  '/%2E./secret.txt',
  '/assets/..%2f..%2f..%2fetc/passwd',
  '/assets/%2E%2E/%2E%2E/secret',
  '/..%5c..%5cwindows',
  '/%5c..%5csecret.txt',
  '/assets\\..\\..\\x',
  '/index.html%00.png',
  '/%E0%A4%A',
];
