import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../services/archive-export';
import { checkArchive } from '../../../templates/import/archive-check';
import { serializeArchive } from '../../../templates/import/archive-format';
import { archiveToSnapshot, filesToSnapshot, inCreationOrder, shareFilePath, snapshotToArchive, snapshotToFiles } from '../../../templates/share/format';
import type { ShareRecord, ShareSnapshot } from '../../../templates/share/records';
import { freshDesk, inProcessDeskApi } from '../../helpers/desk';
import { buildProject, projectPlan } from '../../helpers/random-project';
import { seedGlobexMesh } from '../../helpers/seed';

/**
 * The share format (issue 19): a project's archive as records, the records as one file each,
 * and back, with nothing lost, the same bytes for the same data, and the archive door taking
 * what comes out.
 */

/** A snapshot's records in a fixed order, to compare two snapshots as sets of records. */
const records = (snapshot: ShareSnapshot) => [...snapshot.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
const read = (files: ReadonlyMap<string, string>) => {
  const result = filesToSnapshot(files);
  if ('problems' in result) throw new Error(result.problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
  return result;
};

/** Keys of every object, at every level, in sorted order. */
function keysSorted(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysSorted);
  if (value === null || typeof value !== 'object') return true;
  const keys = Object.keys(value);
  return keys.join('\0') === [...keys].sort().join('\0') && Object.values(value).every(keysSorted);
}

describe('share format', () => {
  it('property: random project → archive → records → archive gives the same archive, and records → files → records the same records', async () => {
    await fc.assert(
      fc.asyncProperty(projectPlan, async (plan) => {
        // One clock for every record: ties everywhere, so the order must come from the records alone.
        const desk = freshDesk({ clock: () => new Date('2025-03-04T05:06:07.000Z') });
        const project = await buildProject(inProcessDeskApi(desk), plan);
        const archive = desk.store.read(() => buildArchive(desk.store, project.id));

        const snapshot = archiveToSnapshot(archive);
        const back = snapshotToArchive(snapshot);
        expect(back).toEqual(archive);
        expect(serializeArchive(back)).toBe(serializeArchive(archive));

        const files = snapshotToFiles(snapshot);
        const { snapshot: again, projectUid } = read(files);
        expect(projectUid).toBe(archive.project.uid);
        expect(records(again)).toEqual(records(snapshot));
        // The same files from the records read back, and an archive the archive door takes.
        expect([...snapshotToFiles(again)]).toEqual([...files]);
        expect(checkArchive(snapshotToArchive(again))).toHaveProperty('archive');
        desk.close();
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('writes one record per file, named by its uid, JSON with sorted keys, two-space indent, LF and one final newline; the same data gives the same bytes', async () => {
    const desk = freshDesk();
    const { project } = await seedGlobexMesh(desk.services);
    const snapshot = archiveToSnapshot(desk.store.read(() => buildArchive(desk.store, project.id)));
    const files = snapshotToFiles(snapshot);

    // Twice, and from the records in the reverse order: byte for byte the same.
    expect([...snapshotToFiles(snapshot)]).toEqual([...files]);
    expect([...snapshotToFiles(new Map([...snapshot].reverse()))]).toEqual([...files]);
    expect([...files.keys()]).toEqual([...files.keys()].sort());

    for (const [path, text] of files) {
      expect(text).not.toContain('\r');
      if (!path.endsWith('.json')) continue;
      expect(text.endsWith('}\n') && !text.endsWith('\n\n')).toBe(true);
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      expect(keysSorted(JSON.parse(text))).toBe(true);
    }
    for (const record of snapshot.values()) {
      expect(JSON.parse(files.get(shareFilePath(record.kind, record.uid))!)).toMatchObject({ uid: record.uid });
    }
    // The layout of issue 19 (Globex Mesh has no allowances, dismissals nor quotes yet).
    expect(new Set([...files.keys()].map((p) => p.replace(/\/[^/]*$/, '/')))).toEqual(
      new Set(['.gitattributes', 'README.md', 'format.json', 'project.json', 'organizations/', 'people/', 'adopters/', 'interviews/', 'participants/']),
    );
    const interviews = [...snapshot.values()].filter((r) => r.kind === 'interview');
    expect(interviews.length).toBe(4);
    for (const iv of interviews) {
      // The long texts are files of their own, out of the JSON.
      expect(files.get(`interviews/${iv.uid}.summary.md`)).toBe(`${String(iv.fields.summary)}\n`);
      expect(files.get(`interviews/${iv.uid}.raw-notes.md`)).toBe('');
      expect(JSON.parse(files.get(`interviews/${iv.uid}.json`)!)).not.toHaveProperty('summary');
    }
    // Every record, the interviews' two texts, format.json, README.md and .gitattributes: nothing else.
    expect(files.size).toBe(snapshot.size + 2 * interviews.length + 3);
    expect(JSON.parse(files.get('format.json')!)).toEqual({ format: 'adoption-desk-share', version: 1, projectUid: [...snapshot.values()].find((r) => r.kind === 'project')!.uid });
    expect(files.get('README.md')).toMatch(/private.*Do not make it public/s);
  });

  it('links by uid, never by archive key: a record holds no key, and nested lists are records of their own', async () => {
    const desk = freshDesk();
    const { project } = await seedGlobexMesh(desk.services);
    const archive = desk.store.read(() => buildArchive(desk.store, project.id));
    const snapshot = archiveToSnapshot(archive);
    const byKind = (kind: string) => [...snapshot.values()].filter((r) => r.kind === kind);
    for (const r of snapshot.values()) {
      expect(r.fields).not.toHaveProperty('key');
      expect(r.fields).not.toHaveProperty('uid');
      for (const list of ['interviews', 'allowances', 'dismissals', 'participants', 'answers', 'quotes']) expect(r.fields).not.toHaveProperty(list);
    }
    const adopter = archive.adopters[1]!;
    const record = snapshot.get(`adopter:${adopter.uid}`)!;
    const org = archive.organizations.find((o) => o.key === adopter.organization)!;
    expect(record.fields.organizationUid).toBe(org.uid);
    const interview = byKind('interview').find((i) => i.fields.adopterUid === adopter.uid)!;
    expect(interview.uid).toBe(adopter.interviews[0]!.uid);
    const participant = byKind('participant').find((p) => p.fields.interviewUid === interview.uid)!;
    const person = archive.people.find((p) => p.key === adopter.interviews[0]!.participants[0]!.person)!;
    expect(participant.fields.personUid).toBe(person.uid);
    expect(snapshot.get(`person:${person.uid}`)!.fields.organizationUid).toBe(org.uid);
    expect(byKind('organization').length).toBe(archive.organizations.length);
  });

  it('refuses an archive without stable ids (version 1) in words, naming the record', async () => {
    const desk = freshDesk();
    const { project } = await seedGlobexMesh(desk.services);
    const archive = desk.store.read(() => buildArchive(desk.store, project.id));
    const withoutUid = structuredClone(archive);
    delete withoutUid.adopters[2]!.uid;
    expect(() => archiveToSnapshot(withoutUid)).toThrow(/Adopter 3 has no stable id.*archive version 1/);
    const quoteless = structuredClone(archive);
    quoteless.people[0]!.uid = archive.people[1]!.uid;
    expect(() => archiveToSnapshot(quoteless)).toThrow(/same stable id as another record/);
  });

  it('a snapshot in creation order converts to the same archive whatever order its records came in (a merge builds them in its own)', async () => {
    // One clock for every record: creation order falls to the uids.
    const desk = freshDesk({ clock: () => new Date('2025-03-04T05:06:07.000Z') });
    const { project, adopters } = await seedGlobexMesh(desk.services);
    // Records the archive orders by local id: two quotes of one interview, two undated interviews of one adopter.
    for (const text of ['It just works.', 'Upgrades are boring now.']) await desk.services.createQuote({ interviewId: adopters[0]!.interview.id, text, speakerPersonId: null, approved: true, tags: [] });
    for (const summary of ['First call.', 'Second call.']) await desk.services.createInterview({ adopterId: adopters[1]!.adopter.id, summary });
    const records = [...archiveToSnapshot(desk.store.read(() => buildArchive(desk.store, project.id))).values()];
    const expected = serializeArchive(snapshotToArchive(inCreationOrder(records)));
    fc.assert(
      fc.property(fc.shuffledSubarray(records, { minLength: records.length }), (shuffled) => {
        expect(serializeArchive(snapshotToArchive(inCreationOrder(shuffled)))).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses to write a record whose uid cannot name a file, and to convert a snapshot whose links lead nowhere', async () => {
    const desk = freshDesk();
    const { project } = await seedGlobexMesh(desk.services);
    const snapshot = archiveToSnapshot(desk.store.read(() => buildArchive(desk.store, project.id)));
    const escaping = new Map(snapshot).set('quote:../../x', { kind: 'quote', uid: '../../x', fields: {} });
    expect(() => snapshotToFiles(escaping)).toThrow(/stable id "..\/..\/x" is not letters, digits and dashes; it cannot name a file/);
    const orphan = new Map([...snapshot].filter(([, r]) => r.kind !== 'adopter'));
    expect(() => snapshotToArchive(orphan)).toThrow(/names a record the project does not hold/);
    expect(() => snapshotToFiles(new Map([...snapshot].filter(([, r]) => r.kind !== 'project')))).toThrow('A shared project holds one project record; this one holds none.');
  });

  it('carries conflict records generically, like any record', async () => {
    const desk = freshDesk();
    const { project } = await seedGlobexMesh(desk.services);
    const snapshot = new Map(archiveToSnapshot(desk.store.read(() => buildArchive(desk.store, project.id))));
    const conflict: ShareRecord = { kind: 'conflict', uid: 'c0ffee00-0000-4000-8000-000000000001', fields: { field: 'summary', theirs: 'Ana wrote this.', base: null, nested: { z: 1, a: [2, { y: true, b: null }] } } };
    snapshot.set('conflict:c0ffee00-0000-4000-8000-000000000001', conflict);
    const files = snapshotToFiles(snapshot);
    const text = files.get('conflicts/c0ffee00-0000-4000-8000-000000000001.json')!;
    expect(keysSorted(JSON.parse(text))).toBe(true);
    expect(read(files).snapshot.get('conflict:c0ffee00-0000-4000-8000-000000000001')).toEqual(conflict);
    // Not project data: the archive leaves it out.
    expect(serializeArchive(snapshotToArchive(snapshot))).not.toContain('Ana wrote this.');
  });
});
