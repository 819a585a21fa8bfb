// The bin's launcher (cli/launcher.ts) with a stand-in `node:module`: the compile cache is
// turned on where the function exists, before the bundle is required, and skipped where it
// does not; a bundle that cannot be read is a plain message and exit 70 (a fault of the installation, as the help lists it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enableCompileCache, launch, type ModuleApi } from '../../../cli/launcher';
import { tempDir } from '../../helpers/temp-dir';

/** A `node:module` that records what the launcher does with it, in order. */
function standIn(withCompileCache: boolean) {
  const calls: string[] = [];
  const api: ModuleApi = {
    createRequire: (filename) => (id) => calls.push(`createRequire(${filename})(${id})`),
  };
  if (withCompileCache) {
    // Node 22's answer when the cache cannot be used: a status, not an exception.
    api.enableCompileCache = () => (calls.push('enableCompileCache'), { status: 0, message: 'cannot write' });
  }
  return { api, calls };
}

const io = () => {
  const seen = { stderr: '', exit: undefined as number | undefined };
  return { seen, io: { stderr: (text: string) => void (seen.stderr += text), exit: (code: number) => void (seen.exit = code) } };
};

function bundleFile(): string {
  const file = path.join(tempDir(), 'main.js');
  fs.writeFileSync(file, '');
  return file;
}

describe('enableCompileCache', () => {
  it('calls the function where this Node has it', () => {
    const { api, calls } = standIn(true);
    expect(enableCompileCache(api)).toBe(true);
    expect(calls).toEqual(['enableCompileCache']);
  });

  it('is skipped where it is absent (Node before 22.1)', () => {
    expect(enableCompileCache(standIn(false).api)).toBe(false);
    expect(enableCompileCache({ enableCompileCache: undefined })).toBe(false);
  });
});

describe('launch', () => {
  it('turns the cache on, then requires the bundle, and prints nothing', () => {
    const { api, calls } = standIn(true);
    const bundle = bundleFile();
    const { seen, io: launchIo } = io();
    launch(api, bundle, launchIo);
    expect(calls).toEqual(['enableCompileCache', `createRequire(${bundle})(${bundle})`]);
    expect(seen).toEqual({ stderr: '', exit: undefined });
  });

  it('requires the bundle plainly where there is no compile cache', () => {
    const { api, calls } = standIn(false);
    const bundle = bundleFile();
    launch(api, bundle, io().io);
    expect(calls).toEqual([`createRequire(${bundle})(${bundle})`]);
  });

  it('says plainly that the build is incomplete when the bundle is missing', () => {
    const { api, calls } = standIn(true);
    const bundle = path.join(tempDir(), 'main.js');
    const { seen, io: launchIo } = io();
    launch(api, bundle, launchIo);
    expect(calls).toEqual(['enableCompileCache']);
    expect(seen.exit).toBe(70);
    expect(seen.stderr).toBe(`Adoption Desk's command line is incomplete: ${bundle} cannot be read (ENOENT). Run npm run build.\n`);
  });
});
