import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The benchmarks (`npm run bench`): one CommonJS file for Node, dependencies left in node_modules.
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
];

export default defineConfig({
  build: {
    outDir: 'out/bench',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    ssr: resolve(import.meta.dirname, 'scripts/bench/main.ts'),
    rollupOptions: {
      external,
      output: { format: 'cjs', entryFileNames: 'bench.js' },
    },
  },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
});
