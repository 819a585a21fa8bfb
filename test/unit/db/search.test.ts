import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { KIND_SPAN, SEARCH_KINDS } from '../../../db/migrations/0003-search';
import { openDatabase } from '../../../db/open';
import { MAX_EXPANSION, RANK_WINDOW, expandedQuery, markSnippet, searchIndex, toFtsQuery } from '../../../db/search';
import type { Services } from '../../../services/contract';
import { dispatch } from '../../../services/dispatch';
import { DeskError } from '../../../domain/errors';
import type { SearchHit, SearchResults } from '../../../services/views';
import { freshDesk } from '../../helpers/desk';
import { tempDir } from '../../helpers/temp-dir';

/**
 * Full-text search: the index (migration 3, kept by triggers), the query builder and the
 * search operation. Data goes in through the services, as the app writes it, so every
 * write path (repository, undo, trash, cascades) is the real one.
 */

type Desk = ReturnType<typeof freshDesk>;

/** Two projects, three organizations, interviews with every kind of text. */
async function seed(services: Services) {
  const mesh = await services.createProject({ name: 'Globex Mesh', level: 'incubation' });
  const proxy = await services.createProject({ name: 'Initech Proxy', level: 'graduation' });
  const initech = await services.createOrganization({ name: 'Initech', aliases: ['Initech Corp', 'Penguin Payments'] });
  const globex = await services.createOrganization({ name: 'Globex' });
  const logistik = await services.createOrganization({ name: 'Müller Logistik', industry: 'Logistics' });
  const unused = await services.createOrganization({ name: 'Umbrella Example' });

  const a1 = await services.createAdopter({ projectId: mesh.id, organizationId: initech.id });
  const a2 = await services.createAdopter({ projectId: mesh.id, organizationId: globex.id, anonymous: true });
  const b1 = await services.createAdopter({ projectId: proxy.id, organizationId: initech.id });

  const i1 = await services.createInterview({
    adopterId: a1.id,
    date: '2024-09-17',
    summary: 'Initech runs the mesh on Kubernetes clusters in production since 2022.',
    rawNotes: 'Ada Example said the sidecar\ninjection    was   painful at first. Zoë from platform agrees.',
  });
  const q4 = await services.setAnswer({ interviewId: i1.id, questionKey: 'q4', text: 'Production, forty clusters, about nine hundred nodes.', version: null });
  const quote = await services.createQuote({ interviewId: i1.id, text: 'Upgrades are boring now, which is the point.' });

  const i2 = await services.createInterview({
    adopterId: a2.id,
    date: '2024-10-02',
    summary: 'Globex evaluates the mesh for its warehouse traffic; a partner is Müller Logistik.',
  });
  const i3 = await services.createInterview({ adopterId: b1.id, date: '2024-11-05', summary: 'Initech fronts its payment APIs with the proxy.' });
  return { mesh, proxy, initech, globex, logistik, unused, a1, a2, b1, i1, i2, i3, q4, quote };
}

const search = (desk: Desk, query: string, options: { projectId?: number; limit?: number } = {}) =>
  desk.services.search({ query, ...options }) as Promise<SearchResults>;
const hitsOf = (results: SearchResults): SearchHit[] => results.groups.flatMap((g) => g.hits);
const titles = async (desk: Desk, query: string, options: { projectId?: number } = {}) => hitsOf(await search(desk, query, options)).map((h) => h.title);

/** FTS5 compares the index with the view over the real tables: any drift throws. */
function assertIndexInSync(desk: Desk): void {
  desk.store.db.prepare("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)").run();
  const indexed = desk.store.db.prepare('SELECT count(*) FROM search_index_docsize').pluck().get();
  const source = desk.store.db.prepare('SELECT count(*) FROM search_source').pluck().get();
  expect(indexed).toBe(source);
}

describe('the bundled SQLite', () => {
  it('has FTS5', () => {
    const db = new Database(':memory:');
    const options = db.pragma('compile_options', { simple: false }) as { compile_options: string }[];
    expect(options.map((o) => o.compile_options)).toContain('ENABLE_FTS5');
    db.close();
  });
});

