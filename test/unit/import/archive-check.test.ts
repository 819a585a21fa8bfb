import { describe, expect, it } from 'vitest';
import { parseArchive } from '../../../templates/import/archive-check';
import { archiveSchema } from '../../../templates/import/archive-schema';
import { freshDesk, inProcessDeskApi, unwrap } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';

/**
 * An archive is checked record by record and the check stops at the first 20 problems
 * (templates/import/archive-check.ts): a file of thousands of broken records is refused with
 * the first of them, in file order, instead of gathering every problem of every record (a 5 MB
 * file of broken interviews once took 30 s and 3.7 GB, a 20 MB one ran out of memory).
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function exportedArchive(): Promise<Json> {
  const desk = freshDesk();
  const { project } = await seedGlobexMesh(desk.services);
  const { base64 } = await unwrap(inProcessDeskApi(desk).exportArchive({ projectId: project.id }));
  return JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as Json;
}

const problemsOf = (data: unknown) => {
  const parsed = parseArchive(JSON.stringify(data));
  if (!('problems' in parsed)) throw new Error('the archive was accepted');
  return parsed.problems;
};

describe('an archive is checked record by record', () => {
  it('reads a good archive exactly as the whole schema does', async () => {
    const good = await exportedArchive();
    const parsed = parseArchive(JSON.stringify(good));
    expect('archive' in parsed && parsed.archive).toEqual(archiveSchema.parse(good));
  });

  it('refuses a field it does not know at every level, naming the place', async () => {
    const good = await exportedArchive();
    const places: [string, (a: Json) => void, RegExp][] = [
      ['project', (a) => (a.project.colour = 'red'), /^The project$/],
      ['organization', (a) => (a.organizations[0].colour = 'red'), /^Organization "/],
      ['adopter', (a) => (a.adopters[1].colour = 'red'), /^Adopter 2$/],
      ['interview', (a) => (a.adopters[1].interviews[0].colour = 'red'), /^Adopter 2, interview of /],
      ['interviewee', (a) => (a.adopters[1].interviews[0].participants[0].colour = 'red'), /^Adopter 2, interview of .*, interviewee 1$/],
    ];
    for (const [what, change, place] of places) {
      const changed = structuredClone(good);
      change(changed);
      const problems = problemsOf(changed);
      expect(problems, what).toHaveLength(1);
      expect(problems[0]!.path, what).toMatch(place);
      expect(problems[0]!.message, what).toMatch(/colour/);
    }
  });

  it('stops at the first 20 problems of a file of thousands of broken records, in file order', async () => {
    const archive = await exportedArchive();
    archive.adopters[0].interviews = Array.from({ length: 50_000 }, (_, k) => ({ key: `broken-${k}` }));
    const problems = problemsOf(archive);
    expect(problems).toHaveLength(21);
    expect(problems[0]!.path).toMatch(/^Adopter 1, interview 1, the /);
    expect(new Set(problems.slice(0, 20).map((p) => p.path.split(',')[1])).size).toBeLessThan(20);
    expect(problems[20]).toEqual({ path: 'The rest of the file', message: 'It was not checked: the first 20 problems are listed; correct them and import again.' });
  });

  it('stops at the first 20 links that name nothing', async () => {
    const archive = await exportedArchive();
    const stamps = { createdAt: '2025-03-01T10:00:00.000Z', updatedAt: '2025-03-01T10:00:00.000Z' };
    archive.adopters[1].interviews[0].quotes = Array.from({ length: 5_000 }, (_, k) => ({ key: `q-${k}`, text: 'We run it everywhere.', speaker: 'person:nobody', approved: false, tags: [], ...stamps }));
    const problems = problemsOf(archive);
    expect(problems).toHaveLength(21);
    expect(problems[0]!.message).toBe('No person has the key "person:nobody".');
    expect(problems[19]!.path).toMatch(/quote 20, the speaker$/);
  });

  it('refuses more adopters than a project holds before checking any of them', async () => {
    const archive = await exportedArchive();
    archive.adopters = Array.from({ length: 5_000 }, () => ({}));
    expect(problemsOf(archive)).toEqual([{ path: 'The archive', message: 'It holds 5,000 adopters; a project holds at most 999.' }]);
  });
});
