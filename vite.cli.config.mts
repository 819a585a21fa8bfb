import { chmodSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The command line: one CommonJS file for Node, dependencies left in node_modules.
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
];

export default defineConfig({
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
    ssr: resolve(__dirname, 'cli/main.ts'),
    rollupOptions: {
      external,
      output: {
        format: 'cjs',
        entryFileNames: 'adoption-desk.js',
        banner: '#!/usr/bin/env node',
      },
    },
  },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
});
