import type Database from 'better-sqlite3';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAGES, USAGE_LEVELS } from '../../../domain/adopter';
import type { Envelope } from '../../../services/contract';
import type { Desk } from '../../../services/desk';
import { dispatch } from '../../../services/dispatch';
import type { OperationName } from '../../../services/operations';
import { freshDesk } from '../../helpers/desk';

/**
 * Undo walks back to where it started: from a seeded store, any sequence of 1–30 edits
 * made through the services (some refused with CONFLICT, VALIDATION, NOT_FOUND,
 * DUPLICATE…, with undos and redos of one project's changes or of the app-level ones in
 * between, some of them refused because a later change in another scope touched the same
 * record), followed by undoing every change still in effect, newest first, from the history
 * list, gives back the very same rows (all user tables, row by row, except `version` and
 * `updated_at`).
 * Along the way:
 * - a refused edit writes nothing at all (not even a version or a change row), and is
 *   refused in words, never as INTERNAL;
 * - a record just created has a history of exactly its creation: its id never belonged to
 *   a row that was undone, deleted or purged (see EntityTable.insert).
 *
 * The seed's own changes are closed to undo, so the walk back stops at the seed.
 */

type Row = Record<string, unknown>;
type Dump = Record<string, Row[]>;

/**
 * Every table holding the reviewer's data: not SQLite's, not the change log, no full-text
 * index (virtual or shadow) nor its queue of documents to index (checked apart, below).
 */
function userTables(db: Database.Database): string[] {
  return (db.pragma('table_list') as { schema: string; name: string; type: string }[])
    .filter((t) => t.schema === 'main' && t.type === 'table')
    .map((t) => t.name)
    .filter((name) => !name.startsWith('sqlite_') && !['change', 'event', 'search_pending'].includes(name))
    .sort();
}

const dumpStatements = new WeakMap<Database.Database, [string, Database.Statement<[], Row>][]>();

/** All rows of every user table, in key order; without `version` and `updated_at` unless asked. */
function dump(db: Database.Database, options: { withMeta: boolean }): Dump {
  let statements = dumpStatements.get(db);
  if (!statements) {
    statements = userTables(db).map((table) => {
      // By primary key (a key/value table has no id); by every column if there is none.
      const columns = db.pragma(`table_info("${table}")`) as { name: string; pk: number }[];
      const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      const order = (key.length ? key : columns).map((c) => `"${c.name}"`).join(', ');
      return [table, db.prepare<[], Row>(`SELECT * FROM "${table}" ORDER BY ${order}`)];
    });
    dumpStatements.set(db, statements);
  }
  const out: Dump = {};
  for (const [table, statement] of statements) {
    out[table] = statement.all().map((row) => {
      if (options.withMeta) return row;
      const { version: _version, updated_at: _updatedAt, ...rest } = row;
      return rest;
    });
  }
  return out;
}

const lastChangeId = (db: Database.Database) => (db.prepare('SELECT coalesce(max(id), 0) AS id FROM change').get() as { id: number }).id;
/** How many changes since `afterId` are still in effect (what undo has left to revert). */
const liveChangesAfter = (db: Database.Database, afterId: number) =>
  (db.prepare('SELECT count(*) AS n FROM change WHERE id > ? AND undone = 0').get(afterId) as { n: number }).n;

async function call(desk: Desk, name: OperationName, input: unknown): Promise<Envelope<unknown>> {
  return dispatch(desk.services, name, input, () => {});
}

