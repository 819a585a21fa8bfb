import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { USAGE_LEVELS } from '../../domain/adopter';
import { CURRENT_QUESTION_SET, QUESTION_SETS } from '../../domain/questions';
import { MIGRATIONS, type Migration } from '../../db/migrations';
import { openDatabase } from '../../db/open';
import { dispatch } from '../../services/dispatch';
import { openDesk } from '../../services/desk';
import { summaryHash } from '../../services/summary-hash';
import { ABSENT_WORD, NameMaker, TextMaker, buildVocabulary, type Vocabulary } from './corpus';
import { createRng, type Rng } from './prng';

/**
 * The generated store: seeded, so every machine measures the same data.
 *
 * How: the rows go in with plain SQL, in ONE transaction, into the tables of schema 2
 * (BASE_SCHEMA, the schema these INSERTs are written for); then the app's own later
 * migrations bring the file to the app's schema, exactly as they would a reviewer's
 * store (migration 3 builds the full-text index in one pass, much faster than row by
 * row). On the way, a copy one migration behind the app is kept for the upgrade case.
 * Not written: history (change/event rows). A real store has some, which makes the file
 * bigger but none of the measured operations slower.
 *
 * Bump GENERATOR_VERSION whenever the output changes: it is part of the cache key.
 */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 'adoption-desk-bench-1';
/** The schema the generator's INSERTs are written for; later migrations run as in the app. */
export const BASE_SCHEMA = 2;

export interface StoreSize {
  label: string;
  projects: number;
  interviews: number;
}

export const FULL_STORE: StoreSize = { label: 'full', projects: 200, interviews: 10_000 };
export const QUICK_STORE: StoreSize = { label: 'quick', projects: 20, interviews: 1_000 };

const ANONYMOUS_SHARE = 0.3;

export interface StoreCounts {
  projects: number;
  organizations: number;
  people: number;
  adopters: number;
  anonymousAdopters: number;
  interviews: number;
  participants: number;
  answers: number;
  quotes: number;
}

export interface MigrationTime {
  version: number;
  name: string;
  ms: number;
}

/** What a case knows about the store it measures. */
export interface StoreInfo {
  file: string;
  size: StoreSize;
  seed: string;
  generatorVersion: number;
  /** The schema version (user_version) it was written at. */
  schemaVersion: number;
  key: string;
  counts: StoreCounts;
  /** Rows written, every table (anonymousAdopters not counted twice). */
  records: number;
  /** Each migration after BASE_SCHEMA, run once on this store while it was made. */
  migrationTimes: MigrationTime[];
  /** UTF-8 bytes of the free text (summaries, notes, answers, quotes). */
  textBytes: number;
  bytes: number;
  generatedMs: number;
  /** Searches a reviewer might type, from very common words to one that matches nothing. */
  queries: string[];
}

export type GeneratedStore = Omit<StoreInfo, 'file' | 'key' | 'bytes' | 'generatedMs' | 'migrationTimes'>;

/** Timestamps from a fixed start, 17 s apart: every run writes the same bytes. */
function steppingClock(): () => string {
  let t = Date.UTC(2022, 0, 3, 9, 0, 0);
  return () => new Date((t += 17_000)).toISOString();
}

function dayFrom(rng: Rng): string {
  return new Date(Date.UTC(2022, 0, 1) + rng.int(0, 3 * 365) * 86_400_000).toISOString().slice(0, 10);
}

/** The searches of the search case: words of every frequency, two-word searches, names, and a miss. */
export function searchQueries(vocabulary: Vocabulary, names: { project: string; organization: string }): string[] {
  const { domain, invented } = vocabulary;
  return [
    domain[0]!,
    domain[3]!,
    domain[20]!,
    domain[120]!,
    `${domain[1]} ${domain[6]}`,
    `${domain[4]} ${domain[150]}`,
    invented[50]!,
    invented[2_000]!,
    invented[15_000]!,
    names.organization.split(' ')[0]!,
    names.project,
    ABSENT_WORD,
  ];
}

export interface GenerateOptions {
  size: StoreSize;
  seed?: string;
}

