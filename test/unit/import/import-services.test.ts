import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../domain/limits';
import type { DeskApi } from '../../../services/contract';
import { anonymousOrganizationName } from '../../../services/import-dd';
import { failure, freshDesk, inProcessDeskApi, unwrap } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';
import { projectRecords } from './records';

/** Invented organizations and people only. */

const DD = `# Globex Mesh Incubation Due Diligence

## Ecosystem

Text.

#### Adoption

The interviews took place in 2024.

##### Adopter 1 - Globex/Finance

_Ada Example, Platform Lead_
SEPTEMBER 2024

Globex runs Globex Mesh in production.

##### Adopter 2 - Anonymous Retail

_Adopter and organization are anonymous_
OCTOBER 2024

Adopter 2 evaluates it.

##### Adopter 3 – Initech (Logistics)

Note: This adopter uses Globex Mesh via the Hooli Cloud platform.

Initech was interviewed on March 5, 2025 and runs it at the edge.
`;

function counts(desk: ReturnType<typeof freshDesk>) {
  const n = (table: string) => (desk.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { project: n('project'), organization: n('organization'), person: n('person'), adopter: n('adopter'), interview: n('interview'), participant: n('participant'), change: n('change') };
}

async function fresh() {
  const desk = freshDesk({ clock: () => new Date('2026-02-03T10:00:00Z') });
  return { desk, api: inProcessDeskApi(desk) };
}

describe('DD import through the services', () => {
  it('creates the project from the title and every entry, approved, in one change', async () => {
    const { desk, api } = await fresh();
    const report = await unwrap(api.importDdDocument({ fileName: 'globex.md', text: DD }));
    expect(report.created).toEqual({ projects: 1, organizations: 3, people: 1, adopters: 3, interviews: 3, quotes: 0 });
    expect(counts(desk).change).toBe(1);
    const records = projectRecords(desk, report.projectId!);
    expect(records.project).toMatchObject({ name: 'Globex Mesh', slug: 'globex-mesh', level: 'incubation', notes: 'The interviews took place in 2024.' });
    expect(records.adopters.map((a) => [a.number, a.organization.name, a.organization.industry, a.anonymous, a.publicLabel, a.stage, a.vendorNote])).toEqual([
      [1, 'Globex', 'Finance', false, null, 'approved', ''],
      [2, anonymousOrganizationName(2), 'Retail', true, null, 'approved', ''],
      [3, 'Initech', 'Logistics', false, null, 'approved', 'the Hooli Cloud platform'],
    ]);
    expect(records.adopters[2]!.adopterType).toBe('vendor-offering');
    expect(records.adopters[0]!.interviews[0]).toMatchObject({ month: '2024-09', date: null, approvedAt: '2026-02-03', summarySentAt: null, participants: [expect.objectContaining({ name: 'Ada Example', role: 'Platform Lead' })] });
    expect(records.adopters[2]!.interviews[0]).toMatchObject({ month: '2025-03', date: '2025-03-05' });
    const check = await unwrap(api.checkAdoption({ projectId: report.projectId! }));
    expect(check.warnings.map((w) => w.code)).not.toContain('EDITED_AFTER_APPROVAL');
    expect(check.leaks).toEqual([]);
  });

  it('export after import reproduces the entries; re-importing the export gives the same records and bytes', async () => {
    const { desk, api } = await fresh();
    const report = await unwrap(api.importDdDocument({ fileName: 'globex.md', text: DD }));
    const first = await unwrap(api.exportAdoptionMarkdown({ projectId: report.projectId! }));
    expect(first.markdown).toContain('##### Adopter 1 - Globex/Finance\n\n_Ada Example, Platform Lead_\\\nSEPTEMBER 2024\n\nGlobex runs Globex Mesh in production.');
    expect(first.markdown).toContain('##### Adopter 2 - Anonymous Retail\n\n_Adopter and organization are anonymous_\\\nOCTOBER 2024\n');
    expect(first.markdown).toContain('Note: This adopter uses Globex Mesh through the Hooli Cloud platform.');
    const other = await fresh();
    const project = await unwrap(other.api.createProject({ name: 'Globex Mesh', level: 'incubation' }));
    await unwrap(other.api.importDdDocument({ fileName: 'export.md', text: first.markdown, projectId: project.id }));
    const a = projectRecords(desk, report.projectId!);
    const b = projectRecords(other.desk, project.id);
    expect(b.adopters).toEqual(a.adopters);
    expect((await unwrap(other.api.exportAdoptionMarkdown({ projectId: project.id }))).markdown).toBe(first.markdown);
  });

  it('the app’s own export of a project made by hand comes back with its labels, people, months and summaries', async () => {
    const { desk, api } = await fresh();
    const { project } = await seedGlobexMesh(desk.services);
    const exported = await unwrap(api.exportAdoptionMarkdown({ projectId: project.id }));
    const other = await fresh();
    const target = await unwrap(other.api.createProject({ name: 'Globex Mesh', level: 'incubation' }));
    await unwrap(other.api.importDdDocument({ fileName: 'export.md', text: exported.markdown, projectId: target.id }));
    const again = (await unwrap(other.api.exportAdoptionMarkdown({ projectId: target.id }))).markdown;
    expect(again).toBe(exported.markdown);
    const before = projectRecords(desk, project.id).adopters.filter((x) => x.stage !== 'declined');
    const after = projectRecords(other.desk, target.id).adopters;
    expect(after.map((x) => [x.number, x.anonymous, x.interviews[0]!.month, x.interviews[0]!.summary])).toEqual(
      before.map((x) => [x.number, x.anonymous, x.interviews[0]!.month, x.interviews[0]!.summary]),
    );
    expect(after.map((x) => (x.anonymous ? null : x.organization.name))).toEqual(before.map((x) => (x.anonymous ? null : x.organization.name)));
  });

  it('a dry run reports exactly what would happen and writes nothing', async () => {
    const { desk, api } = await fresh();
    const before = counts(desk);
    const dry = await unwrap(api.importDdDocument({ fileName: 'globex.md', text: DD, dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, projectId: null });
    expect(dry.created.adopters).toBe(3);
    expect(counts(desk)).toEqual(before);
  });

  it('all or nothing: a bad entry refuses the whole document', async () => {
    const { desk, api } = await fresh();
    const before = counts(desk);
    const long = `${DD}\n##### Adopter 4 - ${'Initrode '.repeat(40)}/ Energy\n\nText.\n`;
    const error = await failure(api.importDdDocument({ fileName: 'bad.md', text: long }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/Adopter 4 \(line \d+\).*200 characters/);
    expect(counts(desk)).toEqual(before);
  });

  it('numbers already taken in the chosen project, or a project of that slug: refused, nothing written', async () => {
    const { desk, api } = await fresh();
    const report = await unwrap(api.importDdDocument({ fileName: 'globex.md', text: DD }));
    const before = counts(desk);
    expect((await failure(api.importDdDocument({ fileName: 'globex.md', text: DD, projectId: report.projectId! }))).message).toMatch(
      /already has Adopter 1, Adopter 2, Adopter 3/,
    );
    expect((await failure(api.importDdDocument({ fileName: 'globex.md', text: DD }))).message).toMatch(/A project named "Globex Mesh" already exists/);
    expect(counts(desk)).toEqual(before);
  });

  it('bad input: not a DD, binary, 50 MB; BOM and CRLF are fine', async () => {
    const { desk, api } = await fresh();
    expect((await failure(api.importDdDocument({ fileName: 'notes.md', text: '# Notes\n\nNothing here.\n' }))).message).toMatch(/does not look like a DD document.*Nothing was imported/);
    expect((await failure(api.importDdDocument({ fileName: 'x.bin', text: 'PK\u0003\u0004\u0000\u0000binary' }))).message).toMatch(/not a text file/);
    expect((await failure(api.importDdDocument({ fileName: 'big.md', text: 'x'.repeat(LIMITS.fileBytes + 1) }))).message).toMatch(/big.md is 50.1 MB; the limit is 50 MB/);
    expect(counts(desk).project).toBe(0);
    const crlf = await unwrap(api.importDdDocument({ fileName: 'crlf.md', text: `\uFEFF${DD.replace(/\n/g, '\r\n')}` }));
    const lf = await fresh();
    const plain = await unwrap(lf.api.importDdDocument({ fileName: 'crlf.md', text: DD }));
    expect(projectRecords(desk, crlf.projectId!)).toEqual(projectRecords(lf.desk, plain.projectId!));
  });

  it('undo removes the whole import', async () => {
    const { desk, api } = await fresh();
    const before = counts(desk);
    const report = await unwrap(api.importDdDocument({ fileName: 'globex.md', text: DD }));
    await unwrap(api.undo({ projectId: report.projectId! }));
    const after = counts(desk);
    expect({ ...after, change: 0 }).toEqual({ ...before, change: 0 });
  });
});

const NOTES = `# Globex Mesh Adopter Interview - Globex

**Meeting Time:** 9/8/2025 5 PM CET
**Attendees:**
- **TOC:** Rae Reviewer, TOC Sponsor
- **Adopter:** Ada Example (Platform Lead, Globex)
- **Adopter:** Platform team representative

## Usage Scenario

### How long has your organization used the project?

Since 2022.

### What is the current level of usage (pre-production, production) and scale?

Production, 300 services.

_What do you like about the logo?_

It is green.
`;

describe('interview notes import through the services', () => {
  async function withAdopter(api: DeskApi) {
    const project = await unwrap(api.createProject({ name: 'Globex Mesh', level: 'incubation' }));
    const org = await unwrap(api.createOrganization({ name: 'Globex' }));
    const adopter = await unwrap(api.createAdopter({ projectId: project.id, organizationId: org.id }));
    return { project, adopter };
  }

  it('answers under TOC keys and custom keys, attendees as interviewers and participants, the rest in raw notes', async () => {
    const { api } = await fresh();
    const { project, adopter } = await withAdopter(api);
    const report = await unwrap(api.importInterviewNotes({ fileName: 'notes.md', text: NOTES, projectId: project.id, adopterNumber: 1 }));
    expect(report.warnings.join(' ')).toMatch(/names no one/);
    const [interview] = await unwrap(api.listInterviews({ adopterId: adopter.id }));
    const detail = await unwrap(api.getInterview({ id: interview!.id }));
    expect(detail.interview).toMatchObject({ date: '2025-09-08', month: '2025-09', interviewers: ['Rae Reviewer'] });
    expect(detail.participants.map((p) => [p.person.name, p.person.role])).toEqual([['Ada Example', 'Platform Lead, Globex']]);
    expect(detail.answers.map((a) => [a.questionKey, a.text])).toEqual([
      ['custom-1', '_What do you like about the logo?_\n\nIt is green.'],
      ['q1', 'Since 2022.'],
      ['q4', 'Production, 300 services.'],
    ]);
    expect(detail.interview.rawNotes).toContain('Platform team representative');
    expect(detail.interview.rawNotes).toContain('### How long has your organization used the project?');
    expect((await unwrap(api.getAdopter({ id: adopter.id }))).adopter.stage).toBe('interviewed');
  });

  it('an unknown adopter or a file without answers is refused, nothing written', async () => {
    const { desk, api } = await fresh();
    const { project } = await withAdopter(api);
    const before = counts(desk);
    expect((await failure(api.importInterviewNotes({ fileName: 'n.md', text: NOTES, projectId: project.id, adopterNumber: 9 }))).code).toBe('NOT_FOUND');
    expect((await failure(api.importInterviewNotes({ fileName: 'n.md', text: '# Title\n\nJust text.\n', projectId: project.id, adopterNumber: 1 }))).message).toMatch(/does not look like interview notes/);
    expect(counts(desk)).toEqual(before);
  });
});

describe('candidate CSV import through the services', () => {
  const CSV = '\uFEFFCompany,Contact,E-mail,Industry,How do you use it?\r\nGlobex,Ada Example,ada@globex.example,Finance,"In production, ""everywhere""\r\nacross regions"\r\nInitech,Bo Sample,bo@initech.example,Retail,Testing\r\ninitech,,cy@initech.example,,\r\nUmbrella,Dee Example,dee@umbrella.example,,Pilot\r\n';

  it('preview (dry run): the mapping, every row, duplicates flagged; nothing written', async () => {
    const { desk, api } = await fresh();
    const project = await unwrap(api.createProject({ name: 'Globex Mesh', level: 'incubation' }));
    const globex = await unwrap(api.createOrganization({ name: 'Umbrella', website: 'https://umbrella.example' }));
    await unwrap(api.createAdopter({ projectId: project.id, organizationId: globex.id }));
    const before = counts(desk);
    const preview = await unwrap(api.importCandidates({ fileName: 'c.csv', text: CSV, projectId: project.id, dryRun: true }));
    expect(preview.entries[0]!.recognized).toEqual({ Company: 'organization', Contact: 'name', 'E-mail': 'email', Industry: 'industry', 'How do you use it?': 'notes (unmapped)' });
    expect(preview.entries.slice(1).map((e) => e.warnings)).toEqual([
      [],
      [],
      ['The same organization as the row on line 4.'],
      ['Umbrella is already Adopter 1 of Globex Mesh.'],
    ]);
    expect(preview.entries[1]!.recognized).toMatchObject({ organization: 'Globex', notes: 'How do you use it?: In production, "everywhere"\nacross regions' });
    expect(preview.created).toMatchObject({ adopters: 4, organizations: 2, people: 3 });
    expect(counts(desk)).toEqual(before);
    const done = await unwrap(api.importCandidates({ fileName: 'c.csv', text: CSV, projectId: project.id }));
    expect(done.created.adopters).toBe(4);
    expect((await unwrap(api.listAdopters({ projectId: project.id }))).map((a) => [a.number, a.stage])).toEqual([
      [1, 'candidate'],
      [2, 'candidate'],
      [3, 'candidate'],
      [4, 'candidate'],
      [5, 'candidate'],
    ]);
  });

  it('a column mapping chosen by the user; unmapped columns go to the notes', async () => {
    const { desk, api } = await fresh();
    const project = await unwrap(api.createProject({ name: 'Globex Mesh', level: 'incubation' }));
    const csv = 'Org;Who;Extra\nGlobex;Ada Example;likes it\n';
    const report = await unwrap(api.importCandidates({ fileName: 'c.csv', text: csv, projectId: project.id, mapping: { Org: 'organization', Who: 'name' } }));
    expect(report.created).toMatchObject({ adopters: 1, people: 1 });
    expect(projectRecords(desk, project.id).adopters[0]!.notes).toBe('Extra: likes it');
  });

  it('row-level errors refuse the whole file; malformed CSV is refused with its line', async () => {
    const { desk, api } = await fresh();
    const project = await unwrap(api.createProject({ name: 'Globex Mesh', level: 'incubation' }));
    const before = counts(desk);
    const bad = 'Company,E-mail,Website\nGlobex,ada@globex.example,https://globex.example\nInitech,not-an-address,\n,x@y.example,ftp://nope\n';
    const error = await failure(api.importCandidates({ fileName: 'c.csv', text: bad, projectId: project.id }));
    expect(error.message).toMatch(/2 rows.*line 3: That is not an e-mail address.*line 4: The organization is empty.*Nothing was imported/);
    expect(counts(desk)).toEqual(before);
    const malformed = 'Company,Notes\nGlobex,"never closed\nInitech,ok\n';
    expect((await failure(api.importCandidates({ fileName: 'c.csv', text: malformed, projectId: project.id }))).message).toMatch(/line 2: A quoted field is never closed/);
    expect((await failure(api.importCandidates({ fileName: 'c.csv', text: 'Name,Notes\nAda,x\n', projectId: project.id }))).message).toMatch(/No column is mapped to organization/);
    expect(counts(desk)).toEqual(before);
  });
});
