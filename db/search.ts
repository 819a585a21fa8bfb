import type Database from 'better-sqlite3';
import { DOCS, KIND_SPAN, SEARCH_KINDS } from './migrations/0003-search';
import { preparedOnce } from './prepared';
import { CLOSE, OPEN, WordFinder, snippetOf, type SnippetWord } from './snippet';

/**
 * Queries over the full-text index of migration 3 (`search_index`, rowid = kind * 2^40 +
 * source id), which db/search-queue.ts brings up to date before each search (migration 7).
 * Nothing here writes to the file (the word list for expansions is a temporary table).
 */

export type SearchKind = keyof typeof SEARCH_KINDS;

const KIND_BY_NUMBER = new Map<number, SearchKind>(
  (Object.entries(SEARCH_KINDS) as [SearchKind, number][]).map(([kind, n]) => [n, kind]),
);

export const DEFAULT_SEARCH_LIMIT = 50;

/**
 * Up to this many matches, hits are ranked by relevance (bm25); a search with more is for
 * a word found nearly everywhere, and its hits come newest first instead, in rowid order
 * from the top: organizations, then summaries, quotes, notes per question, raw notes,
 * newest first within each kind (see the kind numbers in migration 3). bm25 needs, for
 * every word searched, the number of documents holding it: a read of each word's whole
 * posting list, the main cost of a common word's search — and for such a word relevance
 * among hundreds of places says little that "most recent" does not.
 */
export const RANK_WINDOW = 200;

/** How hits are ordered: by bm25 (up to RANK_WINDOW matches), or newest first. */
type Ranking = 'bm25' | 'recent';

/** Characters the index tokenizer (unicode61) keeps in a word; everything else separates words. */
const WORD_CHARACTER = /[\p{L}\p{N}\p{Co}]/u;
const NOT_WORD = /[^\p{L}\p{N}\p{Co}]+/u;

/**
 * A last word this short is matched whole, not as a prefix: "k*" would read the postings
 * of every word starting with k (the index keeps ready-made lists for 2- and 3-letter
 * prefixes only), and would match nearly everything anyway.
 */
export const MIN_PREFIX_LENGTH = 2;

/** The user's words, as FTS5 will see them: whitespace-separated, each holding a word character. */
function termsOf(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\s+/u)
    .filter((term) => WORD_CHARACTER.test(term));
}

const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** The last word of a term: what a prefix search extends ("foo-bar" → "bar"). */
const lastWordOf = (term: string) => term.split(NOT_WORD).filter(Boolean).at(-1) ?? '';

/**
 * The user's text as a safe FTS5 query, or null when it holds no word at all.
 * Every whitespace-separated term becomes a quoted string (inner quotes doubled), so
 * FTS5 syntax typed by the user (`"`, `*`, `AND`, `OR`, `NOT`, `NEAR(`, `-`, `col:`,
 * `^`, parentheses) is only ever text; the tokenizer then splits a term like "foo-bar"
 * into a phrase. Terms are ANDed. The last term is a prefix ("kube" finds
 * "Kubernetes"), because people search while they type. Text is NFC-normalized so
 * decomposed accents fold like composed ones ("muller" finds "Müller").
 */
export function toFtsQuery(text: string): string | null {
  const terms = termsOf(text);
  if (terms.length === 0) return null;
  return terms
    .map((term, i) => {
      if (i < terms.length - 1) return quote(term);
      return [...lastWordOf(term)].length >= MIN_PREFIX_LENGTH ? `${quote(term)}*` : quote(term);
    })
    .join(' ');
}

/**
 * A last word at least this long, in plain ASCII letters and digits, is expanded into the
 * indexed words it begins ("clust" → "cluster" OR "clusters") instead of being searched as
 * a prefix. FTS5 answers a prefix its prefix index does not hold (2 and 3 letters) by
 * merging the postings of every such word into one list, in full, and does it again for
 * each pass that reads the match (the ranking window, bm25's document count, the
 * snippets): for a common word that is most of a search's time. An OR of whole words is
 * read lazily, in rowid order, and stops at the window. Only ASCII, because the expansion
 * range is computed here and must fold exactly as the tokenizer does (lower case).
 */
