import Database from 'better-sqlite3';
import { openDesk } from '../../../services/desk';
import { RefusedError, call } from '../call';
import { notAvailable, type BenchCase, type FigureValue } from '../case';
import { collectGarbage, now, p50p95 } from '../measure';
import { median, pairedRatios } from '../stats';

const formatRatio = (r: number) => `${r < 0.1 ? r.toFixed(3) : r < 10 ? r.toFixed(2) : r.toFixed(0)}×`;

/** What search returns unless asked for more (services/search); the LIKE peer stops at as many rows. */
const LIMIT = 50;

/**
 * The peer: what one would write with plain better-sqlite3 and no index: every word of the
 * search as a substring (AND), over the same texts search covers, the first rows found.
 */
function likeSearch(db: Database.Database): (query: string) => unknown[] {
  const statements = new Map<number, Database.Statement>();
  return (query) => {
    const terms = query.split(/\s+/).filter(Boolean);
    let statement = statements.get(terms.length);
    if (!statement) {
      const match = (column: string) => terms.map((_, k) => `${column} LIKE @t${k} ESCAPE '\\'`).join(' AND ');
      statement = db.prepare(`
        SELECT 'summary' AS kind, id FROM interview WHERE deleted_at IS NULL AND ${match('summary')}
        UNION ALL SELECT 'notes', id FROM interview WHERE deleted_at IS NULL AND ${match('raw_notes')}
        UNION ALL SELECT 'answer', id FROM answer WHERE ${match('text')}
        UNION ALL SELECT 'quote', id FROM quote WHERE ${match('text')}
        LIMIT ${LIMIT}`);
      statements.set(terms.length, statement);
    }
    const params = Object.fromEntries(terms.map((t, k) => [`t${k}`, `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]));
    return statement.all(params);
  };
}

export const benchCase: BenchCase = {
  name: 'search',
  title: 'Full-text search, and naive LIKE on the same queries',
  description:
    'dispatch("search", { query }) over the whole store (summaries, raw notes, notes per question, quotes, organizations; ' +
    'ranked, grouped by project, with snippets; at most 50 hits), for a dozen searches from very common words to a word ' +
    'that matches nothing. The peer runs the same searches with plain better-sqlite3: every word as LIKE %word% over ' +
    'interview.summary, interview.raw_notes, answer.text and quote.text, the first 50 rows, unranked. The two alternate ' +
    'query by query; the ratio is LIKE ÷ search, pair by pair.',
  figures: [
    { key: 'fts.p50', label: 'search (services), p50', unit: 'ms' },
    { key: 'fts.p95', label: 'search (services), p95', unit: 'ms' },
    { key: 'like.p50', label: 'peer: naive LIKE, p50', unit: 'ms' },
    { key: 'like.p95', label: 'peer: naive LIKE, p95', unit: 'ms' },
    { key: 'ratio', label: 'LIKE ÷ search, median of pairs', unit: '×' },
  ],
  targets: [{ figure: 'fts.p95', below: 10 }],
  async run(context) {
    const file = context.copyOf(context.store);
    const desk = openDesk(file);
    const plain = new Database(file, { readonly: true, fileMustExist: true });
    context.settle();
    try {
      const queries = context.store.queries;
      let missing: string | null = null;
      try {
        await call(desk.services, 'search', { query: queries[0]! });
      } catch (error) {
        // Until search is built, the service says so; anything else is a failure to report.
        if (!(error instanceof RefusedError && /not available/i.test(error.info.message))) throw error;
        missing = `services.search says: ${error.info.message}`;
      }
      const like = likeSearch(plain);
      const rounds = context.reps(5, 2);
      const ftsMs = queries.map((): number[] => []);
      const likeMs = queries.map((): number[] => []);
      const ftsHits: number[] = [];
      const likeRows: number[] = [];
      collectGarbage();
      for (let round = -1; round < rounds; round++) {
        // Round -1 warms up. The two sides alternate which goes first, query by query.
        for (const [i, query] of queries.entries()) {
          const sides = (round + i) % 2 === 0 ? (['fts', 'like'] as const) : (['like', 'fts'] as const);
          for (const side of sides) {
            if (side === 'fts') {
              if (missing) continue;
              const started = now();
              const found = await call(desk.services, 'search', { query });
              const elapsed = now() - started;
              if (round >= 0) ftsMs[i]!.push(elapsed);
              ftsHits[i] = found.total;
            } else {
              const started = now();
              const rows = like(query);
              const elapsed = now() - started;
              if (round >= 0) likeMs[i]!.push(elapsed);
              likeRows[i] = rows.length;
            }
          }
        }
        context.progress(`round ${round + 1} of ${rounds} done`);
      }
      const fts = missing ? null : p50p95(ftsMs.flat());
      const peer = p50p95(likeMs.flat());
      const figures: Record<string, FigureValue> = {
        'fts.p50': fts ? fts.p50 : notAvailable(missing!),
        'fts.p95': fts ? fts.p95 : notAvailable(missing!),
        'like.p50': peer.p50,
        'like.p95': peer.p95,
        ratio: fts ? median(pairedRatios(likeMs.flat(), ftsMs.flat())) : notAvailable(`no comparison: ${missing}`),
      };
      const notes: string[] = [];
      if (!missing) {
        for (const [i, query] of queries.entries()) {
          if (ftsHits[i] === 0 && likeRows[i]! > 0) notes.push(`search found nothing for "${query}" where LIKE found ${likeRows[i]} rows: is the store reaching the index?`);
        }
        // One median hides two stories: LIKE stops at the first 50 rows of a common word, and reads every text for a rare one.
        const perQuery = queries.map((query, i) => ({ query, search: median(ftsMs[i]!), like: median(likeMs[i]!) }));
        const byRatio = [...perQuery].sort((x, y) => x.like / x.search - y.like / y.search);
        const describe = (q: (typeof perQuery)[number]) =>
          `${formatRatio(q.like / q.search)} for "${q.query}" (search ${q.search.toFixed(1)} ms, LIKE ${q.like.toFixed(1)} ms)`;
        notes.push(`LIKE ÷ search per query goes from ${describe(byRatio[0]!)} to ${describe(byRatio.at(-1)!)}; every query is in results.json`);
      }
      return {
        figures,
        notes,
        details: {
          rounds,
          queries: queries.map((query, i) => ({
            query,
            searchMedianMs: missing ? null : median(ftsMs[i]!),
            searchHits: missing ? null : ftsHits[i],
            likeMedianMs: median(likeMs[i]!),
            likeRows: likeRows[i],
          })),
        },
      };
    } finally {
      plain.close();
      desk.close();
    }
  },
};