async function must<T>(desk: Desk, name: OperationName, input: unknown): Promise<T> {
  const result = await call(desk, name, input);
  if (!result.ok) throw new Error(`seed ${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

interface Id {
  id: number;
}

/** Two projects, four organizations, three people, adopters with interviews, notes, quotes and participants. */
async function seed(desk: Desk): Promise<void> {
  const globexMesh = await must<Id>(desk, 'createProject', { name: 'Globex Mesh', level: 'incubation' });
  const acmeTracing = await must<Id>(desk, 'createProject', { name: 'Acme Tracing', level: 'graduation', notes: 'second round' });
  const globex = await must<Id>(desk, 'createOrganization', { name: 'Globex', industry: 'Energy', aliases: ['Globex Corp'] });
  const initech = await must<Id>(desk, 'createOrganization', { name: 'Initech', industry: 'Software' });
  const acme = await must<Id>(desk, 'createOrganization', { name: 'Acme', website: 'https://acme.example' });
  await must<Id>(desk, 'createOrganization', { name: 'Example Freight', industry: 'Logistics' });
  const ada = await must<Id>(desk, 'createPerson', { name: 'Ada Example', role: 'Platform lead', organizationId: globex.id });
  const bo = await must<Id>(desk, 'createPerson', { name: 'Bo Sample', role: 'SRE', organizationId: initech.id, email: 'bo@initech.example' });
  await must<Id>(desk, 'createPerson', { name: 'Cy Placeholder', organizationId: acme.id, maintainer: true });

  const a1 = await must<Id>(desk, 'createAdopter', { projectId: globexMesh.id, organizationId: globex.id, usageLevel: 'production' });
  const a2 = await must<Id>(desk, 'createAdopter', { projectId: globexMesh.id, organizationId: initech.id, anonymous: true });
  await must<Id>(desk, 'createAdopter', { projectId: acmeTracing.id, organizationId: acme.id, stage: 'contacted' });

  const i1 = await must<Id>(desk, 'createInterview', { adopterId: a1.id, date: '2024-09-17', interviewers: ['Dee Reviewer'] });
  const i2 = await must<Id>(desk, 'createInterview', { adopterId: a2.id, month: '2024-10' });
  await must(desk, 'updateInterview', { id: i1.id, version: 1, summary: 'Globex runs the mesh in production.' });
  await must(desk, 'setAnswer', { interviewId: i1.id, questionKey: 'q1', text: 'Two years.', version: null });
  await must(desk, 'setAnswer', { interviewId: i1.id, questionKey: 'q2', text: 'mTLS everywhere.', version: null });
  await must(desk, 'setAnswer', { interviewId: i2.id, questionKey: 'q1', text: 'Since spring.', version: null });
  await must(desk, 'addParticipant', { interviewId: i1.id, personId: ada.id });
  await must(desk, 'addParticipant', { interviewId: i2.id, personId: bo.id, anonymous: true });
  await must(desk, 'createQuote', { interviewId: i1.id, text: 'It just works.', speakerPersonId: ada.id, tags: ['reliability'] });
  await must(desk, 'createQuote', { interviewId: i2.id, text: 'Upgrades are boring, which is good.' });

  // Something in the trash emptied: what went has no history left, the rest keeps theirs.
  const scratch = await must<Id>(desk, 'createProject', { name: 'Scratch', level: 'incubation' });
  await must(desk, 'deleteProject', { id: scratch.id });
  await must(desk, 'emptyTrash', {});
}

/** Random knobs; each operation reads what it needs from them against the current rows. */
interface Knobs {
  a: number;
  b: number;
  c: number;
  text: string;
  flag: boolean;
  stale: boolean;
  bad: boolean;
  day: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const knobs: fc.Arbitrary<Knobs> = fc.record({
  a: fc.nat(50),
  b: fc.nat(50),
  c: fc.nat(50),
  text: fc.oneof(
    fc.constantFrom('Globex', 'Initech', 'Acme', 'Ada Example', 'Bo Sample', 'runs it in production', 'Zürich ✓', ''),
    fc.string({ maxLength: 12 }),
  ),
  flag: fc.boolean(),
  stale: fc.nat(4).map((n) => n === 0),
  bad: fc.nat(9).map((n) => n === 0),
  day: fc.tuple(fc.integer({ min: 2023, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(
    ([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`,
  ),
});

const OPS = [
  'createProject',
  'updateProject',
  'deleteProject',
  'restoreFromTrash',
  'createOrganization',
  'updateOrganization',
  'deleteOrganization',
  'createPerson',
  'updatePerson',
  'deletePerson',
  'createAdopter',
  'updateAdopter',
  'setAdopterStage',
  'deleteAdopter',
  'createInterview',
  'updateInterview',
  'deleteInterview',
  'markSummarySent',
  'approveSummary',
  'setAnswer',
  'addParticipant',
  'updateParticipant',
  'removeParticipant',
  'createQuote',
  'updateQuote',
  'deleteQuote',
] as const satisfies readonly OperationName[];
type Op = (typeof OPS)[number];

