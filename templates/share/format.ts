/**
 * The share format: a shared project (templates/share/records.ts) as the files of its private
 * Git repository, one file per record named by its uid, so Git's history reads record by
 * record and two reviewers' edits of different records never touch the same file.
 *
 *   format.json                  {"format": "adoption-desk-share", "projectUid": …, "version": 1}
 *   project.json                 the project
 *   organizations/<uid>.json     people/, adopters/, allowances/, dismissals/, interviews/,
 *                                participants/, answers/, quotes/, conflicts/ likewise
 *   interviews/<uid>.summary.md  an interview's summary and raw notes, out of its JSON, so
 *   interviews/<uid>.raw-notes.md  history and `git merge-file` read them as lines of text
 *   README.md, .gitattributes    for a person who finds the repository; not read back
 *
 * JSON is `{ uid, ...fields }` with keys sorted at every level, two-space indent, LF, one
 * newline at the end: the same records always give the same bytes. A text file is the text and
 * one newline (none when the text is empty). Local ids, versions, the change log, settings, the
 * search index and backups never travel.
 *
 * Reading (format-read.ts) refuses, naming the file: a newer format, a record its checks refuse
 * (the archive's field rules and domain/limits.ts), a file named for another uid, a link to a
 * record not in the files, an interview without its text files, Git conflict markers, and a
 * file in a record folder that is not a record's. Files outside the record folders (a README a
 * teammate added, `.github/`) are ignored: they are not project data, and Adoption Desk does not
 * write them.
 *
 * Writing is format-files.ts `snapshotToFiles`, reading `filesToSnapshot`; the archive
 * conversions are from-archive.ts and format-to-archive.ts.
 */

export * from './format-paths';
export { archiveToSnapshot } from './from-archive';
export { snapshotToArchive } from './format-to-archive';
export { inCreationOrder } from './format-order';
export { snapshotToFiles } from './format-files';
export { filesToSnapshot, type ShareProblem } from './format-read';
