import type { z } from 'zod';
import { LIMITS, byteLength, overLimit, sizeInWords } from '../../domain/limits';
import { checkArchive } from '../import/archive-check';
import { serializeArchive } from '../import/archive-format';
import { describeArchivePlace } from '../import/archive-places';
import { archiveWords } from '../import/archive-words';
import { fileText } from './format-files';
import { ABOUT_FILES, FORMAT_FILE, INTERVIEW_TEXTS, PROJECT_FILE, SHARE_FOLDERS, SHARE_FORMAT, SHARE_VERSION, interviewTextPath, isShareFormatPath, shareFilePath } from './format-paths';
import { shareSchemas, shareUid } from './format-schema';
import { inCreationOrder } from './format-order';
import { snapshotToArchive } from './format-to-archive';
import type { ShareKind, ShareRecord, ShareSnapshot, ShareValue } from './records';

/**
 * Reading a shared project's files back (format.ts tells what is refused and what is ignored).
 * Like the archive door (templates/import/archive-check.ts) it stops at the first
 * `MAX_PROBLEMS` problems, each naming its file, so a repository of a thousand broken files is
 * refused as quickly as one of one.
 */

export interface ShareProblem {
  /** The file, as the repository names it ("adopters/3f2….json"). */
  file: string;
  message: string;
}

const MAX_PROBLEMS = 20;

class Problems {
  readonly found: ShareProblem[] = [];
  more = false;

  get full(): boolean {
    return this.found.length >= MAX_PROBLEMS;
  }

  add(file: string, message: string): void {
    if (this.full) this.more = true;
    else this.found.push({ file, message });
  }

  list(): ShareProblem[] {
    if (!this.more) return this.found;
    return [...this.found, { file: 'The other files', message: `They were not all checked: the first ${MAX_PROBLEMS} problems are listed.` }];
  }
}

/** zod's issues in the archive's words, told of a shared project rather than an archive. */
const shareWords: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'unrecognized_keys'
    ? `Adoption Desk does not know ${issue.keys.length === 1 ? 'the field' : 'the fields'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; a shared project holds only what the app writes.`
    : archiveWords(issue);

/** A line Git writes around a conflict it left to a person: `<<<<<<< ours`, `>>>>>>> theirs`. */
const JSON_MARKER = /^(?:<{7}|>{7})(?: |\r?$)/m;
/**
 * In a text a lone such line could be the reviewer's own; a whole conflict block (`<<<<<<<`, then
 * `=======`, then `>>>>>>>`) is not. Read line by line: a pattern scanning ahead from each start
 * line would take minutes over a megabyte of them.
 */
function hasConflictBlock(text: string): boolean {
  let seen: 'nothing' | 'start' | 'middle' = 'nothing';
  for (const line of text.split(/\r?\n/)) {
    if (/^<{7}(?: |$)/.test(line)) seen = 'start';
    else if (seen === 'start' && line === '=======') seen = 'middle';
    else if (seen === 'middle' && /^>{7}(?: |$)/.test(line)) return true;
  }
  return false;
}
const MARKERS_FOUND =
  'It holds Git conflict markers (a line starting "<<<<<<<"): someone merged the repository by hand and left a conflict in it. Adoption Desk never writes them; put back the file of the last commit without them, then Sync again.';

const LINKS: Partial<Record<ShareKind, readonly { field: string; to: ShareKind; what: string; nullable?: boolean }[]>> = {
  person: [{ field: 'organizationUid', to: 'organization', what: 'organization', nullable: true }],
  adopter: [{ field: 'organizationUid', to: 'organization', what: 'organization' }],
  allowance: [{ field: 'adopterUid', to: 'adopter', what: 'adopter' }],
  dismissal: [{ field: 'adopterUid', to: 'adopter', what: 'adopter' }],
  interview: [{ field: 'adopterUid', to: 'adopter', what: 'adopter' }],
  participant: [
    { field: 'interviewUid', to: 'interview', what: 'interview' },
    { field: 'personUid', to: 'person', what: 'person' },
  ],
  answer: [{ field: 'interviewUid', to: 'interview', what: 'interview' }],
  quote: [
    { field: 'interviewUid', to: 'interview', what: 'interview' },
    { field: 'speakerUid', to: 'person', what: 'speaker', nullable: true },
  ],
};