export const EXPAND_FROM_LENGTH = 4;

/** More words than this under one prefix: the merged prefix list is the cheaper read. */
export const MAX_EXPANSION = 32;

/** A term of plain ASCII letters and digits: its folding (lower case) is known exactly here. */
const PLAIN_WORD = /^[A-Za-z0-9]+$/u;

/**
 * The indexed words from `from` (inclusive) to `to` (exclusive), at most `limit`:
 * fts5vocab over the index's terms, made once per connection as a temporary table (it
 * writes nothing to the file, so read-only connections can use it too).
 */
function wordsBetween(db: Database.Database, from: string, to: string, limit: number): string[] {
  return preparedOnce<[string, string, number], string>(db, 'SELECT term FROM temp.search_words WHERE term >= ? AND term < ? LIMIT ?', {
    pluck: true,
    setup: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words USING fts5vocab(main, 'search_index', 'row')",
  }).all(from, to, limit);
}

/**
 * The words of a search for db/snippet.ts, when every term is one plain ASCII word (so
 * its folding is known exactly); null when snippet() must do it.
 */
export function snippetWords(text: string): SnippetWord[] | null {
  const terms = termsOf(text);
  if (terms.length === 0 || !terms.every((t) => PLAIN_WORD.test(t))) return null;
  return terms.map((term, i) => ({
    word: term.toLowerCase(),
    prefix: i === terms.length - 1 && term.length >= MIN_PREFIX_LENGTH,
  }));
}

/**
 * toFtsQuery's query, with a long last word expanded (EXPAND_FROM_LENGTH) into the
 * words of the index it begins; null when no word begins with it (nothing can match).
 */
export function expandedQuery(db: Database.Database, text: string): string | null {
  const match = toFtsQuery(text);
  if (match === null) return null;
  const terms = termsOf(text);
  const last = terms.at(-1)!;
  if (!PLAIN_WORD.test(last) || last.length < EXPAND_FROM_LENGTH) return match;
  const prefix = last.toLowerCase();
  const after = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  const words = wordsBetween(db, prefix, after, MAX_EXPANSION + 1);
  if (words.length === 0) return null;
  if (words.length > MAX_EXPANSION) return match;
  return [...terms.slice(0, -1).map(quote), `(${words.map(quote).join(' OR ')})`].join(' AND ');
}

/** One place that matched, with the ids to go there and the names to title it. */
export interface SearchRow {
  kind: SearchKind;
  /** Matched text, matches wrapped in [[ and ]], on one line. */
  snippet: string;
  project: { id: number; name: string; slug: string } | null;
  organizationId: number | null;
  organizationName: string | null;
  /** For an organization hit under a project: its (lowest-numbered) live adopter there. */
  adopterId: number | null;
  adopterNumber: number | null;
  interviewId: number | null;
  /** The interview's question set, to title notes typed under a question. */
  questionSet: string | null;
  questionKey: string | null;
}

export interface SearchOptions {
  /** Only hits in this project (organizations: only those a live adopter of it uses). */
  projectId?: number;
  /** At most this many hits (an organization used in two projects is two hits). */
  limit?: number;
}

/** A row of the search statement: the hit's place as SearchRow has it, its project flat. */
interface RawRow extends Pick<SearchRow, 'organizationId' | 'organizationName' | 'adopterId' | 'adopterNumber' | 'interviewId' | 'questionSet' | 'questionKey'> {
  doc: number;
  /** FTS5's snippet; null only for a document deleted since the index last caught up (see services/search.ts). */
  snippet?: string | null;
  /** The hit's whole text, when the snippet is cut here. */
  body?: string | null;
  projectId: number | null;
  projectName: string | null;
  projectSlug: string | null;
  /** Organizations only: JSON [[projectId, name, slug, adopterId], …] of live use. */
  usedIn: string | null;
  /** How many live matches the candidates pass found (at most its window). */
  live: number;
}

