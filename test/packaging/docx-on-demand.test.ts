// docx and fflate stay out of start-up in the built app and command line: the bundles
// keep them as dynamic imports of the installed packages (dependencies), never a
// require or an import at the top of the bundle, and the built command line resolves
// them when a Word export runs. (The source-level proof: test/unit/templates/word/lazy-load.test.ts.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededDatabase } from '../helpers/seeded-database';
import { paragraphs } from '../unit/templates/word/docx-inspect';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BUNDLES = { cli: path.join(ROOT, 'out', 'cli'), app: path.join(ROOT, 'out', 'main') };
const LIBRARIES = ['docx', 'fflate'];

const sources = (dir: string) => {
  expect(fs.existsSync(dir), `${dir} is missing: run npm run build`).toBe(true);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
};

describe('docx in the built bundles', () => {
  it.each(Object.entries(BUNDLES))('%s: docx and fflate are imported only dynamically', (_, dir) => {
    const code = sources(dir).join('\n');
    for (const name of LIBRARIES) {
      const quoted = `["']${name}["']`;
      expect(code, name).not.toMatch(new RegExp(`require\\(\\s*${quoted}\\s*\\)|\\bfrom\\s*${quoted}|^\\s*import\\s*${quoted}`, 'm'));
      expect(code, name).toMatch(new RegExp(`\\bimport\\(\\s*${quoted}\\s*\\)`));
    }
  });

  it('the built command line loads docx when it exports a Word document', { timeout: 60_000 }, async () => {
    const { dir, db, desk } = await seededDatabase();
    desk.close();
    const out = path.join(dir, 'adoption.docx');
    const run = spawnSync(process.execPath, [path.join(BUNDLES.cli, 'adoption-desk.js'), 'export', 'adoption-docx', '--project', 'globex-mesh', '--out', out, '--db', db], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(paragraphs(fs.readFileSync(out)).map((p) => p.text)).toContain('Adopter 2 - Anonymous Finance');
  });
});