/** Records whose natural key the store keeps unique: two of them would not fit in one project. */
const NATURAL_KEYS: Partial<Record<ShareKind, { key: (f: Fields) => string; says: (f: Fields, other: string) => string }>> = {
  adopter: { key: (f) => String(f.number), says: (f, other) => `Adopter ${String(f.number)} is also ${other}: two adopters cannot share a number.` },
  answer: {
    key: (f) => `${String(f.interviewUid)}/${String(f.questionKey)}`,
    says: (f, other) => `${other} holds the notes of question ${String(f.questionKey)} of the same interview: an interview has one set of notes per question.`,
  },
  participant: {
    key: (f) => `${String(f.interviewUid)}/${String(f.personUid)}`,
    says: (_f, other) => `${other} has the same person take part in the same interview: a person takes part once.`,
  },
};

type Fields = { readonly [field: string]: ShareValue };

const KIND_OF_FOLDER = new Map<string, ShareKind>(Object.entries(SHARE_FOLDERS).map(([kind, folder]) => [folder, kind as ShareKind]));
const RECORD_FILE = /^([a-z]+)\/([A-Za-z0-9-]{1,100})\.json$/;
const TEXT_FILE = new RegExp(`^interviews/([A-Za-z0-9-]{1,100})\\.(${Object.values(INTERVIEW_TEXTS).join('|').replace(/\./g, '\\.')})$`);

/** Checks and reads a shared project's files: its records, or the first problems, each naming its file. */
export function filesToSnapshot(files: ReadonlyMap<string, string>): { snapshot: ShareSnapshot; projectUid: string } | { problems: ShareProblem[] } {
  const format = readFormat(files.get(FORMAT_FILE));
  if ('problems' in format) return format;
  const { projectUid } = format;
  // More adopters than a project holds is refused before any of them is read.
  const adopterCount = [...files.keys()].filter((p) => RECORD_FILE.exec(p)?.[1] === SHARE_FOLDERS.adopter).length;
  if (adopterCount > LIMITS.adopters) {
    return { problems: [{ file: `${SHARE_FOLDERS.adopter}/`, message: `It holds ${adopterCount.toLocaleString('en-US')} adopters; a project holds at most ${LIMITS.adopters.toLocaleString('en-US')}.` }] };
  }

  const problems = new Problems();
  const records: ShareRecord[] = [];
  for (const path of [...files.keys()].sort()) {
    if (problems.full) {
      problems.more = true;
      break;
    }
    if (path === FORMAT_FILE || Object.hasOwn(ABOUT_FILES, path) || !isShareFormatPath(path) || TEXT_FILE.test(path)) continue;
    const match = RECORD_FILE.exec(path);
    const kind = path === PROJECT_FILE ? 'project' : match && KIND_OF_FOLDER.get(match[1]!);
    if (!kind) {
      problems.add(path, 'It is not a file Adoption Desk writes: in this folder each file is one record, named by its stable id and ending in ".json". Remove it, or move it out of the folder.');
      continue;
    }
    const record = readRecord(files, path, kind, path === PROJECT_FILE ? projectUid : match![2]!, problems);
    if (record) records.push(record);
  }
  if (!problems.full) checkWhole(files, records, problems);
  if (problems.found.length > 0) return { problems: problems.list() };

  const snapshot = inCreationOrder(records);
  const size = checkSize(snapshot);
  return size ? { problems: size } : { snapshot, projectUid };
}

function readFormat(text: string | undefined): { projectUid: string } | { problems: ShareProblem[] } {
  const refuse = (message: string) => ({ problems: [{ file: FORMAT_FILE, message }] });
  if (text === undefined) return refuse('It is missing: these are not the files of an Adoption Desk shared project (or not all of them).');
  if (JSON_MARKER.test(text)) return refuse(MARKERS_FOUND);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuse(`It is not JSON: ${(error as Error).message}.`);
  }
  const f = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  if (f.format !== SHARE_FORMAT) return refuse(`These are not the files of an Adoption Desk shared project: the format is not "${SHARE_FORMAT}".`);
  if (typeof f.version === 'number' && Number.isInteger(f.version) && f.version > SHARE_VERSION) {
    return refuse(`This shared project was written by a newer version of Adoption Desk (share format ${f.version}; this one reads ${SHARE_VERSION}). Update Adoption Desk to sync it.`);
  }
  if (f.version !== SHARE_VERSION) return refuse(`Its version is not one Adoption Desk has written (this one reads share format ${SHARE_VERSION}).`);
  if (!shareUid.safeParse(f.projectUid).success) return refuse("The project's stable id is missing, or not letters, digits and dashes.");
  const unknown = Object.keys(f).filter((k) => !['format', 'version', 'projectUid'].includes(k));
  if (unknown.length > 0) return refuse(`Adoption Desk does not know ${unknown.map((k) => JSON.stringify(k)).join(', ')} in it; the format file holds only the format, its version and the project's stable id.`);
  return { projectUid: f.projectUid as string };
}

