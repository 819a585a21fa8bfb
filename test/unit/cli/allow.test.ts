import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { seededDatabase } from '../../helpers/seeded-database';

/**
 * The Globex Mesh DD with a false positive: anonymous Adopter 2 (Initech) also sells a
 * product called Beacon, and "beacon" is an ordinary word in two entries' summaries.
 */
async function withFalsePositive() {
  const { db, desk, seed } = await seededDatabase();
  const { services } = desk;
  const initech = seed.orgs.initech;
  await services.updateOrganization({ id: initech.id, version: initech.version, aliases: ['Initrode', 'Beacon'] });
  for (const [i, summary] of [
    [1, 'Adopter 2 routes every beacon of its branch offices through the mesh.'],
    [0, 'Acme Corp runs Globex Mesh behind a beacon service for its streaming stack.'],
  ] as const) {
    const interview = (await services.getInterview({ id: seed.adopters[i]!.interview.id })).interview;
    await services.updateInterview({ id: interview.id, version: interview.version, summary });
  }
  desk.close();
  const run = (...args: string[]) => cli([...args, '--db', db]);
  const exportMd = () => run('export', 'adoption-md', '--project', 'globex-mesh', '--drafts');
  return { run, exportMd, seed };
}

describe('adoption-desk allow', () => {
  it('the refusal names the command that releases the word, filled in', async () => {
    const { exportMd } = await withFalsePositive();
    const refused = await exportMd();
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      "add an allowance for that adopter (in the app, from the warning; or `adoption-desk allow --project globex-mesh --adopter 2 --text 'Beacon'`).",
    );
  });

  it('by default releases the word only in the adopter’s own entry; --entry and --everywhere reach further', async () => {
    const { run, exportMd } = await withFalsePositive();
    const own = await run('allow', '--project', 'globex-mesh', '--adopter', '2', '--text', 'beacon', '--note', 'the radio kind');
    expect(own).toMatchObject({ code: 0, stderr: '' });
    expect(own.stdout).toMatch(/^Allowed “beacon” for Adopter 2, only in its own entry \(allowance (\d+)\)\. Withdraw it with: adoption-desk allow --remove \1\n$/);
    // Adopter 1's entry still names it: refused, and only there.
    const still = await exportMd();
    expect(still.code).toBe(3);
    expect(still.stderr).toContain("'Beacon' in Adopter 1's entry");
    expect(still.stderr).not.toContain("in Adopter 2's entry");

    expect((await run('allow', '--project', 'globex-mesh', '--adopter', '2', '--text', 'Beacon', '--entry', '1')).stdout).toContain(
      "for Adopter 2, only in Adopter 1's entry",
    );
    const released = await exportMd();
    expect(released.code).toBe(0);
    expect(released.stderr).toContain("Allowed by you: 'Beacon' (Adopter 2)");
    expect(released.stderr).toContain('beacon (the radio kind)');
  });

  it('lists allowances as a table and as JSON, per project or per adopter', async () => {
    const { run } = await withFalsePositive();
    expect((await run('allow', '--list', '--project', 'globex-mesh')).stdout).toBe(
      'No allowances in Globex Mesh: the guard refuses every secret it finds.\n',
    );
    await run('allow', '--project', 'globex-mesh', '--adopter', '2', '--text', 'beacon', '--note', 'the radio kind');
    await run('allow', '--project', 'globex-mesh', '--adopter', '2', '--text', 'Initrode', '--everywhere');
    const listed = await run('allow', '--list', '--project', 'globex-mesh');
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+ADOPTER\s+TEXT\s+WHERE\s+NOTE$/);
    expect(lines[1]).toMatch(/^\d+\s+2\s+beacon\s+only in its own entry\s+the radio kind$/);
    expect(lines[2]).toMatch(/^\d+\s+2\s+Initrode\s+everywhere\s+-$/);
    const asJson = JSON.parse((await run('allow', '--list', '--project', 'globex-mesh', '--adopter', '2', '--json')).stdout);
    expect(asJson).toEqual([
      expect.objectContaining({ term: 'beacon', entryNumber: 2, note: 'the radio kind', adopterNumber: 2 }),
      expect.objectContaining({ term: 'Initrode', entryNumber: null, note: '', adopterNumber: 2 }),
    ]);
    expect((await run('allow', '--list', '--project', 'globex-mesh', '--adopter', '1')).stdout).toBe(
      'No allowances in Globex Mesh for Adopter 1: the guard refuses every secret it finds.\n',
    );
  });

  it('withdraws by id or by adopter and word, and the guard refuses again', async () => {
    const { run, exportMd } = await withFalsePositive();
    const added = JSON.parse((await run('allow', '--project', 'globex-mesh', '--adopter', '2', '--text', 'beacon', '--everywhere', '--json')).stdout);
    expect((await exportMd()).code).toBe(0);
    const byId = await run('allow', '--remove', String(added.id));
    expect(byId).toMatchObject({ code: 0, stdout: `Withdrew allowance ${added.id}: “beacon” for Adopter 2, everywhere. The guard refuses it again.\n` });
    expect((await exportMd()).code).toBe(3);

    await run('allow', '--project', 'globex-mesh', '--adopter', '2', '--text', 'beacon');
    await run('allow', '--project', 'globex-mesh', '--adopter', '2', '--text', 'beacon', '--entry', '1');
    const byWord = await run('allow', '--remove', '--project', 'globex-mesh', '--adopter', '2', '--text', 'BEACON');
    expect(byWord.code).toBe(0);
    expect(byWord.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^Withdrew allowance \d+: “beacon” for Adopter 2, only in its own entry\./),
      expect.stringMatching(/^Withdrew allowance \d+: “beacon” for Adopter 2, only in Adopter 1's entry\./),
    ]);
    expect(JSON.parse((await run('allow', '--list', '--project', 'globex-mesh', '--json')).stdout)).toEqual([]);
  });

  it.each([
    [['allow', '--project', 'globex-mesh', '--adopter', '2'], 2, 'allow needs --project SLUG, --adopter N and --text WORD.'],
    [['allow', '--project', 'globex-mesh', '--adopter', 'two', '--text', 'x'], 2, '--adopter takes a whole number from 1, not "two"'],
    [['allow', '--project', 'globex-mesh', '--adopter', '2', '--text', 'x', '--everywhere', '--entry', '1'], 2, 'not both'],
    [['allow', '--list'], 2, 'allow --list needs --project SLUG.'],
    [['allow', '--list', '--project', 'globex-mesh', '--text', 'x'], 2, 'allow --list does not take --text'],
    [['allow', '--list', '--remove', '3'], 2, 'allow takes --list or --remove, not both.'],
    [['allow', '--remove'], 2, 'allow --remove needs an allowance id'],
    [['allow', 'beacon'], 2, 'put the word after --text'],
    [['allow', '--project', 'globex-mesh', '--adopter', '1', '--text', 'acme'], 2, 'Adopter 1 is not anonymous; there is nothing to allow.'],
    [['allow', '--project', 'globex-mesh', '--adopter', '9', '--text', 'x'], 4, 'Globex Mesh has no Adopter 9.'],
    [['allow', '--project', 'nope', '--adopter', '2', '--text', 'x'], 4, 'There is no project "nope"'],
    [['allow', '--remove', '999'], 4, 'There is no allowance with id 999'],
    [['allow', '--remove', '--project', 'globex-mesh', '--adopter', '2', '--text', 'x'], 4, 'Adopter 2 has no allowance for “x”.'],
  ])('refuses in plain words: %j', async (args, code, message) => {
    const { run } = await withFalsePositive();
    const result = await run(...args);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a named adopter with an anonymous interviewee can release that person’s name too', async () => {
    const { run } = await withFalsePositive();
    // Adopter 3 (Umbrella Logistics) is named; its interviewee Cy Hidden is not.
    const added = await run('allow', '--project', 'globex-mesh', '--adopter', '3', '--text', 'Hidden', '--note', 'the word');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Allowed “Hidden” for Adopter 3, only in its own entry');
  });

  it('the same word in the same scope twice is refused as a duplicate', async () => {
    const { run } = await withFalsePositive();
    await run('allow', '--project', 'globex-mesh', '--adopter', '2', '--text', 'beacon');
    const again = await run('allow', '--project', 'globex-mesh', '--adopter', '2', '--text', 'Beacon');
    expect(again.code).toBe(4);
    expect(again.stderr).toBe('Adopter 2 already allows “beacon” only in its own entry.\n');
  });

  it('is listed in --help', async () => {
    expect((await cli(['--help'])).stdout).toContain('adoption-desk allow --project SLUG --adopter N --text WORD [--everywhere | --entry M]');
  });
});