/** Prepared INSERTs for the tables of migration 2 (later migrations only add tables, indexes and triggers). */
function inserts(db: Database.Database) {
  const insert = (table: string, columns: string[]) => {
    const statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}, created_at, updated_at) VALUES (${columns.map(() => '?').join(', ')}, ?, ?)`);
    return (...values: unknown[]): number => Number(statement.run(...values).lastInsertRowid);
  };
  return {
    organization: insert('organization', ['name', 'aliases', 'website', 'industry']),
    person: insert('person', ['name', 'role', 'email', 'organization_id', 'maintainer']),
    project: insert('project', ['name', 'slug', 'level', 'notes']),
    adopter: insert('adopter', ['project_id', 'organization_id', 'number', 'anonymous', 'adopter_type', 'usage_level', 'in_use_since', 'scale', 'stage', 'stage_dates', 'notes']),
    interview: insert('interview', ['adopter_id', 'date', 'month', 'interviewers', 'duration_minutes', 'question_set', 'raw_notes', 'summary', 'summary_sent_at', 'approved_at', 'approved_hash']),
    participant: insert('participant', ['interview_id', 'person_id', 'anonymous', 'position']),
    answer: insert('answer', ['interview_id', 'question_key', 'text']),
    quote: insert('quote', ['interview_id', 'text', 'speaker_person_id', 'approved', 'tags']),
  };
}

/**
 * Writes a new store at schema BASE_SCHEMA to `file` (which must not exist) and checks
 * that it holds what was written. Bring it to a later schema with openDatabase.
 */
export function generateStore(file: string, options: GenerateOptions): GeneratedStore {
  const { size } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  if (fs.existsSync(file)) throw new Error(`generateStore: ${file} already exists.`);
  const vocabulary = buildVocabulary(seed);
  const rng = createRng(`${seed}/${size.projects}x${size.interviews}`);
  const names = new NameMaker(rng.fork('names'));
  const text = new TextMaker(rng.fork('text'), vocabulary);
  const questions = QUESTION_SETS[CURRENT_QUESTION_SET]!.questions;
  const interviewers = Array.from({ length: 25 }, () => names.person());
  const now = steppingClock();
  const counts: StoreCounts = { projects: 0, organizations: 0, people: 0, adopters: 0, anonymousAdopters: 0, interviews: 0, participants: 0, answers: 0, quotes: 0 };
  let textBytes = 0;
  const measured = (s: string) => {
    textBytes += Buffer.byteLength(s);
    return s;
  };

  const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= BASE_SCHEMA) });
  try {
    const add = inserts(db);
    const organizations: { id: number; name: string; people: number[] }[] = [];
    let firstProject = '';
    db.transaction(() => {
      // Organizations adopt several projects: about one for every four interviews.
      const orgCount = Math.max(10, Math.round(size.interviews / 4));
      for (let i = 0; i < orgCount; i++) {
        const made = names.organization();
        const aliases = rng.chance(0.3) ? [made.name.split(' ')[0]!] : [];
        const id = add.organization(made.name, JSON.stringify(aliases), `https://${made.domain}/`, made.industry, now(), now());
        const people: number[] = [];
        for (let p = rng.int(2, 4); p > 0; p--) {
          const name = names.person();
          people.push(add.person(name, names.role(), `${name.split(' ')[0]!.toLowerCase()}@${made.domain}`, id, rng.chance(0.05) ? 1 : 0, now(), now()));
        }
        counts.organizations++;
        counts.people += people.length;
        organizations.push({ id, name: made.name, people });
      }

      for (let p = 0; p < size.projects; p++) {
        const projectName = names.project();
        firstProject ||= projectName;
        const slug = projectName.toLowerCase();
        const projectId = add.project(projectName, slug, rng.chance(0.6) ? 'incubation' : 'graduation', measured(text.paragraph({ project: projectName }, 1, 3)), now(), now());
        counts.projects++;
        const usedOrganizations = new Set<number>();
        let remaining = Math.floor(size.interviews / size.projects) + (p < size.interviews % size.projects ? 1 : 0);
        let number = 0;
        while (remaining > 0) {
          let org = rng.pick(organizations);
          while (usedOrganizations.has(org.id) && usedOrganizations.size < organizations.length) org = rng.pick(organizations);
          usedOrganizations.add(org.id);
          // Exactly 30% of adopters (to the nearest one), spread evenly: three in every ten.
          const anonymous = Math.floor((counts.adopters + 1) * ANONYMOUS_SHARE) > Math.floor(counts.adopters * ANONYMOUS_SHARE);
          const roll = rng.next();
          const interviewCount = Math.min(remaining, roll < 0.75 ? 1 : roll < 0.95 ? 2 : 3);
          remaining -= interviewCount;
          const mentions = { project: projectName, organization: org.name };
          const plan = Array.from({ length: interviewCount }, () => {
            const day = dayFrom(rng);
            const summary = measured(text.summary(mentions));
            const sent = rng.chance(0.7);
            const approved = sent && rng.chance(0.65);
            return { day, monthOnly: rng.chance(0.05), summary, sent, approved };
          });
          const lastDay = plan.map((i) => i.day).sort().at(-1)!;
          const stage = plan.some((i) => i.approved) ? 'approved' : plan.some((i) => i.sent) ? 'summary-sent' : 'interviewed';
          const adopterId = add.adopter(
            projectId,
            org.id,
            ++number,
            anonymous ? 1 : 0,
            rng.pick(['end-user', 'end-user', 'end-user', 'service-provider', 'consultancy']),
            rng.pick(USAGE_LEVELS),
            String(rng.int(2017, 2024)),
            `${rng.int(2, 300)} clusters`,
            stage,
            JSON.stringify({ scheduled: plan[0]!.day, [stage]: lastDay }),
            measured(rng.chance(0.5) ? text.paragraph(mentions, 1, 3) : ''),
            now(),
            now(),
          );
          counts.adopters++;
          if (anonymous) counts.anonymousAdopters++;
          for (const i of plan) {
            const date = i.monthOnly ? null : i.day;
            const interviewId = add.interview(
              adopterId,
              date,
              i.day.slice(0, 7),
              JSON.stringify([rng.pick(interviewers)]),
              rng.int(25, 70),
              CURRENT_QUESTION_SET,
              measured(text.rawNotes(mentions)),
              i.summary,
              date && i.sent ? date : null,
              date && i.approved ? date : null,
              date && i.approved ? summaryHash(i.summary) : null,
              now(),
              now(),
            );
            counts.interviews++;
            const participants = org.people.slice(0, rng.int(1, org.people.length));
            participants.forEach((personId, position) => {
              add.participant(interviewId, personId, anonymous || rng.chance(0.1) ? 1 : 0, position + 1, now(), now());
              counts.participants++;
            });
            for (const question of questions) {
              if (!rng.chance(question.survey ? 0.5 : 0.92)) continue;
              add.answer(interviewId, question.key, measured(text.answer(mentions)), now(), now());
              counts.answers++;
            }
            for (let q = rng.int(0, 4); q > 0; q--) {
              const tags = rng.chance(0.4) ? [rng.pick(vocabulary.domain)] : [];
              add.quote(interviewId, measured(text.quote(mentions)), rng.pick(participants), rng.chance(0.5) ? 1 : 0, JSON.stringify(tags), now(), now());
              counts.quotes++;
            }
          }
        }
      }
    }).immediate();

    verifyCounts(db, counts);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion !== BASE_SCHEMA) throw new Error(`The generator writes schema ${BASE_SCHEMA}; the migrations made ${schemaVersion}.`);
    const records = Object.entries(counts).reduce((sum, [key, n]) => (key === 'anonymousAdopters' ? sum : sum + n), 0);
    return {
      size,
      seed,
      generatorVersion: GENERATOR_VERSION,
      schemaVersion,
      counts,
      records,
      textBytes,
      queries: searchQueries(vocabulary, { project: firstProject, organization: organizations[0]!.name }),
    };
  } finally {
    db.close();
  }
}

