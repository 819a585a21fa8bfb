// Lint is where the house's layer rules live (docs/architecture.md): a wrong import
// fails `npm test`, so the rules cannot drift.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_ONLY = ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3', 'electron'];

/** A `no-restricted-imports` rule from plain path groups and messages. */
const restrict = (...groups) => [
  'error',
  { patterns: groups.map(([group, message]) => ({ group, message })) },
];

const layer = {
  electron: ['electron', 'electron/*'],
  domain: ['**/domain', '**/domain/**'],
  markdown: ['**/markdown', '**/markdown/**'],
  db: ['**/db', '**/db/**'],
  templates: ['**/templates', '**/templates/**'],
  services: ['**/services', '**/services/**'],
  electronDir: ['**/electron/**'],
  renderer: ['**/renderer/**'],
  cli: ['**/cli/**'],
  server: ['**/server', '**/server/**'],
  host: ['**/host', '**/host/**'],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.cache/**', 'bench/**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-properties': [
        'error',
        { property: 'openExternal', message: 'Open links only through electron/external-links.ts (safeOpenExternal).' },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['domain/**'],
    rules: {
      'no-restricted-imports': restrict(
        [[...NODE_ONLY], 'domain/ is pure: no Node, no database, no Electron.'],
        [[...layer.markdown, ...layer.db, ...layer.templates, ...layer.services, ...layer.electronDir, ...layer.renderer, ...layer.cli, ...layer.server, ...layer.host], 'domain/ imports nothing of ours.'],
      ),
    },
  },
  {
    // The one reading of Markdown: the renderer's previews run it too, so it is pure and stands alone.
    files: ['markdown/**'],
    rules: {
      'no-restricted-imports': restrict(
        [[...NODE_ONLY], 'markdown/ is pure: it runs in the renderer as well as in Node.'],
        [[...layer.domain, ...layer.db, ...layer.templates, ...layer.services, ...layer.electronDir, ...layer.renderer, ...layer.cli, ...layer.server, ...layer.host], 'markdown/ imports nothing of ours.'],
      ),
    },
  },
  {
    files: ['db/**'],
    rules: {
      'no-restricted-imports': restrict(
        [layer.electron, 'Only electron/ imports electron.'],
        [[...layer.markdown, ...layer.templates, ...layer.services, ...layer.electronDir, ...layer.renderer, ...layer.cli, ...layer.server, ...layer.host], 'db/ imports only domain/.'],
      ),
    },
  },
  {
    files: ['templates/**'],
    rules: {
      'no-restricted-imports': restrict(
        [[...layer.electron, 'better-sqlite3'], 'templates/ are pure functions: no Electron, no database.'],
        [[...layer.db, ...layer.services, ...layer.electronDir, ...layer.renderer, ...layer.cli, ...layer.server, ...layer.host], 'templates/ import only domain/ and markdown/.'],
      ),
    },
  },
  {
    files: ['services/**'],
    rules: {
      'no-restricted-imports': restrict(
        [layer.electron, 'Only electron/ imports electron.'],
        [[...layer.electronDir, ...layer.renderer, ...layer.cli, ...layer.server, ...layer.host], 'services/ import only domain/, db/ and templates/.'],
      ),
      // The unguarded renderers are for templates/ alone: public output leaves through publish.ts.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/templates/adoption/section',
                '**/templates/adoption/entry',
                '**/templates/word/builder',
                '**/templates/word/docx-document',
                '**/templates/word/pack',
                '**/templates/word/package-text',
              ],
              allowTypeImports: true,
              message: 'Render public output through templates/adoption/publish.ts or templates/word/publish-docx.ts, which run the anonymity guard.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**'],
    rules: {
      'no-restricted-imports': restrict(
        [[...layer.markdown, ...layer.db, ...layer.templates, ...layer.renderer, ...layer.cli], 'electron/ talks to the store only through services/.'],
        [layer.server, 'electron/ and server/ are two front doors side by side; what both need lives in host/ or services/.'],
      ),
    },
  },
  {
    // What both hosts of the built renderer share (the CSP, which files are served): pure rules.
    files: ['host/**'],
    rules: {
      'no-restricted-imports': restrict(
        [[...layer.electron, 'better-sqlite3', 'ws'], 'host/ holds pure rules both hosts share: no Electron, no database, no server.'],
        [[...layer.domain, ...layer.markdown, ...layer.db, ...layer.templates, ...layer.services, ...layer.electronDir, ...layer.renderer, ...layer.cli, ...layer.server], 'host/ imports nothing of ours.'],
      ),
    },
  },
  {
    // The browser front door (`adoption-desk serve`): the electron/ of the browser.
    files: ['server/**'],
    rules: {
      'no-restricted-imports': restrict(
        [layer.electron, 'Only electron/ imports electron.'],
        [[...layer.markdown, ...layer.db, ...layer.templates, ...layer.renderer, ...layer.cli], 'server/ talks to the store only through services/.'],
        [layer.electronDir, 'electron/ and server/ are two front doors side by side; what both need lives in host/ or services/.'],
      ),
    },
  },
  {
    files: ['electron/external-links.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['cli/**'],
    rules: {
      'no-restricted-imports': restrict(
        [layer.electron, 'Only electron/ imports electron.'],
        [[...layer.markdown, ...layer.db, ...layer.templates, ...layer.electronDir, ...layer.renderer], 'cli/ talks to the store only through services/.'],
      ),
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        [[...NODE_ONLY], 'The renderer runs sandboxed: it reaches the store only through window.desk.'],
        [[...layer.db, ...layer.templates, ...layer.electronDir, ...layer.cli, ...layer.server, ...layer.host], 'The renderer imports only types from services/contract and domain/, and reads Markdown with markdown/.'],
      ),
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // domain/vocabulary and domain/questions are plain words (labels, the question list): the UI names things with them.
              // domain/date-format and domain/typed-date show and read dates as the reviewer types (no schemas);
              // domain/limits is the one table of limits and its sentences, so the import screen refuses in the same words.
              group: [...layer.services, '**/domain/*', '!**/domain/vocabulary', '!**/domain/questions', '!**/domain/date-format', '!**/domain/typed-date', '!**/domain/limits'],
              allowTypeImports: true,
              message:
                'The renderer may import only types (import type) from services/ and domain/ (values only from domain/vocabulary, domain/questions, domain/date-format, domain/typed-date and domain/limits).',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests assert on fakes of the restricted APIs; scripts run outside the app.
    files: ['test/**', 'scripts/**', '*.mts', '*.mjs'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-properties': 'off' },
  },
);
