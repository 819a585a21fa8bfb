import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { openDesk } from '../../../services/desk';
import type { SearchResults } from '../../../services/views';
import { tempDir } from '../../helpers/temp-dir';

/** A database with two projects sharing an organization, written through the services. */
async function database(): Promise<string> {
  const file = path.join(tempDir(), 'desk.sqlite');
  const desk = openDesk(file);
  try {
    const { services } = desk;
    const mesh = await services.createProject({ name: 'Globex Mesh', level: 'incubation' });
    const proxy = await services.createProject({ name: 'Initech Proxy', level: 'graduation', slug: 'proxy' });
    const initech = await services.createOrganization({ name: 'Initech', aliases: ['Initech Corp'] });
    await services.createOrganization({ name: 'Kubera Example' });
    const a = await services.createAdopter({ projectId: mesh.id, organizationId: initech.id });
    const b = await services.createAdopter({ projectId: proxy.id, organizationId: initech.id });
    const one = await services.createInterview({ adopterId: a.id, summary: 'Initech runs Kubernetes in production.' });
    await services.setAnswer({ interviewId: one.id, questionKey: 'q13', text: 'Kubernetes-native   and\nfast.', version: null });
    await services.createInterview({ adopterId: b.id, summary: 'The proxy fronts their Kubernetes ingress.' });
  } finally {
    desk.close();
  }
  return file;
}

describe('adoption-desk search', () => {
  it('prints hits grouped by project, one line each: title and snippet', async () => {
    const db = await database();
    const result = await cli(['search', 'kube', '--db', db]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toContain('Globex Mesh (globex-mesh)');
    expect(lines).toContain('Initech Proxy (proxy)');
    expect(lines).toContain('Not in any project');
    expect(lines).toContain('  Adopter 1 - Initech · summary: Initech runs [[Kubernetes]] in production.');
    expect(lines).toContain('  Adopter 1 - Initech · notes: Strengths: [[Kubernetes]]-native and fast.');
    expect(lines).toContain('  Adopter 1 - Initech · summary: The proxy fronts their [[Kubernetes]] ingress.');
    expect(lines).toContain('  Kubera Example (organization): [[Kubera]] Example');
    // Every hit sits under its project's heading.
    const proxyAt = lines.indexOf('Initech Proxy (proxy)');
    expect(lines[proxyAt + 1]).toBe('  Adopter 1 - Initech · summary: The proxy fronts their [[Kubernetes]] ingress.');
  });

  it('filters to one project, takes several words, and prints JSON', async () => {
    const db = await database();
    const result = await cli(['--db', db, 'search', 'kubernetes', 'ingress', '--project', 'proxy', '--json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as SearchResults;
    expect(parsed).toEqual({
      query: 'kubernetes ingress',
      total: 1,
      groups: [
        {
          project: { id: expect.any(Number), name: 'Initech Proxy', slug: 'proxy' },
          hits: [
            {
              kind: 'summary',
              title: 'Adopter 1 - Initech · summary',
              snippet: 'The proxy fronts their [[Kubernetes]] [[ingress]].',
              organizationId: expect.any(Number),
              adopterId: expect.any(Number),
              interviewId: expect.any(Number),
              questionKey: null,
            },
          ],
        },
      ],
    });
  });

  it('says so when nothing matches, and when the list was cut at --limit', async () => {
    const db = await database();
    expect(await cli(['search', 'zzzunknown', '--db', db])).toEqual({ code: 0, stdout: 'No matches for "zzzunknown".\n', stderr: '' });
    expect((await cli(['search', '***', '--db', db])).stdout).toBe('No matches for "***".\n');
    const limited = await cli(['search', 'kubernetes', '--limit', '1', '--db', db]);
    expect(limited.code).toBe(0);
    expect(limited.stdout.split('\n').filter((l) => l.startsWith('  '))).toHaveLength(1);
    expect(limited.stdout).toContain('Showing the best 1; there may be more');
  });

  it('never fails on search syntax typed as the query', async () => {
    const db = await database();
    for (const query of ['"kubernetes', 'NEAR(', 'kubernetes OR', 'body:kubernetes', '*', '"', '(']) {
      const result = await cli(['search', query, '--db', db]);
      expect(result.code, `${query}: ${result.stderr}`).toBe(0);
    }
    // A query starting with "-" comes after "--".
    expect((await cli(['search', '--db', db, '--', '-kubernetes'])).stdout).toContain('[[Kubernetes]]');
  });

  it.each([
    [['search'], 'search needs something to search for.'],
    [['search', '--json'], 'search needs something to search for.'],
    [['search', 'kube', '--limit', 'many'], '--limit takes a whole number from 1 to 500, not "many".'],
    [['search', 'kube', '--limit', '0'], '--limit takes a whole number'],
    [['search', 'kube', '--limit', '501'], '--limit takes a whole number'],
    [['search', 'kube', '--colour'], "Unknown option '--colour'"],
  ])('usage errors exit 2: %j', async (args, message) => {
    const db = await database();
    const result = await cli([...args, '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('an unknown project is a data error, and a missing database is not created', async () => {
    const db = await database();
    const unknown = await cli(['search', 'kube', '--project', 'nope', '--db', db]);
    expect(unknown.code).toBe(4);
    const missing = path.join(tempDir(), 'none.sqlite');
    expect((await cli(['search', 'kube', '--db', missing])).code).toBe(4);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
