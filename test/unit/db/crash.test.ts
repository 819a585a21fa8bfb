import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDesk } from '../../../services/desk';
import { tempDir } from '../../helpers/temp-dir';

/**
 * "A note typed is a note kept": a writer process is killed with SIGKILL at a random
 * moment while it commits notes and quotes; the database opened again by the app is
 * intact and holds every transaction the writer had seen committed (and none by halves).
 * Twenty rounds on the same file: each reopen recovers the WAL the killed writer left, and
 * the data of all earlier rounds must still be there. (SIGKILL ends the process, not the
 * machine: what it proves is that a crash at any instruction leaves a consistent file with
 * every commit in it. Surviving a power cut is what synchronous=FULL adds on top; no test
 * can pull the plug here.)
 *
 * The writer (test/fixtures/crash-writer.cjs) is plain Node + better-sqlite3 with the
 * pragmas read from the app's own connection: see that file for why not the TypeScript.
 */

const WRITER = path.resolve(__dirname, '../../fixtures/crash-writer.cjs');
const ROUNDS = 20;

/** A small seeded generator, so a failure can be replayed with CRASH_SEED=<seed>. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Committed {
  answerId: number;
  quoteIds: number[];
}

interface Round {
  committed: Committed[];
  killedAfterMs: number;
  signal: NodeJS.Signals | null;
}

/**
 * Starts a writer (Node's startup is the slow part, so the test starts the next one while it
 * checks the last round); `run` tells it to go, kills it `delayMs` after it said "ready",
 * and gives back what it reported.
 */
function startWriter(file: string, interviewId: number, round: number, pragmas: string[]) {
  const child = spawn(process.execPath, [WRITER, file, String(interviewId), String(round), JSON.stringify(pragmas)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const committed: Committed[] = [];
  let stderr = '';
  let buffered = '';
  let onReady = () => {};
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    // A last line cut short by the kill is not a complete report: it claims nothing.
    buffered = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') onReady();
      else if (line.startsWith('commit ')) {
        const [, answer, quotes] = line.split(' ');
        committed.push({ answerId: Number(answer), quoteIds: quotes!.split(',').map(Number) });
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const closed = new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve(signal));
  });

  return {
    child,
    async run(delayMs: number): Promise<Round> {
      let readyAt = 0;
      let killedAt = 0;
      const watchdog = setTimeout(() => child.kill('SIGKILL'), 10_000);
      onReady = () => {
        readyAt = performance.now();
        setTimeout(() => {
          killedAt = performance.now();
          child.kill('SIGKILL');
        }, delayMs);
      };
      child.stdin.on('error', () => {}); // a writer that died at startup: reported below with its stderr
      child.stdin.write('go\n');
      const signal = await closed;
      clearTimeout(watchdog);
      if (!readyAt) throw new Error(`The writer never got ready (signal ${signal}):\n${stderr}`);
      if (signal !== 'SIGKILL') throw new Error(`The writer ended by itself (signal ${signal}):\n${stderr}`);
      return { committed, killedAfterMs: Math.round(killedAt - readyAt), signal };
    },
  };
}

/** Opens the file the way the app does and checks it; returns the services' view of the writer's rows. */
function verify(file: string, reported: Committed[], context: string, options: { fullText: boolean }): { answers: number; quotes: number } {
  const desk = openDesk(file);
  try {
    const { db } = desk.store;
    expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
    expect(db.pragma('foreign_key_check'), context).toEqual([]);
    const fullTextIndexes = options.fullText ? db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'")
      .all() : [];
    // The writes noted their documents for the index in the same transactions; indexing what
    // the kill left in that queue must bring every full-text index in step with its tables.
    desk.store.indexPending();
    for (const { name } of fullTextIndexes) {
      expect(() => db.prepare(`INSERT INTO "${name}" ("${name}", rank) VALUES ('integrity-check', 1)`).run(), context).not.toThrow();
    }

    const quoteIds = new Set(db.prepare<[], number>("SELECT id FROM quote WHERE tags = '[\"crash\"]'").pluck().all());
    const answers = db
      .prepare<[], { id: number; text: string }>("SELECT id, text FROM answer WHERE question_key LIKE 'crash-%'")
      .all();
    const answerIds = new Set(answers.map((a) => a.id));
    const missing = reported.filter((c) => !answerIds.has(c.answerId) || c.quoteIds.some((q) => !quoteIds.has(q)));
    expect(missing, `${context}: reported as committed but not in the database`).toEqual([]);

    // No transaction by halves: each answer's quotes are all there, and each quote belongs to an answer that is.
    const listed = new Set<number>();
    for (const answer of answers) {
      const { quotes } = JSON.parse(answer.text) as { quotes: number[] };
      for (const q of quotes) listed.add(q);
      expect(
        quotes.filter((q) => !quoteIds.has(q)),
        `${context}: answer ${answer.id} committed without its quotes`,
      ).toEqual([]);
    }
    expect([...quoteIds].filter((q) => !listed.has(q)), `${context}: quotes committed without their answer`).toEqual([]);
    const events = db.prepare<[], number>("SELECT count(*) FROM event e JOIN change c ON c.id = e.change_id WHERE c.label = 'Crash writer'").pluck().get();
    expect(events, `${context}: every row has its event`).toBe(quoteIds.size + answers.length);
    return { answers: answers.length, quotes: quoteIds.size };
  } finally {
    desk.close();
  }
}

