import { ESLint } from 'eslint';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const SOURCE_ROOMS = ['domain', 'markdown', 'db', 'templates', 'services', 'host', 'electron', 'server', 'renderer', 'cli', 'scripts'];

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|mts|mjs|cjs|js)$/.test(entry.name)) files.push(full);
    }
  };
  for (const room of SOURCE_ROOMS) walk(path.join(ROOT, room));
  return files;
}

/** Source without comments, so a comment that mentions require('electron') is not an import. */
const code = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const IMPORTS_ELECTRON = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]electron(?:\/[^'"]*)?['"]/;

describe('the house rules', () => {
  const files = sourceFiles();

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('only files under electron/ import electron', () => {
    const offenders = files.filter((f) => IMPORTS_ELECTRON.test(code(f))).map(rel);
    expect(offenders.filter((f) => !f.startsWith('electron/'))).toEqual([]);
    expect(offenders).toContain('electron/main.ts');
  });

  it('only electron/ipc.ts calls ipcMain.handle, and only external-links.ts calls openExternal', () => {
    const calling = (pattern: RegExp) => files.filter((f) => pattern.test(code(f))).map(rel);
    expect(calling(/\.handle\s*\(\s*channelFor|ipcMain\.handle\s*\(/)).toEqual(['electron/ipc.ts']);
    expect(calling(/\.openExternal\s*\(/)).toEqual(['electron/external-links.ts']);
  });

  it('only renderer/src/platform.ts asks where the renderer runs, and saves files or guards leaving', () => {
    const renderer = files.filter((f) => rel(f).startsWith('renderer/'));
    const asking = (pattern: RegExp) => renderer.filter((f) => pattern.test(code(f))).map(rel);
    expect(asking(/location\.protocol|['"]app:['"]|process\.versions|navigator\.userAgent|isElectron/)).toEqual(['renderer/src/platform.ts']);
    expect(asking(/beforeunload|createObjectURL|\.download\s*=/)).toEqual(['renderer/src/platform.ts']);
  });

  it('only server/desk-server.ts listens on a port: the browser front door is the one way in from the network', () => {
    expect(files.filter((f) => /\.listen\s*\(/.test(code(f))).map(rel)).toEqual(['server/desk-server.ts']);
  });

  it('only services/share/git.ts starts a program in services/: Git, with prompts and hooks off', () => {
    const services = files.filter((f) => rel(f).startsWith('services/'));
    expect(services.filter((f) => /child_process/.test(code(f))).map(rel)).toEqual(['services/share/git.ts']);
  });
});

describe('lint enforces the layers', { timeout: 30_000 }, () => {
  const eslint = new ESLint({ cwd: ROOT });
  const lint = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
    return result!.messages.filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message);
  };

  it.each([
    ['renderer/src/x.ts', "import Database from 'better-sqlite3';\nvoid Database;\n"],
    ['renderer/src/x.ts', "import { openDesk } from '../../services/desk';\nvoid openDesk;\n"],
    ['renderer/src/x.ts', "import { contract } from '../../services/contract';\nvoid contract;\n"],
    ['renderer/src/x.ts', "import fs from 'node:fs';\nvoid fs;\n"],
    ['domain/x.ts', "import { openStore } from '../db/store';\nvoid openStore;\n"],
    ['domain/x.ts', "import fs from 'node:fs';\nvoid fs;\n"],
    ['db/x.ts', "import { createServices } from '../services/create-services';\nvoid createServices;\n"],
    ['templates/x.ts', "import { openStore } from '../db/store';\nvoid openStore;\n"],
    ['services/x.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['cli/x.ts', "import { openStore } from '../db/store';\nvoid openStore;\n"],
    ['electron/x.ts', "import { openStore } from '../db/store';\nvoid openStore;\n"],
    ['services/x.ts', "import { renderAdoptionSection } from '../templates/adoption/section';\nvoid renderAdoptionSection;\n"],
    ['renderer/src/x.ts', "import { adopterFields } from '../../domain/adopter';\nvoid adopterFields;\n"],
    ['services/x.ts', "import { packDocx } from '../templates/word/pack';\nvoid packDocx;\n"],
    ['services/x.ts', "import { toDocxDocument } from '../templates/word/docx-document';\nvoid toDocxDocument;\n"],
    ['services/x.ts', "import { DocumentBuilder } from '../templates/word/builder';\nvoid DocumentBuilder;\n"],
    ['markdown/x.ts', "import { DeskError } from '../domain/errors';\nvoid DeskError;\n"],
    ['markdown/x.ts', "import fs from 'node:fs';\nvoid fs;\n"],
    ['domain/x.ts', "import { readMarkdown } from '../markdown/read';\nvoid readMarkdown;\n"],
    ['cli/x.ts', "import { readMarkdown } from '../markdown/read';\nvoid readMarkdown;\n"],
    ['server/x.ts', "import { openStore } from '../db/store';\nvoid openStore;\n"],
    ['server/x.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['server/x.ts', "import { resolveAppFile } from '../electron/app-protocol';\nvoid resolveAppFile;\n"],
    ['server/x.ts', "import { renderAdoptionSection } from '../templates/adoption/section';\nvoid renderAdoptionSection;\n"],
    ['electron/x.ts', "import { serve } from '../server/serve';\nvoid serve;\n"],
    ['services/x.ts', "import { serve } from '../server/serve';\nvoid serve;\n"],
    ['host/x.ts', "import { DeskError } from '../domain/errors';\nvoid DeskError;\n"],
    ['host/x.ts', "import { WebSocketServer } from 'ws';\nvoid WebSocketServer;\n"],
    ['host/x.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['renderer/src/x.ts', "import { bridgeScript } from '../../server/bridge';\nvoid bridgeScript;\n"],
    ['renderer/src/x.ts', "import { CONTENT_SECURITY_POLICY } from '../../host/csp';\nvoid CONTENT_SECURITY_POLICY;\n"],
    ['db/x.ts', "import { hasDotDot } from '../host/renderer-files';\nvoid hasDotDot;\n"],
  ])('%s: %s fails lint', async (file, code) => {
    expect((await lint(file, code)).length).toBeGreaterThan(0);
  });

  it.each([
    ['renderer/src/x.ts', "import type { Project } from '../../domain/project';\nexport type P = Project;\n"],
    ['renderer/src/x.ts', "import { STAGE_LABELS } from '../../domain/vocabulary';\nvoid STAGE_LABELS;\n"],
    ['renderer/src/x.ts', "import { parseTypedDate } from '../../domain/typed-date';\nvoid parseTypedDate;\n"],
    ['renderer/src/x.ts', "import { formatDate } from '../../domain/date-format';\nvoid formatDate;\n"],
    ['renderer/src/x.ts', "import { LIMITS } from '../../domain/limits';\nvoid LIMITS;\n"],
    ['services/x.ts', "import { openStore } from '../db/store';\nvoid openStore;\n"],
    ['services/x.ts', "import { publishAdoptionDocx } from '../templates/word/publish-docx';\nvoid publishAdoptionDocx;\n"],
    ['cli/x.ts', "import { openDesk } from '../services/desk';\nvoid openDesk;\n"],
    ['electron/x.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['renderer/src/x.ts', "import { readMarkdown } from '../../markdown/read';\nvoid readMarkdown;\n"],
    ['templates/x.ts', "import { readMarkdown } from '../markdown/read';\nvoid readMarkdown;\n"],
    ['server/x.ts', "import { dispatch } from '../services/dispatch';\nvoid dispatch;\n"],
    ['server/x.ts', "import { CONTENT_SECURITY_POLICY } from '../host/csp';\nvoid CONTENT_SECURITY_POLICY;\n"],
    ['server/x.ts', "import { WebSocketServer } from 'ws';\nvoid WebSocketServer;\n"],
    ['electron/x.ts', "import { CONTENT_SECURITY_POLICY } from '../host/csp';\nvoid CONTENT_SECURITY_POLICY;\n"],
    ['cli/x.ts', "import { serve } from '../server/serve';\nvoid serve;\n"],
    ['host/x.ts', "import path from 'node:path';\nvoid path;\n"],
  ])('%s: allowed import passes', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });

  it('openExternal outside the gateway fails lint', async () => {
    const [result] = await eslint.lintText("import { shell } from 'electron';\nvoid shell.openExternal('https://x');\n", {
      filePath: path.join(ROOT, 'electron/other.ts'),
    });
    expect(result!.messages.map((m) => m.ruleId)).toContain('no-restricted-properties');
  });
});
