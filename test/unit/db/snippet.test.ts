import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { toFtsQuery, snippetWords } from '../../../db/search';
import { CLOSE, OPEN, WordFinder, snippetOf } from '../../../db/snippet';

/**
 * db/snippet.ts must find exactly what FTS5 finds, so each check here asks SQLite (an
 * in-memory FTS5 table with the store's tokenizer) and compares.
 */
const db = new Database(':memory:');
db.exec("CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2')");
afterAll(() => db.close());

const insert = db.prepare<[number, string]>('INSERT INTO t (rowid, body) VALUES (?, ?)');
// CAST: FTS5 ignores a rowid compared with a real number, which is what a JS number binds as.
const highlighted = db.prepare<[string, number], string>('SELECT highlight(t, 0, char(2), char(3)) FROM t WHERE t MATCH ? AND rowid = CAST(? AS INTEGER)').pluck();
const snippeted = db
  .prepare<[string, number], string>("SELECT snippet(t, 0, char(2), char(3), '…', 16) FROM t WHERE t MATCH ? AND rowid = CAST(? AS INTEGER)")
  .pluck();
const matching = db.prepare<[string], number>('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').pluck();

const mark = (s: string) => s.replaceAll(OPEN, '[[').replaceAll(CLOSE, ']]');

describe('WordFinder folds letters exactly as the tokenizer does', () => {
  it('on every Latin letter, one by one', () => {
    db.exec('DELETE FROM t');
    const codes: number[] = [];
    for (let c = 0xc0; c <= 0x24f; c++) codes.push(c);
    for (let c = 0x1e00; c <= 0x1eff; c++) codes.push(c);
    codes.push(0x212a, 0x212b); // the Kelvin and Angstrom signs
    // Each letter as typed (composed), and decomposed (letter + combining marks) a million rows on.
    const DECOMPOSED = 1_000_000;
    const texts = new Map<number, string>();
    for (const code of codes) {
      texts.set(code, `w${String.fromCodePoint(code)}w`);
      texts.set(DECOMPOSED + code, `w${String.fromCodePoint(code).normalize('NFD')}w`);
    }
    for (const [id, text] of texts) insert.run(id, text);
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
      const word = `w${letter}w`;
      const finder = new WordFinder([{ word, prefix: false }]);
      const ours = [...texts].filter(([, text]) => finder.matches(text).length === 1).map(([id]) => id);
      expect(ours.sort((a, b) => a - b), `letters folding to "${letter}"`).toEqual(matching.all(`"${word}"`));
    }
  });
});

describe('WordFinder treats combining marks as the tokenizer does', () => {
  it('inside a word, before a word and after it, for every combining diacritical mark and a few others', () => {
    db.exec('DELETE FROM t');
    const marks = [...Array.from({ length: 0x70 }, (_, i) => 0x300 + i), 0x483, 0x93e, 0x20d7];
    const texts = new Map<number, string>();
    marks.forEach((code, i) => {
      const mark = String.fromCodePoint(code);
      texts.set(3 * i + 1, `ab${mark}cd`);
      texts.set(3 * i + 2, `x ${mark}mesh`);
      texts.set(3 * i + 3, `mesh${mark} y`);
    });
    for (const [id, text] of texts) insert.run(id, text);
    for (const word of ['abcd', 'ab', 'cd', 'mesh']) {
      const finder = new WordFinder([{ word, prefix: false }]);
      for (const [id, text] of texts) {
        const theirs = highlighted.get(`"${word}"`, id);
        const ours = finder.matches(text).length > 0 ? finder.highlight(text) : undefined;
        expect(ours && mark(ours), `${word} in ${JSON.stringify(text)}`).toBe(theirs && mark(theirs));
      }
    }
  });
});

