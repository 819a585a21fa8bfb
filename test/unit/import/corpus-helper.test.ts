import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateCorpus, parseTsv } from '../../helpers/corpus';
import { tempDir } from '../../helpers/temp-dir';

describe('the corpus location', () => {
  it('ADOPTION_DESK_CORPUS set but the folder missing: an error, so the suite fails', () => {
    expect(() => locateCorpus({ ADOPTION_DESK_CORPUS: path.join(tempDir(), 'nowhere') })).toThrow(/ADOPTION_DESK_CORPUS is set to .* but there is no corpus there/);
  });

  it('ADOPTION_DESK_CORPUS pointing at a corpus is used', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'dd'));
    expect(locateCorpus({ ADOPTION_DESK_CORPUS: dir })).toEqual({ dir });
  });

  it('unset: ../shared/corpus beside the checkout, or "missing" (the suite skips)', () => {
    const found = locateCorpus({});
    expect('dir' in found ? found.dir : found.missing).toBe(path.resolve(__dirname, '../../../../shared/corpus'));
  });

  it('manifests are tab-separated with a header', () => {
    expect(parseTsv('file\tadopter_writeups\na.md\t3\n')).toEqual([{ file: 'a.md', adopter_writeups: '3' }]);
  });
});
