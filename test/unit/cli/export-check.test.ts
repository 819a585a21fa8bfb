import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { seededDatabase } from '../../helpers/seeded-database';

describe('export adoption-md and check', () => {
  it('prints the section to stdout, or writes it to --out, identical to the service', async () => {
    const { dir, db, desk, seed } = await seededDatabase();
    const expected = (await desk.services.exportAdoptionMarkdown({ projectId: seed.project.id })).markdown;
    desk.close();
    const printed = await cli(['export', 'adoption-md', '--project', 'globex-mesh', '--db', db]);
    expect(printed).toMatchObject({ code: 0, stdout: expected });
    const out = path.join(dir, 'adoption.md');
    expect((await cli(['export', 'adoption-md', '--project', 'globex-mesh', '--out', out, '--db', db])).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(expected);
    expect(fs.readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('exits 3 with the leak report on stderr and writes nothing when the guard refuses', async () => {
    const { dir, db, desk, seed } = await seededDatabase();
    const interview = (await desk.services.getInterview({ id: seed.adopters[0]!.interview.id })).interview;
    await desk.services.updateInterview({ id: interview.id, version: interview.version, summary: 'They compared notes with Bo Sample.' });
    desk.close();
    const out = path.join(dir, 'adoption.md');
    const result = await cli(['export', 'adoption-md', '--project', 'globex-mesh', '--out', out, '--db', db]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("Adopter 2 (anonymous): 'Bo Sample' in Adopter 1's entry, line 8, column 26: They compared notes with Bo Sample.");
    expect(fs.existsSync(out)).toBe(false);
  });

  it('check: exit 0 when publishable, 1 when not, with criteria, warnings and leaks', async () => {
    const { db, desk, seed } = await seededDatabase();
    const ok = await cli(['check', '--project', 'globex-mesh', '--db', db]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('- [X] **Used in appropriate capacity');
    const interview = (await desk.services.getInterview({ id: seed.adopters[3]!.interview.id })).interview;
    await desk.services.updateInterview({ id: interview.id, version: interview.version, summary: 'Vandelay Industries met Initech at a meetup.' });
    desk.close();
    const json = await cli(['check', '--project', 'globex-mesh', '--json', '--db', db]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.publishable).toBe(false);
    expect(report.leaks[0]).toMatchObject({ term: 'Initech', adopterNumber: 2, entryNumber: 4 });
    expect(report.warnings.map((w: { code: string }) => w.code)).toContain('EDITED_AFTER_APPROVAL');
  });

  it('usage and data errors', async () => {
    const { db, desk } = await seededDatabase();
    desk.close();
    expect((await cli(['export', 'adoption-md', '--db', db])).code).toBe(2);
    expect((await cli(['export', 'pdf', '--project', 'globex-mesh', '--db', db])).code).toBe(2);
    const missing = await cli(['check', '--project', 'nope', '--db', db]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('There is no project "nope"');
  });
});