describe('WordFinder highlights what FTS5 highlights', () => {
  const vocabulary = ['cluster', 'clusters', 'Clustered', 'mesh', 'Mésh', 'MESH', 'meshes', 'kube', 'Kubernetes', 'Zoë', 'Zoe\u0308', 'café', 'cafe', 'naïve', 'déjà', 'vu', 'x2', '2024', 'rollout', 'roll'];
  const separators = [' ', ', ', '. ', '\n\n', ' — ', '-', "'", '(', ') ', ' **', '** ', ' [', '](https://a.example/x) ', '_', ' 🙂 ', ' \u0301', '\u093e ', '\u0332'];
  const text = fc
    .array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...separators)), { minLength: 1, maxLength: 40 })
    .map((parts) => parts.map(([w, s]) => w + s).join(''));
  const query = fc
    .array(fc.constantFrom('cluster', 'clus', 'mesh', 'me', 'kube', 'zoe', 'cafe', 'naive', 'deja', 'vu', 'x2', '2024', 'roll', 'r'), { minLength: 1, maxLength: 3 })
    .map((words) => words.join(' '));

  it('for any text and any search of plain words (the last one a prefix)', () => {
    let row = 10_000_000;
    fc.assert(
      fc.property(text, query, (body, search) => {
        const words = snippetWords(search);
        expect(words).not.toBeNull();
        const id = row++;
        insert.run(id, body);
        const theirs = highlighted.get(toFtsQuery(search)!, id);
        const finder = new WordFinder(words!);
        if (theirs === undefined) {
          // Not a match for FTS5 (a word is missing): then some word is missing for us too.
          expect(words!.some((_, k) => !finder.matches(body).some((m) => m.word === k))).toBe(true);
        } else {
          expect(mark(finder.highlight(body))).toBe(mark(theirs));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('snippetOf', () => {
  it('gives what snippet() gives where the word occurs once', () => {
    let row = 20_000_000;
    const filler = fc.array(
      fc.constantFrom('alpha', 'beta,', 'gamma.', 'delta', '(epsilon)', 'zeta\n\n', 'Éta', 'internationalization', 'rho.', '𝐛𝐛𝐛𝐛𝐛𝐛𝐛', 'https://a.example/a/long/path'),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(filler, filler, fc.constantFrom('Mesh', 'mesh', 'MÉSH', 'meshes'), (before, after, word) => {
        const body = [...before, word, ...after].join(' ');
        const id = row++;
        insert.run(id, body);
        expect(mark(snippetOf(body, new WordFinder(snippetWords('mesh')!)))).toBe(mark(snippeted.get('"mesh"*', id)!));
      }),
      { numRuns: 200 },
    );
  });

  const finder = (search: string) => new WordFinder(snippetWords(search)!);
  const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `word${i + from}`).join(' ');

  it('starts at the sentence snippet() starts at, even behind long words', () => {
    let row = 40_000_000;
    const long = fc.constantFrom('internationalization', 'observability', 'multiclustering', 'https://a.example/long/path/x', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    fc.assert(
      fc.property(fc.array(long, { minLength: 9, maxLength: 15 }), fc.array(long, { minLength: 0, maxLength: 20 }), (before, after) => {
        const body = ['Some words first and then rho.', ...before, 'mesh', ...after, 'end.'].join(' ');
        const id = row++;
        insert.run(id, body);
        expect(mark(snippetOf(body, finder('mesh')))).toBe(mark(snippeted.get('"mesh"*', id)!));
      }),
      { numRuns: 150 },
    );
  });

  it('picks the fragment snippet() picks when a later sentence holds more matches', () => {
    const body =
      'beta, a longerwordhere gamma. zeta: mesh b f alpha delta gamma. a Éta Éta b delta d c c Rollout. delta gamma. Éta b ' +
      'delta gamma. longerwordhere gamma. zeta: d meshes f alpha beta, gamma. Éta a a gamma. alpha e meshes Éta x. alpha b e f';
    insert.run(30_000_000, body);
    expect(mark(snippetOf(body, finder('mesh')))).toBe(mark(snippeted.get('"mesh"*', 30_000_000)!));
  });

  it('always gives whole words, as many as the fragment holds, wherever the matches are', () => {
    const filler = fc.array(fc.constantFrom('alpha', 'beta,', 'gamma.', 'delta', 'zeta:', 'Éta', 'longerwordhere', 'Rollout.', 'mesh', 'meshes', 'x'), { maxLength: 120 });
    const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];
    fc.assert(
      fc.property(filler, (parts) => {
        const body = parts.join(' ');
        const snippet = snippetOf(body, finder('mesh'));
        const plain = snippet.replaceAll(OPEN, '').replaceAll(CLOSE, '');
        const inner = plain.replace(/^…/, '').replace(/…$/, '');
        expect(body).toContain(inner);
        expect(words(inner)).toHaveLength(Math.min(16, words(body).length));
        // Starts and ends on word boundaries of the text itself.
        const at = body.indexOf(inner);
        expect(/[\p{L}\p{N}]/u.test(body[at - 1] ?? ' ') && /[\p{L}\p{N}]/u.test(inner[0] ?? ' ')).toBe(false);
        const after = at + inner.length;
        expect(/[\p{L}\p{N}]/u.test(body[after] ?? ' ') && /[\p{L}\p{N}]/u.test(inner.at(-1) ?? ' ')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a short text whole, punctuation included', () => {
    expect(mark(snippetOf('Mesh, mesh, mesh.', finder('mesh')))).toBe('[[Mesh]], [[mesh]], [[mesh]].');
  });

  it('cuts a long text to 16 words around the match, "…" where it goes on', () => {
    const text = `${words(40)} the mesh ${words(40, 40)}`;
    const snippet = mark(snippetOf(text, finder('mesh')));
    expect(snippet).toBe('…word34 word35 word36 word37 word38 word39 the [[mesh]] word40 word41 word42 word43 word44 word45 word46 word47…');
    expect(snippet.replaceAll('…', '').split(' ')).toHaveLength(16);
  });

  it('prefers the place where more of the searched words meet', () => {
    const text = `Mesh early. ${words(30)} later the mesh and the rollout together. ${words(30, 30)}`;
    expect(mark(snippetOf(text, finder('mesh rollout')))).toBe(
      '…word26 word27 word28 word29 later the [[mesh]] and the [[rollout]] together. word30 word31 word32 word33 word34…',
    );
  });

  it('starts at the text when the match is near its start, and survives a text without the words', () => {
    expect(mark(snippetOf(`(Mesh) ${words(30)}`, finder('mesh')))).toMatch(/^\(\[\[Mesh\]\]\) word0 .* word14…$/);
    expect(snippetOf(`${words(3)}`, finder('absent'))).toBe('word0 word1 word2');
    expect(snippetOf('', finder('absent'))).toBe('');
  });
});
