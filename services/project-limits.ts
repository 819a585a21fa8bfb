import { DeskError } from '../domain/errors';
import { fieldTooLarge } from '../domain/fields';
import { LIMITS, sizeInWords } from '../domain/limits';
import { preparedOnce } from '../db/prepared';
import type { Store } from '../db/store';
import { TABLES, type EntityName } from '../db/tables';
import { checkArchive } from '../templates/import/archive-check';
import { serializeArchive } from '../templates/import/archive-format';
import { buildArchive } from './archive-export';

/**
 * A project stays within domain/limits.ts whichever door it grew through. The measure is the
 * project's archive — the file `archive export` writes and the archive door reads — so a
 * project within the limit can always be moved as one file and imported again.
 *
 * Every change under a project passes `checkProjectSize` before it commits (the store's
 * before-commit check): a cheap upper bound from SQL first, and only when that bound is over
 * the limit the archive itself is built and measured. Imports also pass `checkImportedProject`,
 * which checks the archive as the archive door would (every field and name limit, numbers,
 * links), so that no import leaves a project its own archive could not carry.
 */

/** What the archive writes per record besides its text: keys, stamps, uids, indentation (measured: under 1 KB; keys repeat names). */
const ARCHIVE_BYTES_PER_RECORD = 4096;
/**
 * The most one stored byte can take in the archive: JSON writes a control character as six
 * (\u0007), and a list column (aliases, tags) one short item a line, indented. SQLite gives a
 * text's byte count from the record's header (octet_length, without reading the text), so the
 * bound costs ~0.1 ms for a 50 MB project; counting the characters JSON escapes would read
 * every text on every save (~270 ms a column pass there).
 */
const ARCHIVE_BYTES_PER_STORED_BYTE = 6;

/** Which rows of each table belong to the project: those its archive carries (a superset: the trash included). */
const PROJECT_ROWS: Record<EntityName, string> = {
  project: 'SELECT @project',
  adopter: 'SELECT id FROM adopter WHERE project_id = @project',
  interview: 'SELECT id FROM interview WHERE adopter_id IN project_adopter',
  participant: 'SELECT id FROM participant WHERE interview_id IN project_interview',
  answer: 'SELECT id FROM answer WHERE interview_id IN project_interview',
  quote: 'SELECT id FROM quote WHERE interview_id IN project_interview',
  allowance: `SELECT id FROM ${TABLES.allowance.table} WHERE adopter_id IN project_adopter`,
  dismissal: `SELECT id FROM ${TABLES.dismissal.table} WHERE adopter_id IN project_adopter`,
  person: `SELECT person_id FROM participant WHERE interview_id IN project_interview
           UNION SELECT speaker_person_id FROM quote WHERE interview_id IN project_interview AND speaker_person_id IS NOT NULL
           UNION SELECT id FROM person WHERE organization_id IN (SELECT organization_id FROM adopter WHERE project_id = @project)`,
  organization: `SELECT organization_id FROM adopter WHERE project_id = @project
                 UNION SELECT organization_id FROM person WHERE organization_id IS NOT NULL AND id IN project_person`,
  // Open text conflicts travel with a shared project, not in its archive: counted, so the bound stays an upper one.
  conflict: `SELECT id FROM ${TABLES.conflict.table} WHERE project_id = @project`,
};

const ORDER: readonly EntityName[] = ['project', 'adopter', 'interview', 'participant', 'answer', 'quote', 'allowance', 'dismissal', 'person', 'organization', 'conflict'];

/** One SQL statement: the rows of each table under the project and the bytes of all their columns. */
const BOUND_SQL = (() => {
  const ctes = ORDER.map((entity) => `project_${entity} AS (${PROJECT_ROWS[entity]})`);
  const sums = ORDER.map((entity) => {
    const spec = TABLES[entity];
    const bytes = Object.values(spec.fields)
      .map((field) => `total(octet_length(${field.column}))`)
      .join(' + ');
    return `SELECT count(*) AS rows, ${bytes} AS bytes FROM ${spec.table} WHERE id IN project_${entity}`;
  });
  return `WITH ${ctes.join(',\n')} SELECT total(rows) AS rows, total(bytes) AS bytes FROM (${sums.join('\nUNION ALL\n')})`;
})();