/** The store must hold exactly what the generator believes it wrote. */
function verifyCounts(db: Database.Database, counts: StoreCounts): void {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const found: StoreCounts = {
    projects: count('SELECT count(*) FROM project WHERE deleted_at IS NULL'),
    organizations: count('SELECT count(*) FROM organization'),
    people: count('SELECT count(*) FROM person'),
    adopters: count('SELECT count(*) FROM adopter WHERE deleted_at IS NULL'),
    anonymousAdopters: count('SELECT count(*) FROM adopter WHERE deleted_at IS NULL AND anonymous = 1'),
    interviews: count('SELECT count(*) FROM interview WHERE deleted_at IS NULL'),
    participants: count('SELECT count(*) FROM participant'),
    answers: count('SELECT count(*) FROM answer'),
    quotes: count('SELECT count(*) FROM quote'),
  };
  const wrong = (Object.keys(found) as (keyof StoreCounts)[]).filter((key) => found[key] !== counts[key]);
  if (wrong.length > 0) {
    throw new Error(`The generated store does not hold what was written: ${wrong.map((k) => `${k} ${found[k]} (expected ${counts[k]})`).join(', ')}.`);
  }
  const share = counts.anonymousAdopters / counts.adopters;
  if (Math.abs(share - ANONYMOUS_SHARE) > 0.01) throw new Error(`The generated store has ${(share * 100).toFixed(1)}% anonymous adopters, not 30%.`);
}