/** One record's file (and an interview's text files), checked: the record, or undefined with its problems noted. */
function readRecord(files: ReadonlyMap<string, string>, path: string, kind: ShareKind, uid: string, problems: Problems): ShareRecord | undefined {
  const text = files.get(path)!;
  const bytes = byteLength(text);
  if (bytes > LIMITS.fileBytes) return void problems.add(path, overLimit('It', bytes, LIMITS.fileBytes));
  if (JSON_MARKER.test(text)) return void problems.add(path, MARKERS_FOUND);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return void problems.add(path, `It is not JSON: ${(error as Error).message}.`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return void problems.add(path, 'It is not a record in braces.');
  const record = data as Record<string, unknown>;
  if (record.uid !== uid) {
    const says = typeof record.uid === 'string' ? `Its stable id is "${record.uid}"` : 'It has no stable id';
    return void problems.add(path, path === PROJECT_FILE ? `${says}, but ${FORMAT_FILE} names the project "${uid}".` : `${says}, but its name says "${uid}": a record's file is named by its stable id.`);
  }
  if (kind === 'interview' && !addInterviewTexts(files, path, uid, record, problems)) return undefined;
  const result = shareSchemas[kind].safeParse(record, { error: shareWords });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const place = issue.path.length === 0 ? '' : `${describeArchivePlace(record, issue.path)}: `;
      problems.add(path, `${place}${issue.message}`);
    }
    return undefined;
  }
  const { uid: _uid, ...fields } = result.data as Fields;
  return { kind, uid, fields };
}

/** An interview's summary and raw notes, read from their files into its record; false when one is wrong. */
function addInterviewTexts(files: ReadonlyMap<string, string>, path: string, uid: string, record: Record<string, unknown>, problems: Problems): boolean {
  let ok = true;
  for (const field of Object.keys(INTERVIEW_TEXTS) as (keyof typeof INTERVIEW_TEXTS)[]) {
    const textPath = interviewTextPath(uid, field);
    const what = field === 'summary' ? 'summary' : 'raw notes';
    const text = files.get(textPath);
    if (field in record) problems.add(path, `It holds the ${what} itself; a shared project keeps the ${what} in ${textPath}.`);
    else if (text === undefined) problems.add(path, `Its ${what} (${textPath}) is missing.`);
    else if (hasConflictBlock(text)) problems.add(textPath, MARKERS_FOUND);
    else {
      record[field] = fileText(text);
      continue;
    }
    ok = false;
  }
  return ok;
}

/** What no one file shows: the project is there, links lead to records of the files, natural keys are unique, texts belong to an interview. */
function checkWhole(files: ReadonlyMap<string, string>, records: readonly ShareRecord[], problems: Problems): void {
  if (!files.has(PROJECT_FILE)) problems.add(PROJECT_FILE, 'It is missing: every shared project has its project file.');
  const seen = new Map<string, string>();
  for (const r of records) {
    const path = shareFilePath(r.kind, r.uid);
    for (const link of LINKS[r.kind] ?? []) {
      const to = r.fields[link.field];
      if (link.nullable && to === null) continue;
      // A file there but refused has its own problems listed already.
      if (!files.has(shareFilePath(link.to, String(to)))) problems.add(path, `Its ${link.what} (${shareFilePath(link.to, String(to))}) is not in the shared project.`);
    }
    const natural = NATURAL_KEYS[r.kind];
    if (natural) {
      const key = `${r.kind}:${natural.key(r.fields)}`;
      const other = seen.get(key);
      if (other !== undefined) problems.add(path, natural.says(r.fields, other));
      else seen.set(key, path);
    }
  }
  const interviews = new Set(records.filter((r) => r.kind === 'interview').map((r) => r.uid));
  for (const path of files.keys()) {
    const text = TEXT_FILE.exec(path);
    if (text && !interviews.has(text[1]!) && !files.has(shareFilePath('interview', text[1]!))) problems.add(path, `It belongs to no interview: ${shareFilePath('interview', text[1]!)} is not in the shared project.`);
  }
}

/** The project as the archive the store imports must pass the archive door, its size limit included. */
function checkSize(snapshot: ShareSnapshot): ShareProblem[] | undefined {
  const archive = snapshotToArchive(snapshot);
  const bytes = byteLength(serializeArchive(archive));
  const file = 'The shared project';
  if (bytes > LIMITS.projectBytes) {
    return [{ file, message: `As an archive it would take ${sizeInWords(bytes)}; a project holds at most ${sizeInWords(LIMITS.projectBytes)}, so that it can always be moved as one file.` }];
  }
  const checked = checkArchive(archive);
  return 'problems' in checked ? checked.problems.map((p) => ({ file, message: `${p.path}: ${p.message}` })) : undefined;
}
