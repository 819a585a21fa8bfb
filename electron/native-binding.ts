/**
 * node_modules/better-sqlite3 stays built for Node (the tests need it). In
 * development `npm start` builds a copy for Electron's ABI into .cache/ and passes
 * its path here; a packaged app ships a binary electron-builder rebuilt for
 * Electron, so it needs no override. See docs/native-module.md.
 */
export const NATIVE_BINDING_ENV = 'ADOPTION_DESK_SQLITE_BINDING';

export function nativeBindingForElectron(isPackaged: boolean, env: Record<string, string | undefined> = process.env): string | undefined {
  if (isPackaged) return undefined;
  return env[NATIVE_BINDING_ENV] || undefined;
}