/**
 * The services must read what the generator wrote: a few interviews and one project's
 * overview through dispatch, exactly as a front door asks (only for a store at the app's schema).
 */
export async function verifyThroughServices(file: string): Promise<void> {
  const desk = openDesk(file);
  try {
    for (const [name, input] of [
      ['listProjects', {}],
      ['getInterview', { id: 1 }],
      ['adopterOverview', { projectId: 1 }],
    ] as const) {
      const envelope = await dispatch(desk.services, name, input, () => {});
      if (!envelope.ok) throw new Error(`The generated store fails ${name}: ${envelope.error.message}`);
    }
  } finally {
    desk.close();
  }
}

/** Identifies the schema a list of migrations builds: a changed step means a new store. */
export function migrationsFingerprint(migrations: readonly Migration[]): string {
  const hash = createHash('sha256');
  for (const m of migrations) hash.update(`${m.version}\0${m.name}\0${m.up.toString()}\0`);
  return hash.digest('hex').slice(0, 12);
}

export interface EnsureOptions {
  size: StoreSize;
  cacheDir: string;
  seed?: string;
  onProgress?: (message: string) => void;
}

export interface Stores {
  /** At the app's schema. */
  current: StoreInfo & { cached: boolean };
  /** One migration behind the app, or why there is none. */
  previous: (StoreInfo & { cached: boolean }) | { unavailable: string };
}

/**
 * The stores for a size, from the cache when generator, seed, size and migrations are
 * unchanged; otherwise generated under temporary names, renamed when complete (an
 * interrupted run never leaves half a store), older versions removed.
 */