/** Mostly edits; now and then an undo or a redo in the middle (the final walk must still end at the start). */
const step = fc.tuple(
  fc.oneof(
    { arbitrary: fc.constantFrom(...OPS), weight: 12 },
    { arbitrary: fc.constant('undo' as const), weight: 1 },
    { arbitrary: fc.constant('redo' as const), weight: 1 },
  ),
  knobs,
);

function pick<T>(list: T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

const CREATES: Partial<Record<Op, string>> = {
  createProject: 'project',
  createOrganization: 'organization',
  createPerson: 'person',
  createAdopter: 'adopter',
  createInterview: 'interview',
  addParticipant: 'participant',
  createQuote: 'quote',
};

/** The entity an operation created, if it created one. */
function createdBy(op: Op | 'undo' | 'redo', input: unknown): string | undefined {
  if (op === 'setAnswer') return (input as { version: number | null }).version === null ? 'answer' : undefined;
  return op === 'undo' || op === 'redo' ? undefined : CREATES[op];
}

/** Undo or redo on a project's screen (a project of the store, or one that is not there), or on the app's own. */
function scopeFor(rows: Dump, k: Knobs): { projectId?: number } {
  const projects = (rows.project ?? []) as unknown as Meta[];
  return k.flag ? {} : { projectId: pick(projects, k.a)?.id ?? 9999 };
}

interface Meta {
  id: number;
  version: number;
  deleted_at?: string | null;
}

/** The input of one operation, resolved against the rows as they are now (`rows` is the dump with versions). */
function inputFor(rows: Dump, op: Op, k: Knobs): unknown {
  const of = (table: string) => (rows[table] ?? []) as unknown as Meta[];
  const projects = of('project');
  const organizations = of('organization');
  const people = of('person');
  const adopters = of('adopter');
  const interviews = of('interview');
  const participants = of('participant');
  const quotes = of('quote');
  const missing = { id: 9999, version: 1 };
  const target = (list: Meta[]) => {
    const r = pick(list, k.a) ?? missing;
    return { id: r.id, version: k.stale ? r.version + 1 : r.version };
  };
  const idOf = (list: Meta[], n: number) => pick(list, n)?.id ?? 9999;

  switch (op) {
    case 'createProject':
      return k.bad
        ? { name: '   ', level: 'incubation' }
        : { name: `${['Globex Mesh', 'Acme Tracing', 'Initech Queue'][k.b % 3]}${k.flag ? '' : ` ${k.c}`}`, level: k.flag ? 'incubation' : 'graduation' };
    case 'updateProject': {
      const patch = [{ name: `Renamed ${k.c}` }, { notes: k.text }, { archived: k.flag }, { applicationUrl: k.bad ? 'not a link' : 'https://example.org/app' }][
        k.b % 4
      ];
      return { ...target(projects), ...patch };
    }
    case 'deleteProject':
      return { id: idOf(projects, k.a) };
    case 'restoreFromTrash': {
      const trashed = [
        ...projects.filter((p) => p.deleted_at).map((p) => ({ entity: 'project', id: p.id })),
        ...adopters.filter((a) => a.deleted_at).map((a) => ({ entity: 'adopter', id: a.id })),
        ...interviews.filter((i) => i.deleted_at).map((i) => ({ entity: 'interview', id: i.id })),
      ];
      return pick(trashed, k.a) ?? { entity: 'adopter', id: idOf(adopters, k.a) };
    }
    case 'createOrganization':
      return k.bad
        ? { name: '' }
        : { name: ['Globex', 'Initech', 'Acme', 'Example Freight'][k.b % 4], industry: k.flag ? 'Retail' : null, aliases: k.c % 2 ? [`Alias ${k.c}`] : [] };
    case 'updateOrganization': {
      const patch = [{ name: k.text }, { industry: k.text }, { website: k.bad ? 'ftp://nope' : 'https://example.org' }, { aliases: [k.text].filter(Boolean) }][
        k.b % 4
      ];
      return { ...target(organizations), ...patch };
    }
    case 'deleteOrganization':
      return { id: idOf(organizations, k.a) };
    case 'createPerson':
      return {
        name: k.bad ? '\t' : ['Ada Example', 'Bo Sample', 'Cy Placeholder'][k.b % 3],
        role: k.text,
        organizationId: k.flag ? idOf(organizations, k.c) : null,
      };
    case 'updatePerson': {
      const patch = [{ role: k.text }, { organizationId: k.flag ? idOf(organizations, k.c) : null }, { maintainer: k.flag }, { email: k.bad ? 'no' : 'ada@example.org' }][
        k.b % 4
      ];
      return { ...target(people), ...patch };
    }
    case 'deletePerson':
      return { id: idOf(people, k.a) };
    case 'createAdopter':
      return {
        projectId: idOf(projects, k.a),
        organizationId: idOf(organizations, k.b),
        ...(k.flag ? { number: k.bad ? 0 : (k.c % 6) + 1 } : {}),
        anonymous: k.c % 2 === 0,
        ...(k.c % 3 === 0 ? { stage: STAGES[k.b % STAGES.length] } : {}),
      };
    case 'updateAdopter': {
      const patch = [
        { anonymous: k.flag },
        { usageLevel: k.flag ? USAGE_LEVELS[k.c % USAGE_LEVELS.length] : null },
        { stage: STAGES[k.c % STAGES.length] },
        { number: k.bad ? -1 : (k.c % 6) + 1 },
        { notes: k.text },
        { publicLabel: k.text },
        { organizationId: idOf(organizations, k.c) },
      ][k.b % 7];
      return { ...target(adopters), ...patch };
    }
    case 'setAdopterStage':
      return { ...target(adopters), stage: STAGES[k.b % STAGES.length], ...(k.flag ? { date: k.bad ? '2024-02-30' : k.day } : {}) };
    case 'deleteAdopter':
      return { id: idOf(adopters, k.a) };
    case 'createInterview':
      return {
        adopterId: idOf(adopters, k.a),
        ...(k.flag ? { date: k.bad ? '2024-02-30' : k.day } : {}),
        ...(k.b % 3 === 0 ? { month: k.day.slice(0, 7) } : {}),
      };
    case 'updateInterview': {
      const patch = [
        { summary: k.text },
        { date: k.bad ? '17/09/2024' : k.day },
        { date: null },
        { month: k.day.slice(0, 7) },
        { rawNotes: k.text },
        { interviewers: k.text.trim() ? [k.text] : [] },
        { durationMinutes: k.bad ? 0 : 45 },
      ][k.b % 7];
      return { ...target(interviews), ...patch };
    }
    case 'deleteInterview':
      return { id: idOf(interviews, k.a) };
    case 'markSummarySent':
    case 'approveSummary':
      return { ...target(interviews), date: k.bad ? 'soon' : k.day };
    case 'setAnswer': {
      const interviewId = idOf(interviews, k.a);
      const questionKey = k.bad ? 'Q 1' : ['q1', 'q2', 'q3'][k.b % 3]!;
      const existing = (of('answer') as (Meta & { interview_id?: number; question_key?: string })[]).find(
        (a) => a.interview_id === interviewId && a.question_key === questionKey,
      );
      const version = !existing ? (k.c % 3 === 1 ? 1 : null) : [null, existing.version, existing.version + 1][k.c % 3];
      return { interviewId, questionKey, text: k.text, version };
    }
    case 'addParticipant':
      return { interviewId: idOf(interviews, k.a), personId: idOf(people, k.b), anonymous: k.flag };
    case 'updateParticipant':
      return { ...target(participants), anonymous: k.flag };
    case 'removeParticipant':
      return { id: idOf(participants, k.a) };
    case 'createQuote':
      return {
        interviewId: idOf(interviews, k.a),
        text: k.bad ? '   ' : k.text.trim() || 'We would pick it again.',
        ...(k.flag ? { speakerPersonId: idOf(people, k.b) } : {}),
        tags: k.c % 2 ? ['scale'] : [],
      };
    case 'updateQuote': {
      const patch = [
        { text: k.bad ? '' : k.text.trim() || 'Edited quote.' },
        { approved: k.flag },
        { tags: [k.text.trim() || 'ops'] },
        { speakerPersonId: k.flag ? idOf(people, k.c) : null },
      ][k.b % 4];
      return { ...target(quotes), ...patch };
    }
    case 'deleteQuote':
      return { id: idOf(quotes, k.a) };
  }
}

describe('undo', () => {
  it('walks any sequence of edits back to the start, and a refused edit changes nothing', async () => {
    // Each run ends by undoing back to the snapshot, which is what the property claims; so a
    // run starts on the previous run's store only if its rows equal the snapshot, and on a
    // freshly seeded one otherwise (after a failure, so shrinking starts clean too).
    let current: { desk: Desk; start: Dump; barrier: number } | undefined;
    const ready = async () => {
      if (current && isDeepStrictEqual(dump(current.desk.store.db, { withMeta: false }), current.start)) return current;
      current?.desk.close();
      const desk = freshDesk();
      // Durability is crash.test.ts's subject; here an fsync per change would only make the runs slow.
      desk.store.db.pragma('synchronous = OFF');
      await seed(desk);
      // The seed is where every run starts: its own changes are not offered for undo (as the
      // changes before an upgrade from a store whose trash was emptied are not).
      desk.store.db.prepare('UPDATE change SET undoable = 0').run();
      current = { desk, start: dump(desk.store.db, { withMeta: false }), barrier: lastChangeId(desk.store.db) };
      return current;
    };

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const { desk, start, barrier } = await ready();
        const { db } = desk.store;
        const log: string[] = [];
        const story = () => log.join('\n');

        for (const [op, k] of steps) {
          const before = dump(db, { withMeta: true });
          const changesBefore = lastChangeId(db);
          const input = op === 'undo' || op === 'redo' ? scopeFor(before, k) : inputFor(before, op, k);
          const result = await call(desk, op, input);
          log.push(`${op} ${JSON.stringify(input)} -> ${result.ok ? 'ok' : result.error.code}`);
          const created = result.ok ? createdBy(op, input) : undefined;
          if (result.ok && created) {
            // A new record's history is its own: its id never belonged to an undone, deleted or purged row.
            const id = (result.value as { id: number }).id;
            const history = await call(desk, 'history', { entity: created, id });
            expect(history.ok && (history.value as { action: string }[]).map((e) => e.action), story()).toEqual(['create']);
          }
          if (!result.ok) {
            // Refused in words (never a raw driver error), and nothing at all was written.
            expect(result.error.code, story()).not.toBe('INTERNAL');
            expect(dump(db, { withMeta: true }), story()).toEqual(before);
            expect(lastChangeId(db), story()).toBe(changesBefore);
          }
        }

        // The newest change still in effect is always the next of its own scope, so the
        // history list offers it, and nothing later can block it.
        const toUndo = liveChangesAfter(db, barrier);
        let undone = 0;
        for (;;) {
          const newest = db.prepare('SELECT max(id) AS id FROM change WHERE id > ? AND undone = 0').get(barrier) as { id: number | null };
          if (newest.id === null) break;
          const list = await call(desk, 'recentChanges', { limit: 500 });
          const listed = list.ok ? (list.value as { id: number; canUndo: boolean }[]).find((c) => c.id === newest.id) : undefined;
          if (listed) expect(listed.canUndo, story()).toBe(true);
          const result = await call(desk, 'undoChange', { id: newest.id });
          expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`, story()).toBe('ok');
          undone += 1;
          expect(undone, `undo went past the start\n${story()}`).toBeLessThanOrEqual(toUndo);
        }
        expect(undone, story()).toBe(toUndo);
        expect(dump(db, { withMeta: false }), story()).toEqual(start);
        expect(db.pragma('foreign_key_check'), story()).toEqual([]);
        // Whatever the edits and undos noted for the search index, it catches up exactly.
        desk.store.indexPending();
        expect(() => db.prepare("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)").run(), story()).not.toThrow();
      }),
      // ~3 s of CPU; each run is up to 30 edits, their checks and the undos.
      { numRuns: Number(process.env.UNDO_PROPERTY_RUNS ?? 150) },
    );
  }, 600_000);
});