describe('toFtsQuery: what the user types becomes a safe FTS5 query', () => {
  it.each([
    ['kube', '"kube"*'],
    ['  Kubernetes   clusters ', '"Kubernetes" "clusters"*'],
    ['say "hi', '"say" """hi"*'],
    ['NEAR(a b)', '"NEAR(a" "b)"'],
    ['NEAR(alpha beta)', '"NEAR(alpha" "beta)"*'],
    ['x OR y', '"x" "OR" "y"'],
    ['-sidecar', '"-sidecar"*'],
    ['summary:boring', '"summary:boring"*'],
    ['k', '"k"'],
    ['*** ! ??', null],
    ['"', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(toFtsQuery(input)).toBe(expected);
  });

  it('composes decomposed accents (NFD) so they fold like composed ones', () => {
    expect(toFtsQuery('Mu\u0308ller')).toBe('"Müller"*');
  });
});

describe('expandedQuery: a long last word becomes the indexed words it begins', () => {
  const indexOf = (...texts: string[]) => {
    const desk = freshDesk();
    const db = desk.store.db;
    const now = '2024-01-01T00:00:00.000Z';
    const insert = db.prepare("INSERT INTO organization (name, created_at, updated_at) VALUES (?, ?, ?)");
    for (const text of texts) insert.run(text, now, now);
    desk.store.indexPending();
    return db;
  };

  it('expands plain words of four letters or more, and leaves the rest to FTS5 prefixes', () => {
    const db = indexOf('Cluster Example', 'Clusters Inc', 'Clustering Ltd', 'Cloud Ltd');
    expect(expandedQuery(db, 'big clust')).toBe('"big" AND ("cluster" OR "clustering" OR "clusters")');
    expect(expandedQuery(db, 'CLUSTERS')).toBe('("clusters")');
    expect(expandedQuery(db, 'clu')).toBe('"clu"*'); // the prefix index holds 2 and 3 letters
    expect(expandedQuery(db, 'clüster')).toBe('"clüster"*'); // folding is left to the tokenizer
    expect(expandedQuery(db, 'foo-clus')).toBe('"foo-clus"*'); // a phrase stays a phrase
    expect(expandedQuery(db, 'zzzz')).toBeNull(); // no indexed word begins so: nothing can match
    // The same documents as the prefix query it replaces.
    const matching = (match: string) => db.prepare<[string], number>('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid').pluck().all(match);
    for (const text of ['clust', 'CLUSTERS', 'cloud', 'clustering']) {
      expect(matching(expandedQuery(db, text)!), text).toEqual(matching(toFtsQuery(text)!));
    }
  });

  it('keeps the prefix when too many words begin with it', () => {
    const db = indexOf(...Array.from({ length: MAX_EXPANSION + 1 }, (_, i) => `Meshwork${String.fromCharCode(97 + (i % 26))}${i}`));
    expect(expandedQuery(db, 'meshw')).toBe('"meshw"*');
    expect(searchIndex(db, 'meshw', { limit: 100 })).toHaveLength(MAX_EXPANSION + 1);
  });
});

describe('markSnippet', () => {
  it('puts the matches in [[ ]], on one line, and defuses brackets already in the text', () => {
    expect(markSnippet('a [[link]] and\n\n\u0002match\u0003  here')).toBe('a [ [link] ] and [[match]] here');
  });
});

describe('search', () => {
  it('finds each kind of text, titled and placed', async () => {
    const desk = freshDesk();
    const s = await seed(desk.services);

    const summary = hitsOf(await search(desk, 'production since'));
    expect(summary).toEqual([
      {
        kind: 'summary',
        title: 'Adopter 1 - Initech · summary',
        snippet: expect.stringContaining('[[production]] [[since]]'),
        organizationId: s.initech.id,
        adopterId: s.a1.id,
        interviewId: s.i1.id,
        questionKey: null,
      },
    ]);

    expect(hitsOf(await search(desk, 'sidecar injection'))).toEqual([
      expect.objectContaining({ kind: 'notes', title: 'Adopter 1 - Initech · raw notes', interviewId: s.i1.id, adopterId: s.a1.id }),
    ]);
    expect(hitsOf(await search(desk, 'nine hundred nodes'))).toEqual([
      expect.objectContaining({
        kind: 'answer',
        title: 'Adopter 1 - Initech · notes: Usage level and scale',
        questionKey: 'q4',
        interviewId: s.i1.id,
      }),
    ]);
    expect(hitsOf(await search(desk, 'boring'))).toEqual([
      expect.objectContaining({ kind: 'quote', title: 'Adopter 1 - Initech · quote', snippet: expect.stringContaining('[[boring]]'), interviewId: s.i1.id }),
    ]);
    // Organizations by name and by alias; an organization with no adopter belongs to no project.
    const penguin = await search(desk, 'penguin payments');
    expect(penguin.groups.map((g) => g.project?.slug ?? null)).toEqual(['globex-mesh', 'initech-proxy']);
    expect(hitsOf(penguin)).toEqual([
      expect.objectContaining({ kind: 'organization', title: 'Initech (organization)', organizationId: s.initech.id, adopterId: s.a1.id, interviewId: null }),
      expect.objectContaining({ kind: 'organization', title: 'Initech (organization)', organizationId: s.initech.id, adopterId: s.b1.id }),
    ]);
    expect(hitsOf(penguin)[0]!.snippet).toBe('Initech · Initech Corp, [[Penguin]] [[Payments]]');
    const umbrella = await search(desk, 'umbrella');
    expect(umbrella.groups).toEqual([{ project: null, hits: [expect.objectContaining({ title: 'Umbrella Example (organization)', adopterId: null })] }]);
  });

  it('folds diacritics both ways', async () => {
    const desk = freshDesk();
    await seed(desk.services);
    expect(await titles(desk, 'muller logistik')).toEqual(
      expect.arrayContaining(['Müller Logistik (organization)', 'Adopter 2 - Globex · summary']),
    );
    expect(await titles(desk, 'MÜLLER')).toHaveLength(2);
    expect(await titles(desk, 'zoe')).toEqual(['Adopter 1 - Initech · raw notes']);
    expect(await titles(desk, 'Zoë')).toEqual(['Adopter 1 - Initech · raw notes']);
    expect(await titles(desk, 'Zoe\u0308')).toEqual(['Adopter 1 - Initech · raw notes']);
  });

  it('matches the last word as a prefix, the others whole', async () => {
    const desk = freshDesk();
    await seed(desk.services);
    expect(await titles(desk, 'kube')).toEqual(['Adopter 1 - Initech · summary']);
    expect((await search(desk, 'kube')).groups[0]!.hits[0]!.snippet).toContain('[[Kubernetes]]');
    expect(await titles(desk, 'kubernetes clu')).toEqual(['Adopter 1 - Initech · summary']);
    expect(await titles(desk, 'kube clusters')).toEqual([]); // "kube" is not a word of the text
  });

  it('never fails on hostile input, and still finds what the words say', async () => {
    const desk = freshDesk();
    await seed(desk.services);
    const hostile = [
      '"',
      '""',
      '"kubernetes',
      'kubernetes"',
      'kubernetes*',
      '*',
      '***',
      'NEAR(',
      'NEAR(kubernetes clusters, 2)',
      'kubernetes OR',
      'OR',
      'AND NOT',
      '-kubernetes',
      '- -- ---',
      'summary:kubernetes',
      'body:',
      ':',
      '^kubernetes',
      '(kubernetes',
      ')',
      '{body}: x',
      "'; DROP TABLE interview; --",
      '\u0000',
      '🙂',
      '[[',
      'a'.repeat(500),
    ];
    for (const query of hostile) {
      const envelope = await dispatch(desk.services, 'search', { query });
      expect(envelope.ok || envelope.error.code === 'VALIDATION', `${JSON.stringify(query)}: ${JSON.stringify(envelope)}`).toBe(true);
    }
    const found = async (query: string) => (await titles(desk, query)).includes('Adopter 1 - Initech · summary');
    expect(await found('"kubernetes')).toBe(true);
    expect(await found('kubernetes"')).toBe(true);
    expect(await found('kubernetes*')).toBe(true);
    expect(await found('NEAR(kubernetes')).toBe(false); // the phrase "near kubernetes", which the text does not hold
    expect(await found('-kubernetes')).toBe(true);
    expect(await found('(kubernetes')).toBe(true);
    expect(await found('^kubernetes')).toBe(true);
    expect(await found('kubernetes OR nothing')).toBe(false); // every word must match; OR is just a word
    expect(await search(desk, '*** ??')).toEqual({ query: '*** ??', total: 0, groups: [] });
    expect(desk.store.db.prepare('SELECT count(*) FROM interview').pluck().get()).toBe(3);
  });

  it('leaves out the trash, and finds things again once restored', async () => {
    const desk = freshDesk();
    const s = await seed(desk.services);
    const { services } = desk;
    const kinds = async (query: string) => hitsOf(await search(desk, query)).map((h) => `${h.kind}:${h.adopterId ?? '-'}`);

    await services.deleteInterview({ id: s.i1.id });
    expect(await kinds('boring')).toEqual([]);
    expect(await kinds('kubernetes')).toEqual([]);
    expect(await kinds('nine hundred')).toEqual([]);
    await services.restoreFromTrash({ entity: 'interview', id: s.i1.id });
    expect(await kinds('boring')).toEqual([`quote:${s.a1.id}`]);

    // A trashed adopter takes its interviews along; its organization is still used in the other project.
    await services.deleteAdopter({ id: s.a1.id });
    expect(await kinds('sidecar')).toEqual([]);
    expect((await search(desk, 'penguin')).groups.map((g) => g.project?.slug ?? null)).toEqual(['initech-proxy']);
    await services.deleteAdopter({ id: s.b1.id });
    expect((await search(desk, 'penguin')).groups.map((g) => g.project?.slug ?? null)).toEqual([null]);
    await services.restoreFromTrash({ entity: 'adopter', id: s.a1.id });
    await services.restoreFromTrash({ entity: 'adopter', id: s.b1.id });
    expect(await kinds('sidecar')).toEqual([`notes:${s.a1.id}`]);
    expect((await search(desk, 'penguin')).groups).toHaveLength(2);

    // A trashed project takes everything under it.
    await services.deleteProject({ id: s.mesh.id });
    expect(await kinds('mesh')).toEqual([]);
    expect((await search(desk, 'globex')).groups.map((g) => g.project?.slug ?? null)).toEqual([null]);
    await services.restoreFromTrash({ entity: 'project', id: s.mesh.id });
    expect((await kinds('mesh')).sort()).toEqual([`summary:${s.a1.id}`, `summary:${s.a2.id}`].sort());
    assertIndexInSync(desk);
  });

  it('follows edits and deletions', async () => {
    const desk = freshDesk();
    const s = await seed(desk.services);
    const { services } = desk;

    await services.updateInterview({ id: s.i1.id, version: s.i1.version, summary: 'Initech moved everything to bare metal.' });
    expect(await titles(desk, 'kubernetes')).toEqual([]);
    expect(await titles(desk, 'bare metal')).toEqual(['Adopter 1 - Initech · summary']);

    await services.setAnswer({ interviewId: s.i1.id, questionKey: 'q4', text: 'Evaluation only.', version: s.q4.version });
    expect(await titles(desk, 'nodes')).toEqual([]);
    expect(await titles(desk, 'evaluation only')).toEqual(['Adopter 1 - Initech · notes: Usage level and scale']);
    await services.setAnswer({ interviewId: s.i1.id, questionKey: 'q4', text: '', version: s.q4.version + 1 });
    expect(await titles(desk, 'evaluation')).toEqual([]);

    await services.deleteQuote({ id: s.quote.id });
    expect(await titles(desk, 'boring')).toEqual([]);

    await services.updateOrganization({ id: s.unused.id, version: s.unused.version, name: 'Vance Refrigeration Example', aliases: ['Vance'] });
    expect(await titles(desk, 'umbrella')).toEqual([]);
    expect(await titles(desk, 'refrigeration')).toEqual(['Vance Refrigeration Example (organization)']);
    await services.deleteOrganization({ id: s.unused.id });
    expect(await titles(desk, 'refrigeration')).toEqual([]);

    // Emptying the trash removes rows by cascade; the index follows.
    await services.deleteAdopter({ id: s.a2.id });
    await services.deleteProject({ id: s.proxy.id });
    await services.emptyTrash({});
    expect(await titles(desk, 'warehouse')).toEqual([]);
    expect(await titles(desk, 'fronts')).toEqual([]);
    assertIndexInSync(desk);
  });

  describe('indexing after the save (migration 7)', () => {
    const pending = (desk: Desk) => desk.store.db.prepare<[], number>('SELECT count(*) FROM search_pending').pluck().get();

    it('a save only notes its document; the next search indexes it first, so it is never stale', async () => {
      const desk = freshDesk();
      const s = await seed(desk.services);
      desk.store.indexPending();
      await desk.services.updateInterview({ id: s.i1.id, version: s.i1.version, summary: 'Initech tried zebrafish tracing.' });
      await desk.services.updateInterview({ id: s.i1.id, version: s.i1.version + 1, summary: 'Initech adopted zebrafish tracing.' });
      expect(pending(desk)).toBe(1); // one document, however many saves
      expect(await titles(desk, 'zebrafish')).toEqual(['Adopter 1 - Initech · summary']);
      expect(await titles(desk, 'tried')).toEqual([]);
      expect(pending(desk)).toBe(0);
      assertIndexInSync(desk);
    });

    it('catches up on its own once the reviewer pauses, and when the store closes', async () => {
      const desk = freshDesk({ indexWhenIdleMs: 20 });
      const s = await seed(desk.services);
      await desk.services.setAnswer({ interviewId: s.i1.id, questionKey: 'q4', text: 'Staging only.', version: s.q4.version });
      expect(pending(desk)).toBeGreaterThan(0);
      await vi.waitFor(() => expect(pending(desk)).toBe(0), { timeout: 2000, interval: 10 });
      assertIndexInSync(desk);

      await desk.services.setAnswer({ interviewId: s.i1.id, questionKey: 'q4', text: 'Kestrel rollout.', version: s.q4.version + 1 });
      const file = desk.store.file;
      desk.close();
      const reopened = new Database(file, { readonly: true });
      expect(reopened.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
      expect(reopened.prepare("SELECT count(*) FROM search_index WHERE search_index MATCH 'kestrel'").pluck().get()).toBe(1);
      reopened.close();
    });

    it('never waits for another connection that is writing: the search runs at once, the queue waits', async () => {
      const desk = freshDesk();
      const s = await seed(desk.services);
      desk.store.indexPending();
      await desk.services.updateInterview({ id: s.i2.id, version: s.i2.version, summary: 'Globex left the project.' });
      const other = new Database(desk.file);
      other.exec('BEGIN IMMEDIATE'); // the command line importing, say
      try {
        const started = performance.now();
        expect(await titles(desk, 'warehouse')).toEqual(['Adopter 2 - Globex · summary']);
        // Not a speed promise: waiting would mean the whole busy timeout (5 s) before the same answer.
        expect(performance.now() - started).toBeLessThan(2500);
        expect(pending(desk)).toBe(1);
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
      expect(desk.store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(await titles(desk, 'left')).toEqual(['Adopter 2 - Globex · summary']);
      expect(pending(desk)).toBe(0);
    });

    it('still searches when the index cannot be written (full disk, read-only store), over the index as it stands', async () => {
      const desk = freshDesk();
      const s = await seed(desk.services);
      desk.store.indexPending();
      await desk.services.updateInterview({ id: s.i2.id, version: s.i2.version, summary: 'Globex left the project.' });
      desk.store.indexPending = () => {
        throw new DeskError('IO_ERROR', 'The disk is full.');
      };
      expect(await titles(desk, 'warehouse')).toEqual(['Adopter 2 - Globex · summary']);
      expect(pending(desk)).toBe(1); // kept for when the disk has room again
    });
  });

  it('stays in step with undo (rows deleted and put back with the same id)', async () => {
    const desk = freshDesk();
    const s = await seed(desk.services);
    const { services } = desk;

    // Undo as on the screens the edits were made: the project's, then the app's own for organizations.
    const projectOf = async (adopterId: number) => ({ projectId: (await services.getAdopter({ id: adopterId })).adopter.projectId });
    await services.updateInterview({ id: s.i1.id, version: s.i1.version, summary: 'Initech moved to bare metal.' });
    await services.undo(await projectOf(s.i1.adopterId));
    expect(await titles(desk, 'kubernetes')).toEqual(['Adopter 1 - Initech · summary']);
    expect(await titles(desk, 'bare metal')).toEqual([]);

    await services.deleteQuote({ id: s.quote.id });
    expect(await titles(desk, 'boring')).toEqual([]);
    await services.undo(await projectOf(s.i1.adopterId));
    expect(hitsOf(await search(desk, 'boring'))).toEqual([expect.objectContaining({ kind: 'quote', interviewId: s.i1.id })]);

    const added = await services.createQuote({ interviewId: s.i3.id, text: 'The proxy never paged anyone.' });
    expect(await titles(desk, 'paged')).toEqual(['Adopter 1 - Initech · quote']);
    await services.undo(await projectOf(s.i3.adopterId));
    expect(await titles(desk, 'paged')).toEqual([]);
    expect(added.id).toBeGreaterThan(0);

    await services.deleteInterview({ id: s.i2.id });
    await services.undo(await projectOf(s.i2.adopterId));
    expect(await titles(desk, 'warehouse')).toEqual(['Adopter 2 - Globex · summary']);

    await services.updateOrganization({ id: s.globex.id, version: s.globex.version, name: 'Globex Corporation', aliases: ['GX'] });
    await services.undo({});
    expect(await titles(desk, 'corporation')).toEqual([]);

    await services.deleteOrganization({ id: s.unused.id });
    await services.undo({});
    expect(await titles(desk, 'umbrella')).toEqual(['Umbrella Example (organization)']);
    assertIndexInSync(desk);
  });

  it('groups by project, best group first, and filters to one project', async () => {
    const desk = freshDesk();
    const s = await seed(desk.services);

    const initech = await search(desk, 'initech');
    expect(initech.groups.map((g) => g.project)).toEqual([
      expect.objectContaining({ id: expect.any(Number), slug: expect.any(String), name: expect.any(String) }),
      expect.objectContaining({ id: expect.any(Number) }),
    ]);
    const bySlug = Object.fromEntries(initech.groups.map((g) => [g.project!.slug, g.hits.map((h) => h.title).sort()]));
    expect(bySlug).toEqual({
      'globex-mesh': ['Adopter 1 - Initech · summary', 'Initech (organization)'],
      'initech-proxy': ['Adopter 1 - Initech · summary', 'Initech (organization)'],
    });
    expect(initech.total).toBe(4);
    expect(initech.groups.find((g) => g.project?.slug === 'globex-mesh')!.project).toEqual({ id: s.mesh.id, name: 'Globex Mesh', slug: 'globex-mesh' });

    const onlyProxy = await search(desk, 'initech', { projectId: s.proxy.id });
    expect(onlyProxy.groups).toHaveLength(1);
    expect(onlyProxy.groups[0]!.project?.slug).toBe('initech-proxy');
    expect(hitsOf(onlyProxy).map((h) => h.interviewId ?? h.adopterId)).toEqual(expect.arrayContaining([s.i3.id, s.b1.id]));
    // An organization no adopter of the project uses is not a hit of that project.
    expect(await titles(desk, 'umbrella', { projectId: s.mesh.id })).toEqual([]);
    expect(await titles(desk, 'logistik', { projectId: s.proxy.id })).toEqual([]);
    expect(await titles(desk, 'logistik', { projectId: s.mesh.id })).toEqual(['Adopter 2 - Globex · summary']);
  });

  it('ranks the closer match first and stops at the limit', async () => {
    const desk = freshDesk();
    const s = await seed(desk.services);
    await desk.services.createQuote({ interviewId: s.i2.id, text: 'Mesh, mesh, mesh.' });
    const mesh = await search(desk, 'mesh');
    expect(mesh.groups[0]!.hits[0]).toMatchObject({ kind: 'quote', snippet: '[[Mesh]], [[mesh]], [[mesh]].' });
    expect(mesh.total).toBe(3);
    expect((await search(desk, 'mesh', { limit: 2 })).total).toBe(2);
  });

  it('gives a word found nearly everywhere newest first, by kind, and still fills the page', () => {
    const desk = freshDesk();
    const db = desk.store.db;
    const now = '2024-01-01T00:00:00.000Z';
    db.transaction(() => {
      db.prepare("INSERT INTO project (id, name, slug, level, created_at, updated_at) VALUES (1, 'Globex Mesh', 'globex-mesh', 'incubation', ?, ?)").run(now, now);
      db.prepare("INSERT INTO organization (id, name, created_at, updated_at) VALUES (1, 'Initech', ?, ?)").run(now, now);
      db.prepare('INSERT INTO adopter (id, project_id, organization_id, number, created_at, updated_at) VALUES (1, 1, 1, 1, ?, ?)').run(now, now);
      db.prepare("INSERT INTO interview (id, adopter_id, question_set, summary, created_at, updated_at) VALUES (1, 1, 'toc-2024', 'mesh', ?, ?)").run(now, now);
      const quote = db.prepare('INSERT INTO quote (interview_id, text, created_at, updated_at) VALUES (1, ?, ?, ?)');
      for (let i = 0; i < RANK_WINDOW + 20; i++) quote.run(`The mesh, take ${i}, with some more words around it.`, now, now);
    })();
    desk.store.indexPending();
    const rows = searchIndex(db, 'mesh', { limit: 30 });
    expect(rows).toHaveLength(30);
    // Summaries come before quotes, then the newest quotes first.
    expect(rows[0]).toMatchObject({ kind: 'summary', snippet: '[[mesh]]', interviewId: 1 });
    expect(rows[1]!.snippet).toContain(`take ${RANK_WINDOW + 19},`);
    expect(rows[2]!.snippet).toContain(`take ${RANK_WINDOW + 18},`);
    expect(rows.every((r) => r.project?.slug === 'globex-mesh')).toBe(true);
    // With fewer matches than the window, relevance decides: the quote that says it most wins.
    db.prepare("INSERT INTO quote (interview_id, text, created_at, updated_at) VALUES (1, 'Zebra zebra zebra.', ?, ?)").run(now, now);
    db.prepare("INSERT INTO quote (interview_id, text, created_at, updated_at) VALUES (1, 'A zebra, once, among many other words of this quote.', ?, ?)").run(now, now);
    desk.store.indexPending();
    expect(searchIndex(db, 'zebra').map((r) => r.snippet)).toEqual(['[[Zebra]] [[zebra]] [[zebra]].', 'A [[zebra]], once, among many other words of this quote.']);
  });

  it('decides between relevance and newest first on the matches the reviewer can see', () => {
    const desk = freshDesk();
    const db = desk.store.db;
    const now = '2024-01-01T00:00:00.000Z';
    db.transaction(() => {
      for (const id of [1, 2]) {
        db.prepare("INSERT INTO project (id, name, slug, level, created_at, updated_at) VALUES (?, ?, ?, 'incubation', ?, ?)").run(id, `Project ${id}`, `project-${id}`, now, now);
        db.prepare("INSERT INTO organization (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)").run(id, `Org ${id}`, now, now);
        db.prepare('INSERT INTO adopter (id, project_id, organization_id, number, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)').run(id, id, id, now, now);
        db.prepare("INSERT INTO interview (id, adopter_id, question_set, created_at, updated_at) VALUES (?, ?, 'toc-2024', ?, ?)").run(id, id, now, now);
      }
      const quote = db.prepare('INSERT INTO quote (interview_id, text, created_at, updated_at) VALUES (?, ?, ?, ?)');
      quote.run(1, 'Zebra zebra zebra.', now, now);
      quote.run(1, 'A zebra, once, among many other words of this quote.', now, now);
      for (let i = 0; i < RANK_WINDOW + 20; i++) quote.run(2, `Another zebra, number ${i}.`, now, now);
    })();
    desk.store.indexPending();
    const ranked = ['[[Zebra]] [[zebra]] [[zebra]].', 'A [[zebra]], once, among many other words of this quote.'];
    // Project 1 alone has two matches: ranked, whatever project 2 holds.
    expect(searchIndex(db, 'zebra', { projectId: 1 }).map((r) => r.snippet)).toEqual(ranked);
    // Across the store the word is everywhere: newest first.
    expect(searchIndex(db, 'zebra', { limit: 3 }).map((r) => r.snippet)).toEqual([
      `Another [[zebra]], number ${RANK_WINDOW + 19}.`,
      `Another [[zebra]], number ${RANK_WINDOW + 18}.`,
      `Another [[zebra]], number ${RANK_WINDOW + 17}.`,
    ]);
    // Once project 2's interview is in the trash, only project 1's two remain, ranked.
    db.prepare("UPDATE interview SET deleted_at = ? WHERE id = 2").run(now);
    expect(searchIndex(db, 'zebra').map((r) => r.snippet)).toEqual(ranked);
  });

  it('keeps document ids in one range per kind', () => {
    expect(Object.values(SEARCH_KINDS).every((k) => Number.isSafeInteger((k + 1) * KIND_SPAN))).toBe(true);
  });
});

describe('migration 3', () => {
  it('indexes the rows a version 2 database already holds', () => {
    const file = path.join(tempDir(), 'v2.sqlite');
    const v2 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    const now = '2024-01-01T00:00:00.000Z';
    v2.exec(`
      INSERT INTO project (id, name, slug, level, created_at, updated_at) VALUES (1, 'Globex Mesh', 'globex-mesh', 'incubation', '${now}', '${now}');
      INSERT INTO organization (id, name, aliases, created_at, updated_at) VALUES (1, 'Initech', '["Initech Corp"]', '${now}', '${now}');
      INSERT INTO adopter (id, project_id, organization_id, number, created_at, updated_at) VALUES (1, 1, 1, 1, '${now}', '${now}');
      INSERT INTO interview (id, adopter_id, question_set, summary, raw_notes, created_at, updated_at)
        VALUES (1, 1, 'toc-2024', 'Runs Kubernetes everywhere.', 'Ada Example: sidecars hurt.', '${now}', '${now}'),
               (2, 1, 'toc-2024', 'Trashed one about Kubernetes.', '', '${now}', '${now}');
      UPDATE interview SET deleted_at = '${now}' WHERE id = 2;
      INSERT INTO answer (interview_id, question_key, text, created_at, updated_at) VALUES (1, 'q13', 'Strong community.', '${now}', '${now}');
      INSERT INTO quote (interview_id, text, created_at, updated_at) VALUES (1, 'Boring in the best way.', '${now}', '${now}');
    `);
    v2.close();

    const v3 = openDatabase(file);
    try {
      expect(v3.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
      v3.prepare("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)").run();
      const found = (q: string) => searchIndex(v3, q).map((r) => `${r.kind}:${r.interviewId ?? r.organizationId}`);
      expect(found('kubernetes')).toEqual(['summary:1']);
      expect(found('sidecars')).toEqual(['notes:1']);
      expect(found('community')).toEqual(['answer:1']);
      expect(found('boring')).toEqual(['quote:1']);
      expect(found('initech corp')).toEqual(['organization:1']);
    } finally {
      v3.close();
    }
  });
});
