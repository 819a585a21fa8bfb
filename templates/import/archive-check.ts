import type { z } from 'zod';
import type { ArchiveProblem } from './archive-format';
import { describeArchivePlace } from './archive-places';
import { archiveRecords, archiveShells, type Archive } from './archive-schema';
import { archiveWords } from './archive-words';
import { LIMITS } from '../../domain/limits';

/**
 * Reading an archive file: JSON, then each record against its schema (archive-schema.ts), then
 * the keys and links between records. It stops once it has found `MAX_PROBLEMS` problems and
 * says how many more places it did not look at: a file of a million broken records is refused
 * as quickly as a file of one, in memory that does not grow with the count of problems.
 */
const MAX_PROBLEMS = 20;

type Path = readonly PropertyKey[];

/** Problems as found, each with its path; places are put in words only at the end. */
class Findings {
  readonly found: { path: Path; message: string }[] = [];
  more = false;

  get full(): boolean {
    return this.found.length >= MAX_PROBLEMS;
  }

  add(path: Path, message: string): void {
    if (this.full) this.more = true;
    else this.found.push({ path, message });
  }

  /** The record checked against its schema: its value, or undefined with its problems noted. */
  check<S extends z.ZodType>(schema: S, value: unknown, path: Path): z.output<S> | undefined {
    const result = schema.safeParse(value, { error: archiveWords });
    if (result.success) return result.data;
    for (const issue of result.error.issues) this.add([...path, ...issue.path], issue.message);
    return undefined;
  }

  /** Each item of a list checked in turn, until enough problems are found; the items that passed. */
  each<T>(items: readonly unknown[], path: Path, checkItem: (item: unknown, at: Path) => T | undefined): T[] {
    const passed: T[] = [];
    for (let i = 0; i < items.length; i++) {
      if (this.full) {
        this.more = true;
        break;
      }
      const value = checkItem(items[i], [...path, i]);
      if (value !== undefined) passed.push(value);
    }
    return passed;
  }

  problems(data: unknown): ArchiveProblem[] {
    const problems = this.found.map((p) => ({ path: describeArchivePlace(data, p.path), message: p.message }));
    if (this.more) problems.push({ path: 'The rest of the file', message: `It was not checked: the first ${MAX_PROBLEMS} problems are listed; correct them and import again.` });
    return problems;
  }
}

/** Parses and checks an archive; its problems with their places, or the archive. */
export function parseArchive(text: string): { archive: Archive } | { problems: ArchiveProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problems: [{ path: 'The file', message: `It is not JSON: ${(error as Error).message}.` }] };
  }
  return checkArchive(data);
}

/**
 * Checks archive data as the archive door does: every record (every limit of domain/limits.ts
 * included), then keys and links. Also run on the archive a project would have after an
 * import, so that what the app writes always imports again.
 */
export function checkArchive(data: unknown): { archive: Archive } | { problems: ArchiveProblem[] } {
  // More adopters than a project holds is refused before any of them is looked at.
  const adopters = (data as { adopters?: unknown } | null)?.adopters;
  if (Array.isArray(adopters) && adopters.length > LIMITS.adopters) {
    return { problems: [{ path: 'The archive', message: `It holds ${adopters.length.toLocaleString('en-US')} adopters; a project holds at most ${LIMITS.adopters.toLocaleString('en-US')}.` }] };
  }
  const findings = new Findings();
  const archive = checkRecords(data, findings);
  if (archive && !findings.full) checkLinks(archive, findings);
  return archive && findings.found.length === 0 ? { archive } : { problems: findings.problems(data) };
}