export async function ensureStores(options: EnsureOptions): Promise<Stores> {
  const seed = options.seed ?? DEFAULT_SEED;
  const latest = MIGRATIONS.at(-1)!.version;
  const previousMigrations = MIGRATIONS.slice(0, -1);
  if (MIGRATIONS.some((m) => m.version === BASE_SCHEMA) === false) throw new Error(`The generator writes schema ${BASE_SCHEMA}, which the migrations no longer have.`);
  const keyOf = (migrations: readonly Migration[]) =>
    createHash('sha256')
      .update(JSON.stringify({ v: GENERATOR_VERSION, seed, size: options.size, schema: migrationsFingerprint(migrations) }))
      .digest('hex')
      .slice(0, 12);
  const slot = (label: string, migrations: readonly Migration[]) => {
    const key = keyOf(migrations);
    const file = path.join(options.cacheDir, `store-${label}-${key}.sqlite`);
    const manifest = `${file}.json`;
    const cached = fs.existsSync(file) && fs.existsSync(manifest);
    return { label, key, file, manifest, cached };
  };
  const current = slot(options.size.label, MIGRATIONS);
  const hasPrevious = latest - 1 >= BASE_SCHEMA;
  const previous = hasPrevious ? slot(`${options.size.label}-previous`, previousMigrations) : undefined;
  const read = (s: typeof current): StoreInfo & { cached: boolean } => ({
    ...(JSON.parse(fs.readFileSync(s.manifest, 'utf8')) as StoreInfo),
    file: s.file,
    cached: true,
  });
  const unavailable = {
    unavailable: `The generator writes schema ${BASE_SCHEMA} and the app is at schema ${latest}: there is no earlier schema to upgrade from.`,
  };
  if (current.cached && (!previous || previous.cached)) {
    return { current: read(current), previous: previous ? read(previous) : unavailable };
  }

  fs.mkdirSync(options.cacheDir, { recursive: true });
  for (const s of [current, previous]) {
    if (!s) continue;
    for (const old of fs.readdirSync(options.cacheDir)) {
      const key = new RegExp(`^store-${s.label}-([0-9a-f]{12})\\.sqlite`).exec(old)?.[1];
      if (key && key !== s.key) fs.rmSync(path.join(options.cacheDir, old), { force: true });
    }
  }
  // A folder of its own: whatever opening and migrating writes beside the file (backups)
  // goes away with it. Folders left by an interrupted run (a process no longer alive) too.
  for (const old of fs.readdirSync(options.cacheDir)) {
    const pid = /^generating-(\d+)$/.exec(old)?.[1];
    if (pid && !isAlive(Number(pid))) fs.rmSync(path.join(options.cacheDir, old), { recursive: true, force: true });
  }
  const workDir = path.join(options.cacheDir, `generating-${process.pid}`);
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir);
  const work = path.join(workDir, 'adoption-desk.sqlite');
  const previousWork = path.join(workDir, 'previous.sqlite');
  try {
    const started = performance.now();
    options.onProgress?.(`writing ${options.size.interviews.toLocaleString('en-US')} interviews across ${options.size.projects} projects`);
    const generated = generateStore(work, { size: options.size, seed });
    const writtenMs = performance.now() - started;
    // One migration at a time, timed: what each costs on a store this size (one run each).
    const migrationTimes: MigrationTime[] = [];
    let previousInfo: (StoreInfo & { cached: boolean }) | { unavailable: string } = unavailable;
    for (const migration of MIGRATIONS.filter((m) => m.version > BASE_SCHEMA)) {
      if (previous && migration.version === latest) {
        fs.copyFileSync(work, previousWork);
        previousInfo = {
          ...generated,
          schemaVersion: latest - 1,
          migrationTimes: [...migrationTimes],
          file: previous.file,
          key: previous.key,
          bytes: fs.statSync(previousWork).size,
          generatedMs: performance.now() - started,
          cached: false,
        };
      }
      options.onProgress?.(`migration ${migration.version} (${migration.name})`);
      const migrationStarted = performance.now();
      openDatabase(work, { migrations: MIGRATIONS.filter((m) => m.version <= migration.version) }).close();
      migrationTimes.push({ version: migration.version, name: migration.name, ms: performance.now() - migrationStarted });
    }
    await verifyThroughServices(work);
    const currentInfo: StoreInfo & { cached: boolean } = {
      ...generated,
      schemaVersion: latest,
      migrationTimes,
      file: current.file,
      key: current.key,
      bytes: fs.statSync(work).size,
      generatedMs: performance.now() - started,
      cached: false,
    };
    options.onProgress?.(`done in ${((performance.now() - started) / 1000).toFixed(1)} s (rows ${(writtenMs / 1000).toFixed(1)} s)`);
    const publish = (from: string, s: typeof current, info: StoreInfo & { cached: boolean }) => {
      const { cached: _cached, ...manifest } = info;
      fs.renameSync(from, s.file);
      fs.writeFileSync(s.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
    };
    if (previous && 'file' in previousInfo) publish(previousWork, previous, previousInfo);
    publish(work, current, currentInfo);
    return { current: currentInfo, previous: previousInfo };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
