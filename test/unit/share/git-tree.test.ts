import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openClone } from '../../../services/share/git-clone';
import { sameFiles } from '../../../services/share/git-tree';
import { bareRemote, useGitSandbox } from '../../helpers/git-sandbox';

const sandbox = useGitSandbox();

/** A file or folder name Git stores as it is: no slash, no control character, not `.`, `..` or `.git`. */
const name = fc
  .string({ unit: fc.constantFrom('a', 'b', 'Z', '-', '_', '.', 'é', '✓', ' ', '~', '1'), minLength: 1, maxLength: 8 })
  .filter((n) => n !== '.' && n !== '..' && n.toLowerCase() !== '.git');
const filePath = fc.array(name, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));
/** Any text: lone surrogates excepted (they have no UTF-8 bytes), BOMs, CRLF, NUL and emoji included. */
const content = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => s.replace(/[\uD800-\uDFFF]/gu, '')),
  fc.constantFrom('\uFEFF{"bom":true}\n', 'Globex\r\nInitech\r\n', 'nul\0inside', 'no final newline', '', '🚀 Chloé'),
);

/** Drops paths that would be both a file and a folder (`a` and `a/b`): no repository holds both. */
function consistent(entries: [string, string][]): Map<string, string> {
  const files = new Map<string, string>();
  for (const [file, text] of entries) {
    const clashes = [...files.keys()].some((other) => other.startsWith(`${file}/`) || file.startsWith(`${other}/`));
    if (!clashes) files.set(file, text);
  }
  return files;
}

describe('files in and out of Git objects', { timeout: 120_000 }, () => {
  it('any set of text files reads back as written, byte for byte, and Git agrees on every file id (property)', async () => {
    const clone = await openClone(path.join(sandbox.root(), 'kite.git'), bareRemote(sandbox.root()));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(filePath, content), { maxLength: 12 }).map(consistent), async (files) => {
        const commit = await clone.writeCommit(files, []);
        expect(await clone.readTree(commit)).toEqual(files);
        expect(sameFiles(files, await clone.fileIds(commit))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