describe('a writer killed mid-flight (SIGKILL)', () => {
  it(`loses nothing it reported as committed, over ${ROUNDS} random kills`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = mulberry32(seed);
    const file = path.join(tempDir(), 'adoption-desk.sqlite');

    // The app creates and migrates the file and makes the interview the writer fills.
    const desk = openDesk(file);
    const project = await desk.services.createProject({ name: 'Globex Mesh', level: 'incubation' });
    const org = await desk.services.createOrganization({ name: 'Globex', aliases: [] });
    const adopter = await desk.services.createAdopter({ projectId: project.id, organizationId: org.id });
    const interview = await desk.services.createInterview({ adopterId: adopter.id, date: '2024-09-17' });
    const { db } = desk.store;
    // The pragmas db/open.ts set on the app's connection, in the order it sets them.
    const pragmas = [
      `busy_timeout = ${db.pragma('busy_timeout', { simple: true })}`,
      `foreign_keys = ${db.pragma('foreign_keys', { simple: true })}`,
      `journal_mode = ${db.pragma('journal_mode', { simple: true })}`,
      `synchronous = ${db.pragma('synchronous', { simple: true })}`,
    ];
    expect(pragmas).toEqual(['busy_timeout = 5000', 'foreign_keys = 1', 'journal_mode = wal', 'synchronous = 2']);
    desk.close();

    const reported: Committed[] = [];
    const rounds: string[] = [];
    // Two writers wait ready ahead of the one running, so Node's startup overlaps the rounds.
    const waiting = [1, 2].map((round) => startWriter(file, interview.id, round, pragmas));
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const writer = waiting.shift()!;
        if (round + 2 <= ROUNDS) waiting.push(startWriter(file, interview.id, round + 2, pragmas));
        const delay = 10 + Math.floor(random() * 291);
        const result = await writer.run(delay);
        reported.push(...result.committed);
        rounds.push(`round ${round}: killed ${result.killedAfterMs} ms after ready, ${result.committed.length} commits reported`);
        // The full-text check reads every indexed text back: every fifth round and at the end is enough.
        verify(file, reported, `CRASH_SEED=${seed}, round ${round} (kill after ${delay} ms)`, { fullText: round % 5 === 0 });
      }
    } finally {
      for (const writer of waiting) writer.child.kill('SIGKILL');
    }

    const final = verify(file, reported, `CRASH_SEED=${seed}, final`, { fullText: true });
    // The rounds did write: otherwise this test would prove nothing.
    expect(reported.length, rounds.join('\n')).toBeGreaterThan(ROUNDS);
    expect(final.answers, rounds.join('\n')).toBeGreaterThanOrEqual(reported.length);

    // And the app still works on the file: the interview shows the writer's notes and quotes.
    const reopened = openDesk(file);
    try {
      const detail = await reopened.services.getInterview({ id: interview.id });
      expect(detail.answers.length).toBe(final.answers);
      expect(detail.quotes.length).toBe(final.quotes);
    } finally {
      reopened.close();
    }
    // ~5 s on an idle machine; the margin is for a loaded one (each round starts a Node process).
  }, 60_000);
});
