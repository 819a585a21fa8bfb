import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

/** Invented organizations and people only. */
const DD = `# Globex Mesh Incubation Due Diligence

#### Adoption

##### Adopter 1 - Globex/Finance

_Ada Example, Platform Lead_
SEPTEMBER 2024

Globex runs Globex Mesh in production.

##### Adopter 2 - Retail

OCTOBER 2024

The team evaluates it.
`;

const NOTES = `# Globex Mesh Adopter Interview - Globex

Interview date: Sept. 11th, 2024
Interviewee: Ada Example, Platform Lead, Globex

### How long has your organization used the project?

Two years.
`;

function files() {
  const dir = tempDir();
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  return { dir, db: path.join(dir, 'desk.sqlite'), write };
}

describe('import commands', () => {
  it('import-dd: a report, JSON on request, a dry run writes nothing', async () => {
    const { db, write } = files();
    const dd = write('globex.md', DD);
    const dry = await cli(['import-dd', dd, '--dry-run', '--db', db]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Would import 2 adopter entries from .*globex\.md into a new project \(dry run: nothing was written\): 1 project/);
    expect((await cli(['project', 'list', '--json', '--db', db])).stdout).toBe('[]\n');

    const done = await cli(['import-dd', dd, '--db', db]);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Imported 2 adopter entries');
    expect(done.stdout).toContain('Adopter 1: Globex / Finance, 2024-09, 1 interviewee');
    expect(done.stdout).toContain('Adopter 2: anonymous (Retail), 2024-10');
    // Per entry: where it is, how its heading was read and why, its month and its people.
    expect(dry.stdout).toContain(
      [
        '  Adopter 1: Globex / Finance, 2024-09, 1 interviewee',
        '      lines 5–10: ##### Adopter 1 - Globex/Finance',
        '      read as organization "Globex", industry "Finance": the heading gives the organization and, after the slash, its industry',
        '      month: 2024-09',
        '      people: Ada Example (Platform Lead)',
        '  Adopter 2: anonymous (Retail), 2024-10',
        '      lines 12–16: ##### Adopter 2 - Retail',
        '      read as anonymous, published as "Retail": the label is only an industry',
        '      month: 2024-10',
        '      people: none named',
      ].join('\n'),
    );
    expect(done.stdout).toMatch(/Warnings:\n.*only an industry/);
    const listed = await cli(['adopters', '--project', 'globex-mesh', '--json', '--db', db]);
    expect(JSON.parse(listed.stdout)).toHaveLength(2);

    const again = await cli(['import-dd', dd, '--json', '--db', path.join(files().dir, 'other.sqlite')]);
    expect(JSON.parse(again.stdout)).toMatchObject({ dryRun: false, created: { adopters: 2 } });
  });

  it('import-dd: exit 2 for usage, 4 for a file that is not a DD, binary, or missing', async () => {
    const { db, write } = files();
    expect((await cli(['import-dd', '--db', db])).code).toBe(2);
    const notDd = await cli(['import-dd', write('notes.md', '# Notes\n\nNothing.\n'), '--db', db]);
    expect(notDd).toMatchObject({ code: 4, stdout: '' });
    expect(notDd.stderr).toMatch(/does not look like a DD document.*Nothing was imported/);
    const binary = await cli(['import-dd', write('x.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), '--db', db]);
    expect(binary.code).toBe(4);
    expect(binary.stderr).toMatch(/not a text file/);
    const missing = await cli(['import-dd', path.join(files().dir, 'none.md'), '--db', db]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/There is no file/);
    expect((await cli(['import-dd', write('g.md', DD), '--project', 'nope', '--db', db])).code).toBe(4);
  });

  it('import-dd: a new project named on the command line; an organization of another project is shared only with --same', async () => {
    const { db, write } = files();
    const file = write('globex.md', DD);
    expect((await cli(['import-dd', file, '--db', db])).code).toBe(0);
    // The same document again, as another DD: the name is taken, so the reviewer names the new project.
    const taken = await cli(['import-dd', file, '--db', db]);
    expect(taken.code).toBe(4);
    expect(taken.stderr).toContain('A project named "Globex Mesh" already exists. Import into that project, or give the new project another name.');
    const dry = await cli(['import-dd', file, '--name', 'Globex Mesh 2026', '--level', 'graduation', '--dry-run', '--db', db]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Globex: kept apart from Globex (Finance) in Globex Mesh. If it is the same organization, import with --same "Globex".');
    const same = await cli(['import-dd', file, '--name', 'Globex Mesh 2026', '--level', 'graduation', '--same', 'Globex', '--db', db]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('Globex: the same record as in Globex Mesh (as you said); its record was not changed.');
    expect((await cli(['import-dd', file, '--name', 'X', '--db', db])).code).toBe(2);
    expect((await cli(['import-dd', file, '--name', 'X', '--level', 'sandbox', '--db', db])).stderr).toContain('--level is incubation or graduation');
  });

  it('import-notes: into an adopter by number', async () => {
    const { db, write } = files();
    await cli(['import-dd', write('globex.md', DD), '--db', db]);
    expect((await cli(['import-notes', write('n.md', NOTES), '--project', 'globex-mesh', '--db', db])).code).toBe(2);
    const done = await cli(['import-notes', write('n.md', NOTES), '--project', 'globex-mesh', '--adopter', '1', '--db', db]);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/Imported .*n\.md into Adopter 1 of Globex Mesh/);
    expect(done.stdout).toContain('Q1 (line 6): How long has your organization used the project?');
  });

  it('import-candidates: a column mapping, a preview, then the import', async () => {
    const { db, write } = files();
    await cli(['project', 'add', '--name', 'Globex Mesh', '--level', 'incubation', '--db', db]);
    const csv = write('c.csv', 'Firm,Person,Mail\nGlobex,Ada Example,ada@globex.example\nInitech,Bo Sample,bo@initech.example\n');
    const preview = await cli(['import-candidates', csv, '--project', 'globex-mesh', '--map', 'Firm=organization,Person=name,Mail=email', '--dry-run', '--db', db]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/Preview of .*c\.csv into Globex Mesh \(dry run: nothing was written\): 2 organizations, 2 people, 2 adopters\./);
    expect(preview.stdout).toContain('Columns: Firm → organization, Person → name, Mail → email');
    const done = await cli(['import-candidates', csv, '--project', 'globex-mesh', '--map', 'Firm=organization,Person=name,Mail=email', '--db', db]);
    expect(done.code).toBe(0);
    expect(JSON.parse((await cli(['adopters', '--project', 'globex-mesh', '--json', '--db', db])).stdout)).toHaveLength(2);
    expect((await cli(['import-candidates', csv, '--project', 'globex-mesh', '--map', 'Firm', '--db', db])).code).toBe(2);
  });

  it('archive export, then import into another database and again (nothing new)', async () => {
    const { db, dir, write } = files();
    await cli(['import-dd', write('globex.md', DD), '--db', db]);
    const out = path.join(dir, 'globex.json');
    const exported = await cli(['archive', 'export', '--project', 'globex-mesh', '--out', out, '--db', db]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({ format: 'adoption-desk-archive', version: 3 });
    const other = path.join(dir, 'other.sqlite');
    const imported = await cli(['archive', 'import', out, '--db', other]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Merged .*globex\.json: 1 project, 2 organizations, 1 person, 2 adopters, 2 interviews\./);
    const again = await cli(['archive', 'import', out, '--json', '--db', other]);
    expect(JSON.parse(again.stdout).created).toEqual({ projects: 0, organizations: 0, people: 0, adopters: 0, interviews: 0, quotes: 0 });
    const broken = await cli(['archive', 'import', write('broken.json', '{"format":"adoption-desk-archive"'), '--db', other]);
    expect(broken.code).toBe(4);
    expect(broken.stderr).toMatch(/cannot be imported as an Adoption Desk archive\. The file: It is not JSON/);
  });
});
