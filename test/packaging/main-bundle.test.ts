// The desktop app's main process is a CommonJS bundle: it may require at run time only what
// it cannot bundle (Node's modules, Electron, the native SQLite module) and CommonJS
// packages of its dependencies. Packages published as ES modules only are bundled in
// (electron.vite.config.mts), so the app never depends on the runtime's require(esm).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MAIN = path.join(ROOT, 'out', 'main', 'index.js');

describe('the built main process', () => {
  it('requires only Node, Electron and CommonJS dependencies', () => {
    expect(fs.existsSync(MAIN), `${MAIN} is missing: run npm run build`).toBe(true);
    const code = fs.readFileSync(MAIN, 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
    const packages = [...new Set(required.filter((name) => !name.startsWith('node:') && !name.startsWith('.')))];
    for (const name of packages) {
      if (name === 'electron') continue;
      // Node 20 has no require(esm): a package that is ES modules only fails here, as it would in an older runtime.
      const loaded = spawnSync(process.execPath, ['--no-experimental-require-module', '-e', `require(${JSON.stringify(name)})`], { cwd: ROOT, encoding: 'utf8' });
      expect(loaded.status, `${name} cannot be required from the CommonJS bundle: ${loaded.stderr}`).toBe(0);
    }
    expect(packages).toContain('better-sqlite3');
  });
});