const K = SEARCH_KINDS;
const kindOf = (doc: string) => `(${doc} / ${KIND_SPAN})`;
const sourceIdOf = (doc: string) => `(${doc} % ${KIND_SPAN})`;
const isOrganization = (doc: string) => `${doc} >= ${K.organization * KIND_SPAN}`;
const KIND = kindOf('best.doc');
const SOURCE_ID = sourceIdOf('best.doc');
const IS_ORGANIZATION = isOrganization('best.doc');

/**
 * Where a hit's snippet comes from: FTS5's snippet(), or the hit's text cut here
 * (db/snippet.ts), which needs neither the second read of the index nor snippet()'s
 * tokenizing, and is used whenever the search's words allow it (see snippetWords).
 */
type SnippetSource = 'fts' | 'text';

/** The hit's text, from the rows the final select joins anyway (the same expressions as the index's view). */
const ALIAS: Record<string, string> = { interview: 'i.', answer: 'ans.', quote: 'q.', organization: 'o.' };
const BODY = `CASE ${KIND} ${DOCS.map((d) => `WHEN ${d.kind} THEN ${d.body(ALIAS[d.table]!)}`).join(' ')} END`;

/** The interview a match in the candidates pass belongs to (answers and quotes: one lookup). */
const CANDIDATE_INTERVIEW = `coalesce(x.interview_id, y.interview_id, ${sourceIdOf('s.rowid')})`;

/**
 * One statement, two passes over the index:
 * 1. `candidates`: the first @window matches by descending rowid (FTS5 reads them in that
 *    order and stops at the LIMIT), scored with bm25 (or all 0: newest first, see
 *    RANK_WINDOW and searchRows), leaving out the documents of
 *    `trashed_interviews` (trashed interviews, interviews of trashed adopters and of
 *    trashed projects; found through the *_trashed partial indexes) and, with a project
 *    filter, keeping only those of `project_interviews` and the organizations in
 *    `project_organizations`. The three are lists of ids built once per query (as long as
 *    the trash, the project); each match is checked against them after at most one
 *    lookup (an answer's or quote's interview). Placing every match by joins instead
 *    costs four or five lookups per match, which in a store larger than SQLite's page
 *    cache are reads from disk: the main cost of a common word. Organizations are in no
 *    trash.
 * 2. `best` (the @limit best scores; bm25 is lower-is-better) get their context by
 *    primary-key lookups and, for organizations, the projects whose live adopters use
 *    them; and a snippet. With `text` snippets (plain-word searches) that is the hit's text,
 *    cut in JS (db/snippet.ts). With `fts` snippets, snippet() needs the match's positions,
 *    so the best are found again in the index by a range read from the lowest of them up
 *    (LEFT JOIN keeps the index cursor outermost).
 */
/** The live matches, newest first, at most @window, scored by `ranking`: the common start of both statements. */
const candidatesSql = (ranking: Ranking) => `
  WITH trashed_interviews (id) AS (
    SELECT id FROM interview WHERE deleted_at IS NOT NULL
    UNION ALL SELECT i.id FROM adopter a CROSS JOIN interview i ON i.adopter_id = a.id WHERE a.deleted_at IS NOT NULL
    UNION ALL SELECT i.id FROM project p CROSS JOIN adopter a ON a.project_id = p.id CROSS JOIN interview i ON i.adopter_id = a.id
      WHERE p.deleted_at IS NOT NULL
  ),
  project_interviews (id) AS (
    SELECT i.id FROM adopter a JOIN interview i ON i.adopter_id = a.id WHERE a.project_id = @projectId
  ),
  project_organizations (id) AS (
    SELECT a.organization_id FROM adopter a JOIN project p ON p.id = a.project_id
    WHERE a.project_id = @projectId AND a.deleted_at IS NULL AND p.deleted_at IS NULL
  ),
  candidates AS MATERIALIZED (
    SELECT s.rowid AS doc, ${ranking === 'bm25' ? 'bm25(s.search_index)' : '0'} AS score
    FROM search_index s
    LEFT JOIN answer x ON x.id = CASE WHEN ${kindOf('s.rowid')} = ${K.answer} THEN ${sourceIdOf('s.rowid')} END
    LEFT JOIN quote y ON y.id = CASE WHEN ${kindOf('s.rowid')} = ${K.quote} THEN ${sourceIdOf('s.rowid')} END
    WHERE s.search_index MATCH @match
      AND CASE WHEN ${isOrganization('s.rowid')}
        THEN @projectId IS NULL OR ${sourceIdOf('s.rowid')} IN project_organizations
        ELSE ${CANDIDATE_INTERVIEW} NOT IN trashed_interviews
          AND (@projectId IS NULL OR ${CANDIDATE_INTERVIEW} IN project_interviews)
      END
    ORDER BY s.rowid DESC
    LIMIT @window
  )`;