function checkRecords(data: unknown, findings: Findings): Archive | undefined {
  const shell = findings.check(archiveShells.archive, data, []);
  if (!shell) return undefined;
  const { organization, person, allowance, dismissal, participant, answer, quote } = archiveRecords;
  const recordsOf = <S extends z.ZodType>(schema: S) => (item: unknown, at: Path) => findings.check(schema, item, at);
  const interviewAt = (item: unknown, at: Path) => {
    const iv = findings.check(archiveShells.interview, item, at);
    if (!iv) return undefined;
    return {
      ...iv,
      participants: findings.each(iv.participants, [...at, 'participants'], recordsOf(participant)),
      answers: findings.each(iv.answers, [...at, 'answers'], recordsOf(answer)),
      quotes: findings.each(iv.quotes, [...at, 'quotes'], recordsOf(quote)),
    };
  };
  const adopterAt = (item: unknown, at: Path) => {
    const a = findings.check(archiveShells.adopter, item, at);
    if (!a) return undefined;
    return {
      ...a,
      allowances: findings.each(a.allowances, [...at, 'allowances'], recordsOf(allowance)),
      dismissals: a.dismissals && findings.each(a.dismissals, [...at, 'dismissals'], recordsOf(dismissal)),
      interviews: findings.each(a.interviews, [...at, 'interviews'], interviewAt),
    };
  };
  const archive: Archive = {
    ...shell,
    organizations: findings.each(shell.organizations, ['organizations'], recordsOf(organization)),
    people: findings.each(shell.people, ['people'], recordsOf(person)),
    adopters: findings.each(shell.adopters, ['adopters'], adopterAt),
  };
  return findings.found.length === 0 ? archive : undefined;
}

/** Keys and uids name one record each, and every link names a record of the file. */
function checkLinks(archive: Archive, findings: Findings): void {
  const organizations = new Set(archive.organizations.map((o) => o.key));
  const people = new Set(archive.people.map((p) => p.key));
  const seen = new Set<string>();
  const unique = (k: string, path: Path) => {
    if (seen.has(k)) findings.add(path, `The key "${k}" appears twice.`);
    seen.add(k);
  };
  // A uid names one record: twice in one table would merge two records into one.
  const uids = new Map<string, Set<string>>();
  const uniqueUid = (table: string, u: string | undefined, path: Path) => {
    if (u === undefined) return;
    const seenHere = uids.get(table) ?? new Set<string>();
    if (seenHere.has(u)) findings.add(path, `The uid "${u}" appears twice.`);
    seenHere.add(u);
    uids.set(table, seenHere);
  };
  archive.organizations.forEach((o, i) => {
    unique(o.key, ['organizations', i, 'key']);
    uniqueUid('organization', o.uid, ['organizations', i, 'uid']);
  });
  archive.people.forEach((p, i) => {
    unique(p.key, ['people', i, 'key']);
    uniqueUid('person', p.uid, ['people', i, 'uid']);
    if (p.organization !== null && !organizations.has(p.organization)) findings.add(['people', i, 'organization'], `No organization has the key "${p.organization}".`);
  });
  archive.adopters.forEach((a, i) => {
    const at = ['adopters', i];
    unique(a.key, [...at, 'key']);
    uniqueUid('adopter', a.uid, [...at, 'uid']);
    a.allowances.forEach((al, j) => uniqueUid('allowance', al.uid, [...at, 'allowances', j, 'uid']));
    a.dismissals?.forEach((d, j) => uniqueUid('dismissal', d.uid, [...at, 'dismissals', j, 'uid']));
    if (!organizations.has(a.organization)) findings.add([...at, 'organization'], `No organization has the key "${a.organization}".`);
    a.interviews.forEach((iv, j) => {
      const ivAt = [...at, 'interviews', j];
      unique(iv.key, [...ivAt, 'key']);
      uniqueUid('interview', iv.uid, [...ivAt, 'uid']);
      iv.answers.forEach((an, k) => uniqueUid('answer', an.uid, [...ivAt, 'answers', k, 'uid']));
      iv.participants.forEach((p, k) => {
        uniqueUid('participant', p.uid, [...ivAt, 'participants', k, 'uid']);
        if (!people.has(p.person)) findings.add([...ivAt, 'participants', k, 'person'], `No person has the key "${p.person}".`);
      });
      iv.quotes.forEach((q, k) => {
        unique(q.key, [...ivAt, 'quotes', k, 'key']);
        uniqueUid('quote', q.uid, [...ivAt, 'quotes', k, 'uid']);
        if (q.speaker !== null && !people.has(q.speaker)) findings.add([...ivAt, 'quotes', k, 'speaker'], `No person has the key "${q.speaker}".`);
      });
    });
  });
}