/** An upper bound of the project's archive size, from SQL alone (no record is read into JavaScript). */
export function archiveSizeBound(store: Store, projectId: number): number {
  // Prepared once per connection: it runs before every save, and preparing it cost more than running it.
  const { rows, bytes } = preparedOnce<[{ project: number }], { rows: number; bytes: number }>(store.db, BOUND_SQL).get({ project: projectId })!;
  return bytes * ARCHIVE_BYTES_PER_STORED_BYTE + rows * ARCHIVE_BYTES_PER_RECORD;
}

/** The project's archive, as the bytes `archive export` writes. */
function archiveBytes(store: Store, projectId: number): { bytes: number; archive: ReturnType<typeof buildArchive> } {
  const archive = buildArchive(store, projectId);
  return { bytes: Buffer.byteLength(serializeArchive(archive), 'utf8'), archive };
}

function tooLarge(store: Store, projectId: number, bytes: number, limit: number, outcome: string): DeskError {
  const name = store.tables.project.get(projectId).name;
  return new DeskError(
    'VALIDATION',
    `${name} would take ${sizeInWords(bytes)} as an archive; a project holds at most ${sizeInWords(limit)}, so that it can always be moved as one file. ${outcome}`,
  );
}

/**
 * The before-commit check of every change: refuses one that takes the project over its size.
 * (`limit` is the table's; a test may give a smaller one to walk a project to it quickly.)
 */
export function checkProjectSize(store: Store, projectId: number, limit: number = LIMITS.projectBytes): void {
  if (!store.tables.project.find(projectId)) return;
  if (archiveSizeBound(store, projectId) <= limit) return;
  const { bytes } = archiveBytes(store, projectId);
  if (bytes > limit) throw tooLarge(store, projectId, bytes, limit, 'Nothing was saved.');
}

/**
 * The last step of every import, inside its change: the project as its archive would be must
 * pass the archive door — the size and every limit of the archive's schema. A refusal names
 * the place in words ("Adopter 3, interview of 2025-06-03, the summary: …") and rolls the
 * import back.
 */
export function checkImportedProject(store: Store, projectId: number, fileName: string): void {
  if (!store.tables.project.find(projectId)) return;
  const { bytes, archive } = archiveBytes(store, projectId);
  if (bytes > LIMITS.projectBytes) throw tooLarge(store, projectId, bytes, LIMITS.projectBytes, 'Nothing was imported.');
  const checked = checkArchive(archive);
  if ('problems' in checked) {
    throw new DeskError(
      'VALIDATION',
      `${fileName} cannot be imported as it is: ${checked.problems
        .slice(0, 5)
        .map((p) => `${p.path}: ${p.message.replace(/\.$/, '')}.`)
        .join(' ')} Nothing was imported.`,
      { problems: checked.problems },
    );
  }
}

/** "1,200": counts as a reviewer reads them. */
const count = (n: number) => n.toLocaleString('en-US');

/** Refuses, before anything is written, an import that would give a project more adopters than the limit. */
export function checkAdopterCount(fileName: string, projectName: string, existing: number, adding: number, what: string): void {
  if (existing + adding <= LIMITS.adopters) return;
  const already = existing > 0 ? `, and ${projectName} has ${count(existing)} already` : '';
  const advice = existing > 0 ? 'Split the file, or import it into a new project.' : 'Split the file.';
  throw new DeskError('VALIDATION', `${fileName} has ${count(adding)} ${what}${already}; a project holds at most ${count(LIMITS.adopters)} adopters. ${advice} Nothing was imported.`);
}

/** Refuses an adopter number above the limit, saying where the file gives it. */
export function checkAdopterNumber(fileName: string, number: number, where: string): void {
  if (number <= LIMITS.adopters) return;
  throw new DeskError(
    'VALIDATION',
    `${fileName} numbers an entry Adopter ${count(number)} (${where}); adopter numbers go up to ${count(LIMITS.adopters)}, as a project holds at most ${count(LIMITS.adopters)} adopters. Nothing was imported.`,
  );
}

/** Refuses a text over the field limit: "The summary of Adopter 3 (line 120) is 5.2 MB; the limit is 1 MB." */
export function checkFieldSize(fileName: string, what: string, text: string): void {
  const problem = fieldTooLarge(what, text);
  if (problem) throw new DeskError('VALIDATION', `${problem} ${fileName} cannot be imported as it is; nothing was imported.`);
}
