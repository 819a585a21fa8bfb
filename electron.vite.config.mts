import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { resolve } from 'node:path';

/**
 * Small pure-JS dependencies published as ES modules only are bundled into the main
 * process rather than required at run time, so the CommonJS bundle never depends on the
 * runtime's require(esm). better-sqlite3 (native) and docx/fflate (loaded on the first
 * Word export) stay external.
 */
const BUNDLED = [
  'decode-named-character-reference',
  'character-entities-legacy',
  'micromark-util-decode-numeric-character-reference',
  '@sindresorhus/transliterate',
  'unhomoglyph',
  'tldts',
  'email-providers',
];

// Sources live in the rooms of docs/architecture.md, not electron-vite's src/ default.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin({ exclude: BUNDLED })],
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main.ts') } },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      // Deterministic file names keep the CSP test and the packaged app simple.
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
