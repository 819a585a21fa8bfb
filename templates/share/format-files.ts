import { DeskError } from '../../domain/errors';
import { ABOUT_FILES, FORMAT_FILE, INTERVIEW_TEXTS, SHARE_FORMAT, SHARE_VERSION, interviewTextPath, shareFilePath } from './format-paths';
import { shareUid } from './format-schema';
import type { ShareSnapshot, ShareValue } from './records';

/**
 * A shared project as the files of its repository (format.ts tells the layout): path → text,
 * paths in sorted order. The same records give the same bytes, whatever order they come in.
 */
export function snapshotToFiles(snapshot: ShareSnapshot): Map<string, string> {
  const files = new Map<string, string>(Object.entries(ABOUT_FILES));
  let projectUid: string | null = null;
  for (const record of snapshot.values()) {
    // A uid becomes a file name: only letters, digits and dashes may, so no record writes outside its folder.
    if (!shareUid.safeParse(record.uid).success) throw new DeskError('VALIDATION', `A ${record.kind} record's stable id "${record.uid}" is not letters, digits and dashes; it cannot name a file.`);
    if (record.kind === 'project') {
      if (projectUid !== null) throw new DeskError('VALIDATION', 'A shared project holds one project record; this one holds more.');
      projectUid = record.uid;
    }
    const fields: Record<string, ShareValue> = { ...record.fields };
    if (record.kind === 'interview') {
      for (const field of Object.keys(INTERVIEW_TEXTS) as (keyof typeof INTERVIEW_TEXTS)[]) {
        const text = fields[field];
        if (typeof text !== 'string') throw new DeskError('VALIDATION', `Interview ${record.uid} has no ${field === 'summary' ? 'summary' : 'raw notes'} text.`);
        files.set(interviewTextPath(record.uid, field), textFile(text));
        delete fields[field];
      }
    }
    files.set(shareFilePath(record.kind, record.uid), jsonFile({ ...fields, uid: record.uid }));
  }
  if (projectUid === null) throw new DeskError('VALIDATION', 'A shared project holds one project record; this one holds none.');
  files.set(FORMAT_FILE, jsonFile({ format: SHARE_FORMAT, version: SHARE_VERSION, projectUid }));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** JSON with keys sorted at every level, two-space indent, LF, one newline at the end. */
export function jsonFile(value: ShareValue): string {
  return `${JSON.stringify(sortedKeys(value), null, 2)}\n`;
}

function sortedKeys(value: ShareValue): ShareValue {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const object = value as { readonly [key: string]: ShareValue };
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((k) => [k, sortedKeys(object[k]!)]),
  );
}

/** A text as a file: the text and one newline, so Git reads its last line as a line (empty stays empty). */
export function textFile(text: string): string {
  return text === '' ? '' : `${text}\n`;
}

/** The text a file holds: textFile undone. */
export function fileText(file: string): string {
  return file.endsWith('\n') ? file.slice(0, -1) : file;
}
