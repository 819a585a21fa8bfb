/**
 * Git's line merge of one text, as a proposal for the Compare view (team mode, docs/team.md):
 * when mine and theirs changed different lines of the base, `git merge-file` joins them. The
 * proposal is only shown; the reviewer's choice is an ordinary edit. Git's conflict markers are
 * never written to the store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runGit } from './git';

export interface MergeProposal {
  /** True when the changed parts did not overlap: `text` is both edits joined. */
  clean: boolean;
  /** The joined text; with conflict markers when not clean (never to be saved as such). */
  text: string;
}

/**
 * `git merge-file -p` over three temporary files, in `scratchRoot` (the data folder, where the
 * texts already live; the system's temp folder when none is given), removed after.
 */
export async function mergeFileProposal(base: string, mine: string, theirs: string, scratchRoot: string = os.tmpdir()): Promise<MergeProposal> {
  const scratch = fs.mkdtempSync(path.join(scratchRoot, 'adoption-desk-merge-'));
  try {
    const files = { mine: path.join(scratch, 'mine'), base: path.join(scratch, 'base'), theirs: path.join(scratch, 'theirs') };
    fs.writeFileSync(files.mine, mine);
    fs.writeFileSync(files.base, base);
    fs.writeFileSync(files.theirs, theirs);
    // The exit code is the number of conflicting parts (capped at 127); above that, a failure.
    const okCodes = Array.from({ length: 128 }, (_, n) => n);
    const merged = await runGit(['merge-file', '-p', '-L', 'mine', '-L', 'base', '-L', 'theirs', files.mine, files.base, files.theirs], {
      doing: 'propose a merge of the two texts',
      okCodes,
      cwd: scratch,
    });
    return { clean: merged.code === 0, text: merged.stdout.toString('utf8') };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
