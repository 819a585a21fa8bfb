import type { ShareKind } from './records';

/** Where each record of a shared project lives in its repository (format.ts tells the format). */

export const SHARE_FORMAT = 'adoption-desk-share';
export const SHARE_VERSION = 1;

export const FORMAT_FILE = 'format.json';
export const PROJECT_FILE = 'project.json';

/** The folder of each kind of record but the project (project.json). */
export const SHARE_FOLDERS = {
  organization: 'organizations',
  person: 'people',
  adopter: 'adopters',
  allowance: 'allowances',
  dismissal: 'dismissals',
  interview: 'interviews',
  participant: 'participants',
  answer: 'answers',
  quote: 'quotes',
  conflict: 'conflicts',
} as const satisfies Record<Exclude<ShareKind, 'project'>, string>;

/** The two long texts of an interview, each in a file of its own beside its JSON. */
export const INTERVIEW_TEXTS = { summary: 'summary.md', rawNotes: 'raw-notes.md' } as const;

/** The file of a record. */
export function shareFilePath(kind: ShareKind, uid: string): string {
  return kind === 'project' ? PROJECT_FILE : `${SHARE_FOLDERS[kind]}/${uid}.json`;
}

/** The file of one of an interview's texts. */
export function interviewTextPath(uid: string, field: keyof typeof INTERVIEW_TEXTS): string {
  return `${SHARE_FOLDERS.interview}/${uid}.${INTERVIEW_TEXTS[field]}`;
}

/** Whether a path is one Adoption Desk writes and reads (the rest of a repository is left alone). */
export function isShareFormatPath(path: string): boolean {
  if (path === FORMAT_FILE || path === PROJECT_FILE || Object.hasOwn(ABOUT_FILES, path)) return true;
  const slash = path.indexOf('/');
  return slash > 0 && (Object.values(SHARE_FOLDERS) as string[]).includes(path.slice(0, slash));
}

/** Files for a person who finds the repository; never read back. */
export const ABOUT_FILES: Readonly<Record<string, string>> = {
  'README.md': [
    '# A shared Adoption Desk project',
    '',
    'This repository holds the interviews of one CNCF due diligence, shared by its reviewers through',
    'Adoption Desk (Share, Join, Sync). It is private interview data: adopters spoke on the condition that',
    'only the reviewers read it. Do not make it public, do not fork it into a public place, and delete it',
    'once the due diligence is published.',
    '',
    'Adoption Desk writes every file here; edit the project in the app, not by hand. One file per record,',
    'named by its stable id; `format.json` says which version of the format wrote them.',
    '',
  ].join('\n'),
  // Git never changes line endings here: the bytes Adoption Desk wrote are the bytes it reads.
  '.gitattributes': '* -text\n',
};