const searchSql = (snippets: SnippetSource, ranking: Ranking) => `${candidatesSql(ranking)},
  best AS MATERIALIZED (
    SELECT doc, score FROM candidates ORDER BY score, doc DESC LIMIT @limit
  )
  SELECT
    best.doc,
    ${snippets === 'fts' ? "snippet(search_index, 0, char(2), char(3), '…', 16) AS snippet" : `${BODY} AS body`},
    o.id AS organizationId,
    o.name AS organizationName,
    a.id AS adopterId,
    a.number AS adopterNumber,
    i.id AS interviewId,
    i.question_set AS questionSet,
    ans.question_key AS questionKey,
    p.id AS projectId,
    p.name AS projectName,
    p.slug AS projectSlug,
    CASE WHEN ${IS_ORGANIZATION} THEN (
      SELECT json_group_array(json_array(u.id, u.name, u.slug, u.adopterId)) FROM (
        -- with min(), SQLite takes the bare columns from that row: the lowest-numbered adopter
        SELECT up.id, up.name, up.slug, ua.id AS adopterId, min(ua.number)
        FROM adopter ua JOIN project up ON up.id = ua.project_id
        WHERE ua.organization_id = o.id AND ua.deleted_at IS NULL AND up.deleted_at IS NULL
          AND (@projectId IS NULL OR up.id = @projectId)
        GROUP BY up.id
        ORDER BY up.name COLLATE NOCASE, up.id
      ) u
    ) END AS usedIn,
    (SELECT count(*) FROM candidates) AS live
  ${snippets === 'fts' ? 'FROM search_index CROSS JOIN best ON best.doc = search_index.rowid' : 'FROM best'}
  LEFT JOIN answer ans ON ans.id = CASE WHEN ${KIND} = ${K.answer} THEN ${SOURCE_ID} END
  LEFT JOIN quote q ON q.id = CASE WHEN ${KIND} = ${K.quote} THEN ${SOURCE_ID} END
  LEFT JOIN interview i ON i.id = CASE ${KIND}
    WHEN ${K.summary} THEN ${SOURCE_ID}
    WHEN ${K.notes} THEN ${SOURCE_ID}
    WHEN ${K.answer} THEN ans.interview_id
    WHEN ${K.quote} THEN q.interview_id
  END
  LEFT JOIN adopter a ON a.id = i.adopter_id
  LEFT JOIN project p ON p.id = a.project_id
  LEFT JOIN organization o ON o.id = CASE WHEN ${IS_ORGANIZATION} THEN ${SOURCE_ID} ELSE a.organization_id END
  ${
    snippets === 'fts'
      ? `WHERE search_index MATCH @match
    AND search_index.rowid >= (SELECT coalesce(min(doc), ${(K.organization + 1) * KIND_SPAN}) FROM best)`
      : ''
  }
  ORDER BY best.score, best.doc DESC
`;

type Params = { match: string; projectId: number | null; limit: number; window: number };

