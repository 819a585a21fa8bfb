import { chmodSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The command line: one CommonJS file for Node. Pure-JS dependencies (zod, and ws for
// `serve`) are bundled in, so starting it reads and compiles one file instead of resolving a
// hundred; the native module stays in node_modules. ws's optional native helpers (bufferutil,
// utf-8-validate) stay out: it requires them inside a try and does without.
const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'better-sqlite3', 'bufferutil', 'utf-8-validate'];

export default defineConfig({
  ssr: { noExternal: ['zod', 'ws'] },
  plugins: [
    {
      // The bin entry must be executable when run straight from a clone (./out/cli/adoption-desk.js).
      name: 'executable-cli',
      writeBundle(options, bundle) {
        for (const file of Object.keys(bundle)) chmodSync(resolve(options.dir ?? 'out/cli', file), 0o755);
      },
    },
  ],
  build: {
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    ssr: true,
    rollupOptions: {
      external,
      // adoption-desk.js (the bin) turns on Node's compile cache, then requires main.js (everything
      // else): the cache covers only modules loaded after it is on, so the two stay separate files.
      // See cli/launcher.ts.
      input: { 'adoption-desk': resolve(__dirname, 'cli/launch.ts'), main: resolve(__dirname, 'cli/main.ts') },
      output: {
        format: 'cjs',
        entryFileNames: '[name].js',
        chunkFileNames: '[name].js',
        banner: (chunk) => (chunk.name === 'adoption-desk' ? '#!/usr/bin/env node' : ''),
      },
    },
  },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
});
