import fs from 'node:fs';
import path from 'node:path';

/**
 * The built renderer: out/renderer beside the command line's bundle (out/cli/main.js), or,
 * for the sources run directly (the tests), out/renderer of the checkout. A folder counts
 * once the build has written its assets: the sources' renderer/index.html is not the app.
 */
export function builtRendererDir(here: string = __dirname): string | null {
  const candidates = [path.resolve(here, '..', 'renderer'), path.resolve(here, '..', 'out', 'renderer')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html')) && fs.existsSync(path.join(dir, 'assets'))) ?? null;
}