/** The four search statements' SQL, built once. */
const SEARCH_SQL = new Map(
  (['fts', 'text'] as const).flatMap((snippets) => (['bm25', 'recent'] as const).map((ranking) => [`${snippets} ${ranking}`, searchSql(snippets, ranking)])),
);

const statementFor = (db: Database.Database, snippets: SnippetSource, ranking: Ranking) =>
  preparedOnce<Params, RawRow>(db, SEARCH_SQL.get(`${snippets} ${ranking}`)!);

/**
 * Whether `match` has fewer than RANK_WINDOW matches in the whole index, trash and every
 * project included: read lazily, newest first, stopping there. Fewer there means fewer
 * live ones in the project searched too.
 */
function fewRawMatches(db: Database.Database, match: string): boolean {
  const count = preparedOnce<[string, number], number>(db, 'SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT ?)', {
    pluck: true,
  });
  return count.get(match, RANK_WINDOW)! < RANK_WINDOW;
}

/**
 * The rows of a search, ranked as RANK_WINDOW says, in as few reads as the common cases
 * allow: a rare word (fewer matches than the window in the whole index) is ranked by bm25
 * straight away; otherwise the newest-first read also counts the live matches in the
 * project searched, and only when the trash or other projects held most of them is the
 * search read again, ranked.
 */
function searchRows(db: Database.Database, snippets: SnippetSource, params: Params): RawRow[] {
  if (fewRawMatches(db, params.match)) return statementFor(db, snippets, 'bm25').all(params);
  const newest = statementFor(db, snippets, 'recent').all(params);
  if (newest.length === 0 || newest[0]!.live >= RANK_WINDOW) return newest;
  return statementFor(db, snippets, 'bm25').all(params);
}

/**
 * Snippet text for the contract: one line, matches in [[ ]]. Brackets already in the
 * notes are spaced apart ("[ [") so the only [[ and ]] are the markers.
 */
export function markSnippet(raw: string): string {
  return raw
    .replace(/\s+/gu, ' ')
    .trim()
    .replaceAll('[[', '[ [')
    .replaceAll(']]', '] ]')
    .replaceAll(OPEN, '[[')
    .replaceAll(CLOSE, ']]');
}

/**
 * Hits for `text`, best first. An organization hit is repeated under every project where
 * a live adopter uses it, and stands once with `project: null` when none does (it is
 * left out when a project filter is given). Never throws on what the user typed.
 */
export function searchIndex(db: Database.Database, text: string, options: SearchOptions = {}): SearchRow[] {
  const match = expandedQuery(db, text);
  if (match === null) return [];
  const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
  const words = snippetWords(text);
  const finder = words ? new WordFinder(words) : null;
  const raw = searchRows(db, finder ? 'text' : 'fts', {
    match,
    projectId: options.projectId ?? null,
    limit,
    window: Math.max(RANK_WINDOW, limit),
  });
  const rows: SearchRow[] = [];
  for (const r of raw) {
    const kind = KIND_BY_NUMBER.get(Math.floor(r.doc / KIND_SPAN));
    if (!kind) continue;
    const base = {
      kind,
      snippet: markSnippet(finder ? snippetOf(r.body ?? '', finder) : (r.snippet ?? '')),
      organizationId: r.organizationId,
      organizationName: r.organizationName,
      interviewId: r.interviewId,
      questionSet: r.questionSet,
      questionKey: r.questionKey,
    };
    if (kind === 'organization') {
      const usedIn = JSON.parse(r.usedIn ?? '[]') as [number, string, string, number][];
      if (usedIn.length === 0) rows.push({ ...base, project: null, adopterId: null, adopterNumber: null });
      for (const [id, name, slug, adopterId] of usedIn) {
        rows.push({ ...base, project: { id, name, slug }, adopterId, adopterNumber: null });
      }
    } else {
      rows.push({
        ...base,
        adopterId: r.adopterId,
        adopterNumber: r.adopterNumber,
        project: r.projectId === null ? null : { id: r.projectId, name: r.projectName ?? '', slug: r.projectSlug ?? '' },
      });
    }
  }
  return rows.slice(0, limit);
}
