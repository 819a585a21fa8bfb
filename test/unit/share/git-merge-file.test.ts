import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeFileProposal } from '../../../services/share/git-merge-file';
import { useGitSandbox } from '../../helpers/git-sandbox';

const sandbox = useGitSandbox();

const base = 'Globex runs Kite on 3 clusters.\n\nThey upgrade every quarter.\n\nSupport comes from the vendor.\n';

describe("Git's line merge as a proposal for Compare", { timeout: 30_000 }, () => {
  it('joins edits of different paragraphs: clean, both edits in', async () => {
    const mine = base.replace('3 clusters', '5 clusters');
    const theirs = base.replace('from the vendor', 'from their own platform team');
    const proposal = await mergeFileProposal(base, mine, theirs, sandbox.root());
    expect(proposal).toEqual({ clean: true, text: 'Globex runs Kite on 5 clusters.\n\nThey upgrade every quarter.\n\nSupport comes from their own platform team.\n' });
  });

  it('edits of the same line are not clean: no proposal to offer (the markers are never saved)', async () => {
    const proposal = await mergeFileProposal(base, base.replace('3 clusters', '5 clusters'), base.replace('3 clusters', '4 clusters'), sandbox.root());
    expect(proposal.clean).toBe(false);
    expect(proposal.text).toContain('<<<<<<< mine');
    expect(proposal.text).toContain('>>>>>>> theirs');
  });

  it('keeps accents, quotes and a text without a final newline as they are, and leaves no file behind', async () => {
    const text = 'Chloé said “it just works” ✅';
    expect(await mergeFileProposal(text, text, `${text}\nBen agreed.`, sandbox.root())).toEqual({ clean: true, text: `${text}\nBen agreed.` });
    expect(fs.readdirSync(sandbox.root()).filter((name) => name.startsWith('adoption-desk-merge-'))).toEqual([]);
  });
});
