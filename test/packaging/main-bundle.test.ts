// The desktop app's main process is a CommonJS bundle: it may require at run time only what
// it cannot bundle (Node's modules, Electron, the native SQLite module) and CommonJS
// packages of its dependencies. Packages published as ES modules only are bundled in
// (electron.vite.config.mts), so the app never depends on the runtime's require(esm).
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
      const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { type?: string };
      expect(manifest.type, `${name} is an ES module package required from the CommonJS bundle`).not.toBe('module');
    }
    expect(packages).toContain('better-sqlite3');
  });
});
